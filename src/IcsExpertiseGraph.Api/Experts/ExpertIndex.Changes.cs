using System.Collections.Immutable;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// How the index is made: whole from a <see cref="SearchSource"/> (at start, or when a change cannot be followed), and
/// from the snapshot before it plus the changes of a batch of the change feed (<see cref="Apply"/>), touching only the
/// people, postings, skills and organisations those changes name.
/// </summary>
public sealed partial class ExpertIndex
{
    private const byte VisibilityMask = 0b11;
    private const byte NotAvailableFlag = 1 << 2;
    private const byte OpenFlag = 1 << 3;
    private const byte RemovedFlag = 1 << 4;
    private const byte LimitedFlag = 1 << 5;

    /// <summary>Everything the index holds of one person, at their position.</summary>
    private sealed record PersonEntry(SearchSource.PersonRow Row, CandidateSkill[] Holdings, int[] HoldingSkill, Guid[] Employers, int[] EmployerPosition, float Length)
    {
        public bool Removed { get; init; }
    }

    public ExpertIndex(SearchSource source, SkillTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(taxonomy);
        Sequence = source.Sequence;
        Taxonomy = taxonomy;
        skillPositions = taxonomy.All.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        skillDomain = [.. taxonomy.All.Select(s => s.Domain)];
        organisations = [.. source.Organisations];
        organisationPositions = organisations.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        placesServed = [.. organisations.Select(_ => new HashSet<Guid>())];
        foreach (var (organisationId, placeId) in source.OrganisationPlaces)
        {
            if (organisationPositions.TryGetValue(organisationId, out var position))
            {
                placesServed[position].Add(placeId);
            }
        }

        var (built, lengths) = Entries(source, source.People, null, organisationPositions, out var counter);
        liveByVisibility = new int[3];
        lengthByVisibility = new double[3];
        for (var i = 0; i < built.Length; i++)
        {
            liveByVisibility[(int)built[i].Row.Visibility]++;
            lengthByVisibility[(int)built[i].Row.Visibility] += lengths[i];
        }

        entries = new ChunkedArray<PersonEntry>(built);
        hot = new ChunkedArray<PersonHot>([.. built.Select(Hot)]);
        held = new ChunkedArray<HeldSkills>([.. built.Select(e => HeldSkills.Of(e.HoldingSkill, e.Holdings))]);
        organisationFacets = new(() => OrganisationFacets(organisations));
        employerBits = EmployerBits.Build(entries, organisations);
        bits = PeopleBits.Build([.. built.Select(Hot)], [.. built.Select(e => e.HoldingSkill)], [.. built.Select(StrongSkills)], skillDomain.Length);
        positionOf = PositionMap.From([.. built.Select(e => e.Row.Id)]);
        postings = counter.Postings().ToImmutableDictionary(StringComparer.Ordinal);
        vocabulary = [.. postings.Keys.Order(StringComparer.Ordinal)];
        phrases = PhrasePostings.Build(taxonomy.Labels.Select(l => (IReadOnlyList<string>)[.. l.Words.Where(w => !SearchText.IsFiller(w))]),
            word => [.. WithPrefix(word).Select(token => postings[token])], position => (Visibility)(hot[position].Flags & VisibilityMask), built.Length);
        byName = ByName(entries);
    }

    private ExpertIndex(ExpertIndex before, long sequence, ChunkedArray<PersonEntry> entries, ChunkedArray<PersonHot> hot, ChunkedArray<HeldSkills> held, PeopleBits bits, PositionMap positionOf,
        int[] liveByVisibility, double[] lengthByVisibility, Organisation[] organisations, Dictionary<Guid, int> organisationPositions,
        HashSet<Guid>[] placesServed, ImmutableDictionary<string, (int Person, float Frequency)[]> postings, string[] vocabulary, PhrasePostings phrases, EmployerBits employerBits)
    {
        Sequence = sequence;
        Taxonomy = before.Taxonomy;
        skillPositions = before.skillPositions;
        skillDomain = before.skillDomain;
        this.entries = entries;
        this.hot = hot;
        this.held = held;
        this.bits = bits;
        organisationFacets = new(() => OrganisationFacets(organisations));
        this.positionOf = positionOf;
        this.liveByVisibility = liveByVisibility;
        this.lengthByVisibility = lengthByVisibility;
        this.organisations = organisations;
        this.organisationPositions = organisationPositions;
        this.placesServed = placesServed;
        this.postings = postings;
        this.vocabulary = vocabulary;
        this.phrases = phrases;
        this.employerBits = employerBits;
        byName = ByName(entries);
    }

    /// <summary>How many people the index holds (erased people awaiting a rebuild not counted).</summary>
    public int PeopleCount => liveByVisibility.Sum();

    /// <summary>
    /// The next snapshot: this one with the people and organisations of <paramref name="scope"/> as <paramref name="delta"/>
    /// (the store's rows for that scope, read after the changes) has them; a person of the scope the delta lacks was
    /// erased. Costs what the changed people and their words touch. Throws <see cref="ReadModelChangeException"/> when the
    /// delta cannot be applied (it names an organisation the index does not know), and the caller rebuilds whole.
    /// </summary>
    public ExpertIndex Apply(SearchSource delta, SourceScope scope, long sequence)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(scope);
        var (nextOrganisations, nextOrganisationPositions, nextPlaces) = ApplyOrganisations(delta, scope);
        var changedPeople = scope.People ?? throw new ReadModelChangeException("A change scope without its people cannot be applied.");
        var rows = delta.People.ToDictionary(p => p.Id);

        // Who moves: the positions of the people changed (existing keep theirs; new ones are appended), old and new entries.
        var positions = positionOf.ToBuilder();
        var next = entries.Length;
        var changedPositions = new HashSet<int>();
        var oldEntries = new List<(int Position, PersonEntry Entry)>();
        var newRows = new List<(int Position, SearchSource.PersonRow Row)>();
        var removed = new List<(int Position, PersonEntry Entry)>();
        foreach (var id in changedPeople)
        {
            var had = positionOf.TryGetValue(id, out var position);
            if (had)
            {
                changedPositions.Add(position);
                oldEntries.Add((position, entries[position]));
            }

            if (rows.TryGetValue(id, out var row))
            {
                if (!had)
                {
                    position = next++;
                    positions[id] = position;
                    changedPositions.Add(position);
                }

                newRows.Add((position, row));
            }
            else if (had)
            {
                positions.Remove(id);
                removed.Add((position, entries[position]));
            }
        }

        var (built, _) = Entries(delta, [.. newRows.Select(r => r.Row)], [.. newRows.Select(r => r.Position)], nextOrganisationPositions, out var newTerms);
        _ = Entries(null, [.. oldEntries.Select(e => e.Entry.Row)], [.. oldEntries.Select(e => e.Position)], nextOrganisationPositions, out var oldTerms,
            [.. oldEntries.Select(e => e.Entry)]);

        var entryChanges = new List<(int, PersonEntry)>();
        var flagChanges = new List<(int, PersonHot)>();
        var heldChanges = new List<(int, HeldSkills)>();
        var skillsBefore = oldEntries.ToDictionary(e => e.Position, e => e.Entry.HoldingSkill);
        var bitChanges = new List<(int, int[], PersonHot, int[], int[])>();
        var live = (int[])liveByVisibility.Clone();
        var total = (double[])lengthByVisibility.Clone();
        foreach (var (_, entry) in oldEntries)
        {
            total[(int)entry.Row.Visibility] -= entry.Length;
            live[(int)entry.Row.Visibility]--;
        }

        for (var n = 0; n < newRows.Count; n++)
        {
            entryChanges.Add((newRows[n].Position, built[n]));
            var facts = Hot(built[n]);
            flagChanges.Add((newRows[n].Position, facts));
            heldChanges.Add((newRows[n].Position, HeldSkills.Of(built[n].HoldingSkill, built[n].Holdings)));
            bitChanges.Add((newRows[n].Position, skillsBefore.GetValueOrDefault(newRows[n].Position, []), facts, built[n].HoldingSkill, StrongSkills(built[n])));
            total[(int)built[n].Row.Visibility] += built[n].Length;
            live[(int)built[n].Row.Visibility]++;
        }

        foreach (var (position, entry) in removed)
        {
            entryChanges.Add((position, entry with { Holdings = [], HoldingSkill = [], Employers = [], EmployerPosition = [], Length = 0, Removed = true }));
            flagChanges.Add((position, new PersonHot(RemovedFlag, 0, 0, -1, 0, 0, 0, ExpertRanker.NeverConfirmed)));
            heldChanges.Add((position, default));
            bitChanges.Add((position, entry.HoldingSkill, new PersonHot(RemovedFlag, 0, 0, -1, 0, 0, 0, ExpertRanker.NeverConfirmed), [], []));
        }

        // Postings: every word of a changed person's old or new text loses their old posting and gains the new one.
        // Postings: only a word whose count changed for someone (their old text against their new) is touched; a headline
        // edit leaves the postings of every skill word alone, however many people share them.
        var newByWord = newTerms.Postings();
        var oldByWord = oldTerms.Postings();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in newByWord.Keys.Union(oldByWord.Keys))
        {
            if (!SameCounts(oldByWord.GetValueOrDefault(word, []), newByWord.GetValueOrDefault(word, [])))
            {
                words.Add(word);
            }
        }

        var nextPostings = postings.ToBuilder();
        var added = new List<string>();
        var gone = new HashSet<string>(StringComparer.Ordinal);
        int[] changedInOrder = [.. changedPositions.Order()];
        foreach (var word in words)
        {
            var had = postings.TryGetValue(word, out var existing);
            var fresh = newByWord.GetValueOrDefault(word, []);
            Array.Sort(fresh, (x, y) => x.Person.CompareTo(y.Person));
            var merged = Merge(existing ?? [], changedInOrder, fresh);
            if (merged.Length == 0)
            {
                if (had)
                {
                    nextPostings.Remove(word);
                    gone.Add(word);
                }
            }
            else
            {
                if (!had)
                {
                    added.Add(word);
                }

                nextPostings[word] = merged;
            }
        }

        var finalPostings = nextPostings.ToImmutable();
        var wordsBefore = WordsByPerson(oldByWord, oldEntries.ToDictionary(e => e.Position, e => e.Entry.Row.Visibility));
        var wordsAfter = WordsByPerson(newByWord, newRows.ToDictionary(r => r.Position, r => r.Row.Visibility));
        var nextPhrases = phrases.Apply([.. changedInOrder.Select(p => (p, wordsBefore.GetValueOrDefault(p), wordsAfter.GetValueOrDefault(p)))]);
        var nextEntries = entries.With(entryChanges);
        return new ExpertIndex(this, sequence, nextEntries, hot.With(flagChanges), held.With(heldChanges), bits.With(bitChanges), positions.ToImmutable(), live, total,
            nextOrganisations, nextOrganisationPositions, nextPlaces, finalPostings,
            added.Count == 0 && gone.Count == 0 ? vocabulary : Vocabulary(vocabulary, added, gone), nextPhrases,
            employerBits.With(EmployerFacetsMoved(changedPositions, nextEntries, nextOrganisations), nextEntries, nextOrganisations));
    }

    /// <summary>
    /// Whose ICS or organisation type facets may have moved: the changed people, and everyone working for an organisation
    /// whose ICS or type changed (rare: only then is every entry looked at).
    /// </summary>
    private HashSet<int> EmployerFacetsMoved(HashSet<int> changedPositions, ChunkedArray<PersonEntry> nextEntries, Organisation[] nextOrganisations)
    {
        var moved = new HashSet<int>(changedPositions);
        var regrouped = new HashSet<int>();
        for (var o = 0; o < organisations.Length; o++)
        {
            if (organisations[o].IntegratedCareSystemId != nextOrganisations[o].IntegratedCareSystemId || organisations[o].Type != nextOrganisations[o].Type)
            {
                regrouped.Add(o);
            }
        }

        for (var position = 0; regrouped.Count > 0 && position < nextEntries.Length; position++)
        {
            if (nextEntries[position].EmployerPosition.Any(regrouped.Contains))
            {
                moved.Add(position);
            }
        }

        return moved;
    }

    /// <summary>
    /// The changed people's words with their counts, in ordinal order, and their visibility, by position (everyone of
    /// <paramref name="visibility"/>: a person whose text has no word still has an entry), for the phrase postings.
    /// </summary>
    private static Dictionary<int, PhrasePostings.PersonWords> WordsByPerson(Dictionary<string, (int Person, float Frequency)[]> byWord, Dictionary<int, Visibility> visibility)
    {
        var lists = visibility.Keys.ToDictionary(p => p, _ => new List<(string Token, float Count)>());
        foreach (var (word, posting) in byWord)
        {
            foreach (var (person, count) in posting)
            {
                lists[person].Add((word, count));
            }
        }

        return lists.ToDictionary(l => l.Key, l =>
        {
            l.Value.Sort((x, y) => string.CompareOrdinal(x.Token, y.Token));
            return new PhrasePostings.PersonWords([.. l.Value.Select(t => t.Token)], [.. l.Value.Select(t => t.Count)], visibility[l.Key]);
        });
    }

    /// <summary>Whether two postings of the changed people hold the same people with the same counts.</summary>
    private static bool SameCounts((int Person, float Frequency)[] before, (int Person, float Frequency)[] now) =>
        before.Length == now.Length && before.Order().SequenceEqual(now.Order());

    /// <summary>
    /// A posting (in person order) without the changed people's old entries and with their new ones, still in person
    /// order: the changed people are found by binary search and the rest is copied in blocks, so a word most people share
    /// costs one copy of its list.
    /// </summary>
    private static (int Person, float Frequency)[] Merge((int Person, float Frequency)[] existing, int[] changedInOrder, (int Person, float Frequency)[] freshInOrder)
    {
        var drop = new List<int>(changedInOrder.Length);
        foreach (var person in changedInOrder)
        {
            var at = Find(existing, person);
            if (at >= 0)
            {
                drop.Add(at);
            }
        }

        var merged = new (int Person, float Frequency)[existing.Length - drop.Count + freshInOrder.Length];
        int from = 0, to = 0, f = 0;
        drop.Add(existing.Length);
        foreach (var stop in drop)
        {
            // Copy existing[from..stop), with the fresh entries that fall inside it put in their places.
            while (from < stop)
            {
                var next = f < freshInOrder.Length ? Math.Min(stop, Upper(existing, from, stop, freshInOrder[f].Person)) : stop;
                Array.Copy(existing, from, merged, to, next - from);
                to += next - from;
                from = next;
                if (from < stop)
                {
                    merged[to++] = freshInOrder[f++];
                }
            }

            from = stop + 1;
        }

        while (f < freshInOrder.Length)
        {
            merged[to++] = freshInOrder[f++];
        }

        return merged;
    }

    private static int Find((int Person, float Frequency)[] postings, int person)
    {
        int low = 0, high = postings.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (postings[middle].Person == person)
            {
                return middle;
            }

            (low, high) = postings[middle].Person < person ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    /// <summary>The first index in [from, stop) whose person is above <paramref name="person"/> (stop when none is).</summary>
    private static int Upper((int Person, float Frequency)[] postings, int from, int stop, int person)
    {
        int low = from, high = stop;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = postings[middle].Person <= person ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    /// <summary>The sorted vocabulary with some words added and some gone, merged in one pass (no sort of the whole).</summary>
    private static string[] Vocabulary(string[] sorted, List<string> added, HashSet<string> gone)
    {
        added.Sort(StringComparer.Ordinal);
        var merged = new List<string>(sorted.Length + added.Count);
        var a = 0;
        foreach (var word in sorted)
        {
            while (a < added.Count && string.CompareOrdinal(added[a], word) < 0)
            {
                merged.Add(added[a++]);
            }

            if (gone.Count == 0 || !gone.Contains(word))
            {
                merged.Add(word);
            }
        }

        merged.AddRange(added.Skip(a));
        return [.. merged];
    }

    private (Organisation[], Dictionary<Guid, int>, HashSet<Guid>[]) ApplyOrganisations(SearchSource delta, SourceScope scope)
    {
        if (scope.Organisations is not { Count: > 0 } changed)
        {
            return (organisations, organisationPositions, placesServed);
        }

        var nextOrganisations = organisations.ToList();
        var nextPositions = new Dictionary<Guid, int>(organisationPositions);
        var nextPlaces = placesServed.ToList();
        foreach (var organisation in delta.Organisations.Where(o => changed.Contains(o.Id)))
        {
            if (nextPositions.TryGetValue(organisation.Id, out var position))
            {
                nextOrganisations[position] = organisation;
                nextPlaces[position] = [];
            }
            else
            {
                nextPositions[organisation.Id] = nextOrganisations.Count;
                nextOrganisations.Add(organisation);
                nextPlaces.Add([]);
            }
        }

        foreach (var (organisationId, placeId) in delta.OrganisationPlaces)
        {
            if (changed.Contains(organisationId) && nextPositions.TryGetValue(organisationId, out var position))
            {
                nextPlaces[position].Add(placeId);
            }
        }

        return ([.. nextOrganisations], nextPositions, [.. nextPlaces]);
    }

    /// <summary>
    /// Entries for people rows (holdings and employers from <paramref name="source"/>, or kept from
    /// <paramref name="existing"/>), with their words counted in a fresh counter under their positions (row order when null).
    /// </summary>
    private (PersonEntry[] Entries, float[] Lengths) Entries(SearchSource? source, IReadOnlyList<SearchSource.PersonRow> rows, IReadOnlyList<int>? positions,
        Dictionary<Guid, int> organisationPositions, out TermCounter terms, IReadOnlyList<PersonEntry>? existing = null)
    {
        var index = new Dictionary<Guid, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            index[rows[i].Id] = i;
        }

        var held = new List<CandidateSkill>?[rows.Count];
        var works = new List<Guid>?[rows.Count];
        if (source is not null)
        {
            foreach (var row in source.Holdings)
            {
                if (index.TryGetValue(row.PersonId, out var i) && skillPositions.ContainsKey(row.Skill.SkillId))
                {
                    (held[i] ??= []).Add(row.Skill);
                }
            }

            foreach (var (personId, organisationId) in source.CurrentEmployments)
            {
                if (!index.TryGetValue(personId, out var i))
                {
                    continue;
                }

                if (!organisationPositions.ContainsKey(organisationId))
                {
                    throw new ReadModelChangeException($"A person works for organisation {organisationId}, which the search index does not hold.");
                }

                var list = works[i] ??= [];
                if (!list.Contains(organisationId))
                {
                    list.Add(organisationId);
                }
            }
        }

        // A person's text is their name, headline and bio. Skills are matched as skills (ExpertRanker), never as words:
        // "systems" must not find everyone holding "Kanban and pull systems".
        terms = new TermCounter();
        var counter = terms;
        var made = new PersonEntry[rows.Count];
        var lengths = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var holdings = existing?[i].Holdings ?? held[i]?.ToArray() ?? [];
            var holdingSkill = existing?[i].HoldingSkill ?? [.. holdings.Select(s => skillPositions[s.SkillId])];
            var employers = existing?[i].Employers ?? works[i]?.ToArray() ?? [];
            counter.Text(rows[i].DisplayName, NameWeight);
            counter.Text(rows[i].Headline, HeadlineWeight);
            counter.Text(rows[i].Bio, BioWeight);

            lengths[i] = counter.EndDocument(positions?[i] ?? i);
            made[i] = new PersonEntry(rows[i], holdings, holdingSkill, employers, existing?[i].EmployerPosition ?? [.. employers.Select(id => organisationPositions[id])], lengths[i]);
        }

        return (made, lengths);
    }

    /// <summary>What a search reads for everyone it looks at, kept flat beside the entries (no object to visit).</summary>
    private PersonHot Hot(PersonEntry entry)
    {
        var row = entry.Row;
        var flags = (byte)((byte)row.Visibility
            | (row.Availability == AvailabilityStatus.NotAvailable ? NotAvailableFlag : 0)
            | (row.Availability == AvailabilityStatus.Limited ? LimitedFlag : 0)
            | (row.OpenToCrossOrganisation ? OpenFlag : 0));
        ushort domains = 0;
        foreach (var skill in entry.HoldingSkill)
        {
            domains |= (ushort)(1 << (int)skillDomain[skill]);
        }

        var employers = entry.EmployerPosition;
        return new PersonHot(flags, domains, (byte)Math.Min(employers.Length, byte.MaxValue), employers.Length > 0 ? employers[0] : -1, entry.Length,
            MathF.BitIncrement((float)ExpertRanker.StaticBound(entry.Holdings, row.Availability, row.OpenToCrossOrganisation)),
            MathF.BitIncrement((float)ExpertRanker.ProfileBound(entry.Holdings, row.Availability, row.OpenToCrossOrganisation)),
            ExpertRanker.ConfirmedMinute(row.LastConfirmedAt));
    }

    /// <summary>The skill positions of the person's strong holdings (<see cref="ExpertRanker.StrongHoldingByte"/>).</summary>
    private static int[] StrongSkills(PersonEntry entry) =>
        [.. entry.HoldingSkill.Where((_, h) => ExpertRanker.HoldingBoundByte(entry.Holdings[h]) >= ExpertRanker.StrongHoldingByte)];

    /// <summary>A person's availability, from their flags.</summary>
    private static AvailabilityStatus AvailabilityOf(byte flags) =>
        (flags & NotAvailableFlag) != 0 ? AvailabilityStatus.NotAvailable : (flags & LimitedFlag) != 0 ? AvailabilityStatus.Limited : AvailabilityStatus.Open;

    private Visibility VisibilityAt(int position) => (Visibility)(hot[position].Flags & VisibilityMask);

    /// <summary>
    /// A person's visibility and filter flags, the quality domains of their skills (a bit each), how many current employers
    /// they have and the first one's position, their weighted text length (BM25's document length) and the most their score
    /// can be without its text (<see cref="ExpertRanker.StaticBound"/>, rounded up to a float), and when nothing but words
    /// is asked for (<see cref="ExpertRanker.ProfileBound"/>), and when they last confirmed their profile (for the bound
    /// of <see cref="ExpertRanker.AnsweringBound(ReadOnlySpan{byte}, AvailabilityStatus, bool, int)"/>): what most searches need to place
    /// and to pass over someone, in 24 bytes.
    /// </summary>
    private readonly record struct PersonHot(byte Flags, ushort Domains, byte Employers, int Employer, float Length, float Bound, float ProfileBound, int ConfirmedMinute);

    private static Lazy<int[]> ByName(ChunkedArray<PersonEntry> entries) => new(() =>
        [.. Enumerable.Range(0, entries.Length).Where(i => !entries[i].Removed)
            .OrderBy(i => entries[i].Row.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(i => entries[i].Row.Id)]);
}

