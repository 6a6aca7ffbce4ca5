using System.Buffers;
using System.Collections.Immutable;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// The in-memory read model for search: one immutable snapshot of every person's searchable text, holdings,
/// current employers and availability, built from whichever store is configured. It answers the store's
/// candidate question (<see cref="IExpertiseStore.FindExpertCandidatesAsync"/>) with the same semantics, in
/// memory: text through an inverted index scored with BM25, skills through per-skill posting lists, and
/// filters through arrays indexed by small integers (person, skill and organisation positions), because a
/// search may touch every one of 100,000 people.
/// </summary>
public sealed partial class ExpertIndex : IReadModel
{
    // BM25 over name, headline and bio, weighted as the SQLite adapter weights those FTS columns.
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double TextHalfPoint = 5.0;
    private const int NameWeight = 4;
    private const int HeadlineWeight = 6;
    private const int BioWeight = 1;

    private const int MaxMemos = 2_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> memos = new(StringComparer.Ordinal);

    // People by position. Positions are stable while the index follows the change feed: a changed person keeps theirs, a
    // new one is appended, an erased one leaves a removed entry behind (a whole rebuild packs them again).
    private readonly ChunkedArray<PersonEntry> entries;
    private readonly ChunkedArray<PersonHot> hot;   // flags, text length and score bound, read for every person a search touches
    private readonly ChunkedArray<HeldSkills> held; // skill positions, read for every match a search places or counts in facets
    private readonly PeopleBits bits;               // holders, visibility, availability, openness and domains as bit columns
    private readonly Lazy<(Guid[] SystemIds, int[] SystemOf, int[] TypeOf)> organisationFacets;   // worked out once a snapshot, for facets
    private readonly EmployerBits employerBits;      // who works in each ICS and for each type of organisation, for facets
    private readonly PositionMap positionOf;
    private readonly int[] liveByVisibility;        // live people of each visibility, for BM25's statistics
    private readonly double[] lengthByVisibility;   // and their weighted document lengths
    private readonly Dictionary<Guid, int> skillPositions;
    private readonly QualityDomain[] skillDomain;
    private readonly Organisation[] organisations;
    private readonly Dictionary<Guid, int> organisationPositions;
    private readonly HashSet<Guid>[] placesServed;  // by organisation position
    private readonly ImmutableDictionary<string, (int Person, float Frequency)[]> postings;
    private readonly string[] vocabulary;            // postings' terms, in ordinal order, for prefix matching
    private readonly PhrasePostings phrases;         // the skills' names and aliases as phrases, beside the word postings
    private readonly Lazy<int[]> byName;            // people positions by display name; only the development sign-in asks

    /// <summary>The store's change sequence this snapshot reflects.</summary>
    public long Sequence { get; }

    /// <summary>Recent searches ranked on this snapshot (a new snapshot starts empty).</summary>
    public SearchResultCache Results { get; } = new();

    /// <summary>
    /// Which people this viewer may see, as a key for results worked out once per snapshot: visibility depends only on
    /// the viewer's kind, except that a person with a PRIVATE profile also sees themself.
    /// </summary>
    public string ViewKey(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var kind = viewer.IsAdmin ? "admin" : viewer.IsMember ? "member" : "public";
        return !viewer.IsAdmin && viewer.PersonId is { } self && positionOf.TryGetValue(self, out var position) && VisibilityAt(position) == Visibility.Private
            ? kind + ":" + self
            : kind;
    }

    /// <summary>
    /// A report worked out from this snapshot (coverage of an ICS for a kind of viewer), kept with it: computed once,
    /// dropped when a write brings a new snapshot. Bounded, as keys include viewers with private profiles.
    /// </summary>
    public T Memo<T>(string key, Func<T> compute) where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (memos.TryGetValue(key, out var known))
        {
            return (T)known;
        }

        return Remember(key, compute());
    }

    /// <summary>As <see cref="Memo{T}"/>, for work that awaits (a refusal is thrown, not remembered).</summary>
    public async Task<T> MemoAsync<T>(string key, Func<Task<T>> compute) where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        return memos.TryGetValue(key, out var known) ? (T)known : Remember(key, await compute());
    }

    private T Remember<T>(string key, T value) where T : class
    {
        if (memos.Count < MaxMemos)
        {
            memos.TryAdd(key, value);
        }

        return value;
    }

    /// <summary>
    /// For facets, each organisation's ICS as a small number (-1 for none) and its type's number, and the ICSs those numbers
    /// stand for: the same for every search on a snapshot.
    /// </summary>
    private static (Guid[] SystemIds, int[] SystemOf, int[] TypeOf) OrganisationFacets(Organisation[] organisations)
    {
        var systemIds = new List<Guid>();
        var systemOf = new int[organisations.Length];
        var typeOf = new int[organisations.Length];
        var systemNumbers = new Dictionary<Guid, int>();
        for (var o = 0; o < organisations.Length; o++)
        {
            typeOf[o] = (int)organisations[o].Type;
            systemOf[o] = -1;
            if (organisations[o].IntegratedCareSystemId is { } ics)
            {
                if (!systemNumbers.TryGetValue(ics, out var number))
                {
                    systemNumbers[ics] = number = systemIds.Count;
                    systemIds.Add(ics);
                }

                systemOf[o] = number;
            }
        }

        return ([.. systemIds], systemOf, typeOf);
    }

    /// <summary>The taxonomy the index was built with (its skill names are part of people's text).</summary>
    public SkillTaxonomy Taxonomy { get; }

    public Organisation? Organisation(Guid id) => organisationPositions.TryGetValue(id, out var position) ? organisations[position] : null;

    /// <summary>The places an organisation serves.</summary>
    public IReadOnlySet<Guid> PlacesServedBy(Guid organisationId) =>
        organisationPositions.TryGetValue(organisationId, out var position) ? placesServed[position] : new HashSet<Guid>();

    /// <summary>Every organisation, for coverage and collaboration reports.</summary>
    public IReadOnlyList<Organisation> Organisations => organisations;

    /// <summary>
    /// Everyone, whatever their visibility, by display name (ignoring case, then by id), those whose name contains
    /// <paramref name="nameContains"/> (ignoring case) when it is given: the development sign-in's list, which ignores
    /// visibility because whoever may use it can be anyone anyway. Nobody else may call this.
    /// </summary>
    public IReadOnlyList<PersonListing> EveryoneByName(string? nameContains, int first)
    {
        var found = new List<PersonListing>(Math.Min(first, PeopleCount));
        foreach (var i in byName.Value)
        {
            if (found.Count == first)
            {
                break;
            }

            var entry = entries[i];
            var person = entry.Row;
            if (nameContains is null || person.DisplayName.Contains(nameContains, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new PersonListing(person.Id, person.DisplayName, person.Headline, person.Visibility,
                    entry.EmployerPosition.Length > 0 ? organisations[entry.EmployerPosition[0]].Name : null));
            }
        }

        return found;
    }

    /// <summary>The same question as the store's FindExpertCandidatesAsync, answered from memory.</summary>
    public IReadOnlyList<ExpertCandidate> FindCandidates(ExpertCriteria criteria, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(viewer);
        // Buffers of one slot per person are pooled: a search must not leave a megabyte of garbage behind.
        var count = entries.Length;
        var text = criteria.Terms.Count > 0 ? ArrayPool<double>.Shared.Rent(count) : null;
        var words = (count + 63) >> 6;
        var holdsConcept = criteria.ConceptSkillIds.Count > 0 ? ArrayPool<ulong>.Shared.Rent(words) : null;
        try
        {
            if (text is not null)
            {
                ScoreText(criteria.Terms, text, viewer);
            }

            var concept = SkillMask(criteria.ConceptSkillIds);
            if (holdsConcept is not null)
            {
                Array.Clear(holdsConcept, 0, words);
                for (var skill = 0; skill < concept.Length; skill++)
                {
                    if (concept[skill])
                    {
                        bits.Skills[skill].OrInto(holdsConcept.AsSpan(0, words));
                    }
                }
            }

            var filter = new CandidateFilter(criteria, this, concept);
            var candidates = new List<ExpertCandidate>();
            for (var i = 0; i < count; i++)
            {
                var rank = text is null ? 0 : text[i];
                if (!criteria.MatchesEveryone && rank <= 0 && (holdsConcept is null || ((holdsConcept[i >> 6] >> i) & 1) == 0))
                {
                    continue;
                }

                if (Admitted(i, criteria, viewer, filter) is not { } entry)
                {
                    continue;
                }

                var person = entry.Row;
                candidates.Add(new ExpertCandidate(person.Id, rank <= 0 ? 0 : rank / (rank + TextHalfPoint), entry.Holdings, entry.Employers,
                    person.LastConfirmedAt, person.Availability, person.OpenToCrossOrganisation));
            }

            return candidates;
        }
        finally
        {
            if (text is not null)
            {
                ArrayPool<double>.Shared.Return(text);
            }

            if (holdsConcept is not null)
            {
                ArrayPool<ulong>.Shared.Return(holdsConcept);
            }
        }
    }

    /// <summary>The person at this position, when they are live, visible to the viewer and pass the filter; else null.</summary>
    private PersonEntry? Admitted(int position, ExpertCriteria criteria, Viewer viewer, CandidateFilter filter)
    {
        var flags = hot[position].Flags;
        if ((flags & RemovedFlag) != 0
            || (criteria.AvailableOnly && (flags & NotAvailableFlag) != 0)
            || (criteria.OpenToCrossOrganisation is { } open && ((flags & OpenFlag) != 0) != open))
        {
            return null;
        }

        var entry = entries[position];
        return viewer.CanSee(entry.Row.Id, (Visibility)(flags & VisibilityMask)) && filter.Accepts(entry) ? entry : null;
    }

    private bool[] SkillMask(IEnumerable<Guid> skills)
    {
        var mask = new bool[skillDomain.Length];
        foreach (var skill in skills)
        {
            if (skillPositions.TryGetValue(skill, out var position))
            {
                mask[position] = true;
            }
        }

        return mask;
    }

    /// <summary>
    /// BM25 with prefix matching, as the FTS5 query "term"* does: each typed term counts once per person. The statistics
    /// (how many people hold a word, how long a profile is on average) count only people this viewer may see: a hidden
    /// person's words must not move anyone's score, or a score would tell who is hidden.
    /// </summary>
    private void ScoreText(IReadOnlyList<string> terms, double[] scores, Viewer viewer)
    {
        Array.Clear(scores, 0, entries.Length);
        var scratch = SearchScratch.For(entries.Length);
        scratch.Touched.Clear();
        foreach (var term in terms)
        {
            ScoreWords([term], scores, viewer, scratch, scratch.Touched);
        }
    }

    /// <summary>
    /// Adds to <paramref name="text"/> the BM25 of a group of words (one typed word, or the words of a skill name typed)
    /// for the people whose text has every word of the group (each word as a prefix); people it reaches first are added to
    /// <paramref name="touched"/>. The rarest word goes first and later words only follow the people still in the running,
    /// so the arithmetic is done for at most the rarest word's people per word; the other postings are only counted, for
    /// the document frequency each word's weight needs.
    /// </summary>
    private void ScoreWords(IReadOnlyList<string> group, double[] text, Viewer viewer, SearchScratch scratch, IntList touched)
    {
        if (phrases.Find(group) is { } phrase)
        {
            ScorePhrase(phrase, text, viewer, touched);
            return;
        }

        var words = new ((int Person, float Frequency)[][] Postings, long Size)[group.Count];
        for (var w = 0; w < group.Count; w++)
        {
            var lists = WithPrefix(group[w]).Select(token => postings[token]).ToArray();
            if (lists.Length == 0)
            {
                return; // nobody has this word, so nobody has the whole group
            }

            words[w] = (lists, lists.Sum(p => (long)p.Length));
        }

        Array.Sort(words, (x, y) => x.Size.CompareTo(y.Size));
        var (counted, averageLength) = Statistics(viewer);
        var countedFor = bits.CountedFor(viewer, (entries.Length + 63) >> 6);
        if (words.Length == 1 && words[0].Postings.Length == 1)
        {
            ScoreOneList(words[0].Postings[0], text, touched, countedFor, counted, averageLength);
            return;
        }

        var (frequency, partial, seen, progress) = (scratch.Frequency, scratch.Partial, scratch.Counted, scratch.Progress);
        var first = scratch.First;
        var next = scratch.Next;
        first.Clear();
        var before = 0;
        for (var w = 0; w < words.Length; w++)
        {
            var (countStamp, step) = (scratch.Stamp(), scratch.Stamp());
            var reached = w == 0 ? first : next;
            reached.Clear();
            var holding = 0;
            // One list holds each person once: nobody to count twice, so no stamp to read or write.
            var once = words[w].Postings.Length == 1;
            foreach (var list in words[w].Postings)
            {
                foreach (var (person, count) in list)
                {
                    if (once)
                    {
                        holding += (int)((countedFor[person >> 6] >> person) & 1);
                    }
                    else if (seen[person] != countStamp)
                    {
                        seen[person] = countStamp;
                        holding += (int)((countedFor[person >> 6] >> person) & 1);
                    }

                    var mark = progress[person];
                    if (mark == step)
                    {
                        frequency[person] += count; // the same word again, through another word it prefixes
                    }
                    else if (w == 0 || mark == before)
                    {
                        progress[person] = step;
                        frequency[person] = count;
                        reached.Add(person);
                    }
                }
            }

            var idf = Math.Log(1 + ((counted - holding + 0.5) / (holding + 0.5)));
            foreach (var person in reached.Span)
            {
                var tf = frequency[person];
                frequency[person] = 0;
                var norm = K1 * (1 - B + (B * hot[person].Length / averageLength));
                partial[person] += Math.Max(double.Epsilon, idf * tf * (K1 + 1) / (tf + norm));
            }

            before = step;
        }

        // Everyone with the whole group gains its score; everyone the rarest word reached goes back to zero.
        foreach (var person in (words.Length == 1 ? first : next).Span)
        {
            if (text[person] == 0)
            {
                touched.Add(person);
            }

            text[person] += partial[person];
        }

        foreach (var person in first.Span)
        {
            partial[person] = 0;
        }
    }

    /// <summary>Whether these words (a recognised name's, fillers dropped) are scored from phrase postings.</summary>
    internal bool KeepsPhrase(IReadOnlyList<string> words) => phrases.Find(words) is not null;

    /// <summary>
    /// <see cref="ScoreWords"/> for a group that is a skill's name or alias, from its phrase postings: the people who have
    /// every word are listed, with each word's frequency, and each word's document frequency for the viewer is kept, so no
    /// word posting is walked. The arithmetic is the general path's, to the bit: the words are taken in the order its sort
    /// puts them in (the same sizes, the same sort), and each frequency was summed in the same order.
    /// </summary>
    private void ScorePhrase(PhrasePostings.Phrase phrase, double[] text, Viewer viewer, IntList touched)
    {
        var n = phrase.Words.Length;
        var order = new (int Word, long Size)[n];
        for (var w = 0; w < n; w++)
        {
            order[w] = (w, phrases.Statistics(phrase.Words[w]).Postings);
        }

        Array.Sort(order, (x, y) => x.Size.CompareTo(y.Size));
        var (counted, averageLength) = Statistics(viewer);
        Span<double> idf = stackalloc double[n];
        for (var k = 0; k < n; k++)
        {
            var holding = phrases.Statistics(phrase.Words[order[k].Word]).Holding(viewer);
            idf[k] = Math.Log(1 + ((counted - holding + 0.5) / (holding + 0.5)));
        }

        var people = phrase.People;
        for (var i = 0; i < people.Length; i++)
        {
            var person = people[i];
            var norm = K1 * (1 - B + (B * hot[person].Length / averageLength));
            var partial = 0.0;
            for (var k = 0; k < n; k++)
            {
                var tf = phrase.Frequency(i, order[k].Word);
                partial += Math.Max(double.Epsilon, idf[k] * tf * (K1 + 1) / (tf + norm));
            }

            if (text[person] == 0)
            {
                touched.Add(person);
            }

            text[person] += partial;
        }
    }

    /// <summary>
    /// <see cref="ScoreWords"/> for the commonest case, a typed word that stands for one indexed word: each of its people is in
    /// its one list once, so the list is read twice in order (once to count it for the viewer, once to score it) and its
    /// score goes straight to <paramref name="text"/>, without the per-person marks a group of words needs. The arithmetic
    /// is the general path's, to the bit.
    /// </summary>
    private void ScoreOneList((int Person, float Frequency)[] list, double[] text, IntList touched, ulong[] countedFor, int counted, double averageLength)
    {
        var holding = 0;
        foreach (var (person, _) in list)
        {
            holding += (int)((countedFor[person >> 6] >> person) & 1);
        }

        var idf = Math.Log(1 + ((counted - holding + 0.5) / (holding + 0.5)));
        foreach (var (person, tf) in list)
        {
            var norm = K1 * (1 - B + (B * hot[person].Length / averageLength));
            if (text[person] == 0)
            {
                touched.Add(person);
            }

            text[person] += Math.Max(double.Epsilon, idf * tf * (K1 + 1) / (tf + norm));
        }
    }

    /// <summary>How many people count for this viewer, and their average weighted profile length.</summary>
    private (int Count, double AverageLength) Statistics(Viewer viewer)
    {
        int count = liveByVisibility[(int)Visibility.Public];
        var length = lengthByVisibility[(int)Visibility.Public];
        if (viewer.IsMember || viewer.IsAdmin)
        {
            count += liveByVisibility[(int)Visibility.Network];
            length += lengthByVisibility[(int)Visibility.Network];
        }

        if (viewer.IsAdmin)
        {
            count += liveByVisibility[(int)Visibility.Private];
            length += lengthByVisibility[(int)Visibility.Private];
        }

        return (count, count == 0 ? 1 : Math.Max(1, length / count));
    }

    /// <summary>
    /// The indexed words a typed word stands for: itself and every word it begins, as FTS5's "term"* does; a word of one
    /// or two letters ("D&amp;C", "QI") only itself, or it would stand for most of the vocabulary.
    /// </summary>
    private IEnumerable<string> WithPrefix(string term)
    {
        if (term.Length < 3)
        {
            if (postings.ContainsKey(term))
            {
                yield return term;
            }

            yield break;
        }

        var first = Array.BinarySearch(vocabulary, term, StringComparer.Ordinal);
        for (var i = first < 0 ? ~first : first; i < vocabulary.Length && vocabulary[i].StartsWith(term, StringComparison.Ordinal); i++)
        {
            yield return vocabulary[i];
        }
    }

    private enum FilterVerdict { Accepted, Refused, AskEntry }

    /// <summary>
    /// The filter facets of <see cref="ExpertCriteria"/>, turned once per search into masks over skill and
    /// organisation positions, then checked per person with plain loops.
    /// </summary>
    private sealed class CandidateFilter
    {
        private readonly ExpertCriteria criteria;
        private readonly ExpertIndex index;
        private readonly bool[] concept;
        private readonly bool[] skills;
        private readonly bool[] inDomains;
        private readonly bool[]? organisationAccepted;
        private readonly int floor;
        private readonly ushort domainBits;

        public CandidateFilter(ExpertCriteria criteria, ExpertIndex index, bool[] concept)
        {
            this.criteria = criteria;
            this.index = index;
            this.concept = concept;
            skills = index.SkillMask(criteria.SkillIds);
            inDomains = [.. index.skillDomain.Select(d => criteria.Domains.Contains(d))];
            floor = (int)(criteria.MinLevel ?? SkillLevel.Awareness);
            foreach (var domain in criteria.Domains)
            {
                domainBits |= (ushort)(1 << (int)domain);
            }

            if (criteria.IntegratedCareSystemIds.Count > 0 || criteria.PlaceIds.Count > 0 || criteria.OrganisationTypes.Count > 0)
            {
                // One current employer must satisfy every organisation facet at once.
                organisationAccepted = [.. index.organisations.Select((o, i) =>
                    (criteria.IntegratedCareSystemIds.Count == 0 || (o.IntegratedCareSystemId is { } ics && criteria.IntegratedCareSystemIds.Contains(ics)))
                    && (criteria.OrganisationTypes.Count == 0 || criteria.OrganisationTypes.Contains(o.Type))
                    && (criteria.PlaceIds.Count == 0 || index.placesServed[i].Overlaps(criteria.PlaceIds)))];
            }
        }

        /// <summary>Whether the filter names organisations (an ICS, a place, a type), decided person by person from their employers.</summary>
        public bool ByOrganisation => organisationAccepted is not null;

        /// <summary>
        /// Whether, once the bit columns have narrowed the people (skills, domains, availability, openness), only the
        /// organisations are left to decide: no level floor, which needs each holding's level.
        /// </summary>
        public bool DecidedByOrganisationAlone => criteria.MinLevel is null;

        /// <summary>Whether the filter keeps everyone (availability and openness aside, which the caller checks).</summary>
        public bool Unfiltered => criteria.SkillIds.Count == 0 && criteria.MinLevel is null && criteria.Domains.Count == 0 && organisationAccepted is null;

        /// <summary>
        /// The filter decided from a person's flat facts where they suffice: their skills' domains and, with one current
        /// employer, that employer; else the entry must be read (<see cref="Accepts"/>).
        /// </summary>
        public FilterVerdict Decide(in PersonHot hot, bool skillsNarrowed = false)
        {
            // A level floor needs the levels; the filter's skills too, unless their bit columns have already narrowed the people.
            if ((criteria.SkillIds.Count > 0 && !skillsNarrowed) || criteria.MinLevel is not null)
            {
                return FilterVerdict.AskEntry;
            }

            if (criteria.Domains.Count > 0 && (hot.Domains & domainBits) == 0)
            {
                return FilterVerdict.Refused;
            }

            return organisationAccepted is null ? FilterVerdict.Accepted
                : hot.Employers == 0 ? FilterVerdict.Refused
                : hot.Employers > 1 ? FilterVerdict.AskEntry
                : organisationAccepted[hot.Employer] ? FilterVerdict.Accepted : FilterVerdict.Refused;
        }

        /// <summary>The skill and organisation facets (availability and openness are checked by the caller, from flat arrays).</summary>
        public bool Accepts(PersonEntry entry)
        {
            if (criteria.SkillIds.Count > 0 && !Holds(entry, skills))
            {
                return false;
            }

            if (criteria.Domains.Count > 0 && !Holds(entry, inDomains))
            {
                return false;
            }

            if (criteria.MinLevel is not null && criteria.SkillIds.Count == 0 && criteria.Domains.Count == 0
                && !Holds(entry, criteria.ConceptSkillIds.Count == 0 ? null : concept))
            {
                return false;
            }

            if (organisationAccepted is null)
            {
                return true;
            }

            foreach (var organisation in entry.EmployerPosition)
            {
                if (organisationAccepted[organisation])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Holds a skill in the mask (any skill, without one) at the level floor or deeper.</summary>
        private bool Holds(PersonEntry entry, bool[]? mask)
        {
            var held = entry.Holdings;
            var positions = entry.HoldingSkill;
            for (var h = 0; h < held.Length; h++)
            {
                if ((int)held[h].Level >= floor && (mask is null || mask[positions[h]]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
