using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Expert search answered from memory without scoring every match: each match is first placed by what it costs
/// nothing to know (its group and how many of the skills asked for it meets, from bits per skill position); only the
/// places that can reach the page asked for are scored, and only the page's people become candidates. Counts and
/// facets come from the same set of matches, so they always agree with the page.
/// </summary>
public sealed partial class ExpertIndex
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame" };

    /// <summary>
    /// Every visible match for the criteria, placed and counted, with the best <paramref name="prepare"/> of them ranked;
    /// a deeper page asked for later places them again.
    /// </summary>
    public ISearchMatches Search(ExpertCriteria criteria, ExpertRanker ranker, Viewer viewer, int prepare = 20, bool facets = false)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(ranker);
        ArgumentNullException.ThrowIfNull(viewer);
        var count = entries.Length;
        var scratch = SearchScratch.For(count);
        var text = scratch.Text;
        var touched = scratch.Touched;
        touched.Clear();
        try
        {
            foreach (var term in criteria.Terms)
            {
                ScoreWords([term], text, viewer, scratch, touched);
            }

            foreach (var phrase in criteria.Phrases)
            {
                ScoreWords(phrase, text, viewer, scratch, touched);
            }

            // A name always leaves a word no skill's name takes: a query made only of skill names is nobody's name.
            var namedPeople = criteria.Terms.Count > 0 ? NamedPeople(criteria.NameWords) : [];
            var (answerBits, rootBits) = ConceptBitsByPosition(ranker);
            var (tierBits, tierRoots) = (Array.ConvertAll(answerBits, b => b & ranker.TierMask), Array.ConvertAll(rootBits, b => b & ranker.TierMask));
            // Only the skills the query names bring people in; the filter's skills and domains only keep people out.
            var named = SkillMask(criteria.ConceptSkillIds);
            var filter = new CandidateFilter(criteria, this, named);
            var matches = scratch.Matches;
            matches.Clear();
            var everyone = criteria.MatchesEveryone;
            // Placing someone needs no visit to their entry when every skill answering the ranked concepts is one the query
            // names: those skills' holder columns tell who holds which (the usual case); otherwise it is read from the entry.
            var flat = true;
            for (var skill = 0; skill < tierBits.Length; skill++)
            {
                flat &= tierBits[skill] == 0 || named[skill];
            }

            // Who to place, as bits by position, narrowed a word (64 people) at a time by the bit columns before anyone is
            // visited: visibility, availability, openness, the filter's domains and skills. They are then placed in position
            // order, so every array read on the way is read front to back.
            var words = (count + 63) >> 6;
            var members = scratch.Members(words).AsSpan(0, words);
            if (everyone)
            {
                members.Fill(ulong.MaxValue);
            }
            else
            {
                for (var skill = 0; skill < named.Length; skill++)
                {
                    if (named[skill])
                    {
                        bits.Skills[skill].OrInto(members);
                    }
                }

                foreach (var position in touched.Span)
                {
                    members[position >> 6] |= 1UL << position;
                }

                foreach (var position in namedPeople)
                {
                    members[position >> 6] |= 1UL << position;
                }
            }

            Narrow(members, criteria, viewer, scratch);
            var placing = new Placing(this, criteria, viewer, filter, tierBits, tierRoots, named, flat, ranker, text, namedPeople, matches);
            if (!everyone && placing.ByWords && placing.ConceptCount > 0 && filter.DecidedByOrganisationAlone)
            {
                // The usual search: it names skills, and its filter is decided by the columns and each person's employers.
                // Its members are then exactly its matches, and only the people meeting every named skill need placing.
                NarrowByOrganisation(members, filter);
                var first = FirstToPlace(answerBits, touched, namedPeople, scratch.Filter(words));
                if (ByLevels(members, placing, namedPeople, matches, prepare, first) is var (matched, holders, restLeft))
                {
                    // Those placed first are ranked; the rest are placed too only if one of them could still reach the page.
                    var page = Math.Min(prepare, matched);
                    var ranked = restLeft ? new Ranking(this, ranker, matches, answerBits, rootBits).Best(page) : null;
                    if (ranked is not null && !RestCannotReach(ranked, page, placing.ConceptCount))
                    {
                        PlaceRest(members, placing, first);
                        ranked = null;
                    }

                    return new SearchMatches(this, ranker, criteria, viewer, matches, answerBits, rootBits, prepare,
                        facets ? CountFacets(members) : null, matched, holders, ranked);
                }

                matches.Clear();
            }

            for (var w = 0; w < words; w++)
            {
                if (members[w] != 0)
                {
                    placing.PlaceWord(w, members[w]);
                }
            }

            return new SearchMatches(this, ranker, criteria, viewer, matches, answerBits, rootBits, prepare,
                facets ? CountFacets(AsBits(matches.Positions, scratch.Filter(words))) : null, matches.Count, matches.SkillHolders);
        }
        finally
        {
            // Back to zeros, slot by slot: everyone the text reached.
            foreach (var position in touched.Span)
            {
                text[position] = 0;
            }
        }
    }

    /// <summary>
    /// Keeps in <paramref name="members"/> only the people this viewer may see who pass the filter's flat parts: availability,
    /// openness, the domains and the skills (at any level: a level floor is checked person by person), word by word.
    /// </summary>
    private void Narrow(Span<ulong> members, ExpertCriteria criteria, Viewer viewer, SearchScratch scratch)
    {
        bits.KeepVisible(members, viewer, viewer.PersonId is { } self && positionOf.TryGetValue(self, out var position) ? position : -1);
        if (criteria.AvailableOnly)
        {
            bits.Available.AndInto(members);
        }

        if (criteria.OpenToCrossOrganisation is { } open)
        {
            bits.Open.AndInto(members, negate: !open);
        }

        if (criteria.Domains.Count > 0)
        {
            var any = scratch.Filter(members.Length);
            foreach (var domain in criteria.Domains.Distinct())
            {
                bits.Domains[(int)domain].OrInto(any);
            }

            And(members, any);
        }

        if (criteria.SkillIds.Count > 0)
        {
            var any = scratch.Filter(members.Length);
            foreach (var skill in criteria.SkillIds.Distinct())
            {
                if (skillPositions.TryGetValue(skill, out var at))
                {
                    bits.Skills[at].OrInto(any);
                }
            }

            And(members, any);
        }
    }

    /// <summary>
    /// Keeps in <paramref name="members"/> only the people the filter's organisations accept: from their one current
    /// employer when they have one, else from their entry. Nothing to do without an organisation filter.
    /// </summary>
    private void NarrowByOrganisation(Span<ulong> members, CandidateFilter filter)
    {
        if (!filter.ByOrganisation)
        {
            return;
        }

        for (var w = 0; w < members.Length; w++)
        {
            for (var word = members[w]; word != 0; word &= word - 1)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(word);
                var position = (w << 6) + bit;
                var verdict = filter.Decide(hot.At(position), skillsNarrowed: true);
                if (verdict == FilterVerdict.Refused || (verdict == FilterVerdict.AskEntry && !filter.Accepts(entries[position])))
                {
                    members[w] &= ~(1UL << bit);
                }
            }
        }
    }

    /// <summary>
    /// A search whose members are exactly its matches, counted from the bits; only the people who may meet every named skill
    /// (each skill's holders, and those of the narrower ones, ANDed a word at a time) and anyone the query names are placed,
    /// and of those first only the ones in <paramref name="first"/> (see <see cref="FirstToPlace"/>). Null, with some placed,
    /// when fewer of them than the page asked for meet every skill: then everyone must be placed. RestLeft: some who meet
    /// every skill were not placed, since those placed are already enough for the page by their places alone.
    /// </summary>
    private static (int Count, int SkillHolders, bool RestLeft)? ByLevels(ReadOnlySpan<ulong> members, Placing placing, HashSet<int> namedPeople, MatchList matches,
        int prepare, ReadOnlySpan<ulong> first)
    {
        var (count, holders, restLeft) = (0, 0, false);
        for (var w = 0; w < members.Length; w++)
        {
            var word = members[w];
            if (word == 0)
            {
                continue;
            }

            count += System.Numerics.BitOperations.PopCount(word);
            var (any, all) = placing.Answering(w);
            holders += System.Numerics.BitOperations.PopCount(word & any);
            var meets = word & all;
            if (prepare > 0 && meets != 0)
            {
                restLeft |= (meets & ~first[w]) != 0;
                if ((meets & first[w]) != 0)
                {
                    placing.PlaceWord(w, meets & first[w]);
                }
            }
        }

        if (prepare == 0)
        {
            return (count, holders, false);
        }

        foreach (var position in namedPeople)
        {
            var bit = 1UL << position;
            if ((members[position >> 6] & bit) != 0 && (placing.Answering(position >> 6).All & bit) == 0)
            {
                placing.PlaceWord(position >> 6, bit);
            }
        }

        // Enough for the page when that many are named or meet every skill: nobody left out can be placed as well.
        var bar = Bar(placing.ConceptCount);
        if (Reaching(matches, bar) >= prepare)
        {
            return (count, holders, restLeft);
        }

        if (restLeft)
        {
            PlaceRest(members, placing, first);
            if (Reaching(matches, bar) >= prepare)
            {
                return (count, holders, false);
            }
        }

        return null;
    }

    /// <summary>The place of someone in the skills group meeting all of <paramref name="concepts"/>: named people place better.</summary>
    private static int Bar(int concepts) => ((int)SearchGroup.Skills * PlaceLevels) + (PlaceLevels - 1 - concepts);

    /// <summary>How many of those placed are at <paramref name="bar"/> or better.</summary>
    private static int Reaching(MatchList matches, int bar)
    {
        var reached = 0;
        foreach (var place in matches.Places)
        {
            reached += place <= bar ? 1 : 0;
        }

        return reached;
    }

    /// <summary>Places the members meeting every skill whom <see cref="ByLevels"/> left for later.</summary>
    private static void PlaceRest(ReadOnlySpan<ulong> members, Placing placing, ReadOnlySpan<ulong> first)
    {
        for (var w = 0; w < members.Length; w++)
        {
            if (members[w] != 0 && (members[w] & placing.Answering(w).All & ~first[w]) is var rest && rest != 0)
            {
                placing.PlaceWord(w, rest);
            }
        }
    }

    /// <summary>
    /// Who to place first among those meeting every skill: strong holders of any skill answering what is asked
    /// (<see cref="ExpertRanker.StrongHoldingByte"/>), anyone the query's words reached, and anyone it names. The others'
    /// scores are at most <see cref="ExpertRanker.WeakBound"/>: a page of people placed first all above it leaves them out.
    /// A need held by thousands is then ranked from the few hundred who hold it strongly.
    /// </summary>
    private Span<ulong> FirstToPlace(ulong[] answerBits, IntList touched, HashSet<int> namedPeople, Span<ulong> first)
    {
        for (var skill = 0; skill < answerBits.Length; skill++)
        {
            if (answerBits[skill] != 0)
            {
                bits.Strong[skill].OrInto(first);
            }
        }

        foreach (var position in touched.Span)
        {
            first[position >> 6] |= 1UL << position;
        }

        foreach (var position in namedPeople)
        {
            first[position >> 6] |= 1UL << position;
        }

        return first;
    }

    /// <summary>
    /// Whether nobody left unplaced can reach the page ranked from those placed first: they meet every skill at best (the
    /// bar's place) and score at most <see cref="ExpertRanker.WeakBound"/>, so the page's last must place better, or as well
    /// and score above that.
    /// </summary>
    private static bool RestCannotReach(RankedCandidate[] ranked, int page, int concepts)
    {
        if (page == 0 || ranked.Length < page)
        {
            return false;
        }

        var last = ranked[^1];
        var place = ((int)last.Group * PlaceLevels) + (PlaceLevels - 1 - last.Met);
        var bar = Bar(concepts);
        return place < bar || (place == bar && last.Score > ExpertRanker.WeakBound);
    }

    private static void And(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        for (var w = 0; w < target.Length; w++)
        {
            target[w] &= other[w];
        }
    }

    /// <summary>
    /// About how many people a search for these criteria will look at: the holders of the skills it names and the
    /// postings of its words (everyone, when it asks for nothing). Known before any of the work is done.
    /// </summary>
    public long Reach(ExpertCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.MatchesEveryone)
        {
            return entries.Length;
        }

        long reach = 0;
        var named = SkillMask(criteria.ConceptSkillIds);
        for (var skill = 0; skill < named.Length; skill++)
        {
            reach += named[skill] ? bits.Skills[skill].Count : 0;
        }

        foreach (var word in criteria.Terms.Concat(criteria.Phrases.SelectMany(p => p)))
        {
            foreach (var token in WithPrefix(word))
            {
                reach += postings[token].Length;
            }
        }

        return reach;
    }

    /// <summary>
    /// Where the words of the query are in a person's own text (name, headline, bio), for their explanation; null when
    /// none is.
    /// </summary>
    public string? TextDetail(Guid personId, ExpertCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (!positionOf.TryGetValue(personId, out var position))
        {
            return null;
        }

        var row = entries[position].Row;
        // Each field folded as it is read, not cut into words or copied, and the sentence written into one builder: twenty
        // people explained a search would otherwise make thousands of little strings.
        var text = DetailText.Value!.Clear();
        foreach (var term in criteria.Terms)
        {
            Describe(text, [term], row);
        }

        foreach (var phrase in criteria.Phrases)
        {
            Describe(text, phrase, row);
        }

        return text.Length == 0 ? null : text.Insert(0, "Matched ").Append('.').ToString();
    }

    /// <summary>One builder per thread for <see cref="TextDetail"/>.</summary>
    private static readonly ThreadLocal<System.Text.StringBuilder> DetailText = new(() => new System.Text.StringBuilder(128));

    /// <summary>
    /// Appends where the person's own text has every one of the words: “words” in their name, headline and bio (the fields
    /// that do, in that order), after a "; " when something is written already; nothing when no field has them all.
    /// </summary>
    private static void Describe(System.Text.StringBuilder text, IReadOnlyList<string> words, SearchSource.PersonRow row)
    {
        Span<bool> has = [HasAll(row.DisplayName, words), HasAll(row.Headline, words), HasAll(row.Bio, words)];
        var count = (has[0] ? 1 : 0) + (has[1] ? 1 : 0) + (has[2] ? 1 : 0);
        if (count == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append("; ");
        }

        text.Append('\u201c');
        for (var w = 0; w < words.Count; w++)
        {
            text.Append(w == 0 ? "" : " ").Append(words[w]);
        }

        text.Append("\u201d in their ");
        ReadOnlySpan<string> names = ["name", "headline", "bio"];
        var written = 0;
        for (var f = 0; f < names.Length; f++)
        {
            if (!has[f])
            {
                continue;
            }

            // "a", "a and b", "a, b and c".
            text.Append(written == 0 ? "" : written == count - 1 ? " and " : ", ").Append(names[f]);
            written++;
        }
    }

    private static bool HasAll(string? value, IReadOnlyList<string> words)
    {
        // By index: a foreach over the interface would box an enumerator for every field of every hit explained.
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            if (word.Length == 0 || !SearchText.HasFoldedWordStarting(value, word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// People whose name the query is: every word of their name (titles aside) typed, and nothing else. Found through the
    /// postings of the rarest word, checked against the name itself.
    /// </summary>
    private HashSet<int> NamedPeople(IReadOnlyList<string> words)
    {
        var named = new HashSet<int>();
        var wanted = words.Where(w => !Honorifics.Contains(w)).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count is < 2 or > 6 || wanted.Any(w => !postings.ContainsKey(w)))
        {
            return named;
        }

        // A name of these words puts each of them in its holder's postings: only the people in every word's postings (the
        // rarest's, each looked up in the others as they go, all in person order) have their name read.
        var lists = wanted.Select(w => postings[w]).OrderBy(list => list.Length).ToArray();
        var cursors = new int[lists.Length];
        foreach (var (person, _) in lists[0])
        {
            if (!InEvery(lists, cursors, person))
            {
                continue;
            }

            // Most people with the words have them in their headline or bio, not their name: a cheap look first (a name
            // with accents is folded before it can be compared: "zoe" is in "Zoë").
            var displayName = entries[person].Row.DisplayName;
            if (System.Text.Ascii.IsValid(displayName) && !ContainsAll(displayName, wanted))
            {
                continue;
            }

            var name = SearchText.Words(displayName).Where(w => !Honorifics.Contains(w)).ToHashSet(StringComparer.Ordinal);
            if (name.SetEquals(wanted))
            {
                named.Add(person);
            }
        }

        return named;
    }

    /// <summary>Whether the text holds every one of the words, ignoring case (a loop: this runs for every posting of a name's rarest word).</summary>
    /// <summary>
    /// Whether the person is in every list after the first, each list read from its cursor on (people come in ascending order,
    /// so no cursor ever goes back).
    /// </summary>
    private static bool InEvery((int Person, float Frequency)[][] lists, int[] cursors, int person)
    {
        for (var k = 1; k < lists.Length; k++)
        {
            var list = lists[k];
            var at = cursors[k];
            while (at < list.Length && list[at].Person < person)
            {
                at++;
            }

            cursors[k] = at;
            if (at == list.Length || list[at].Person != person)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsAll(string text, HashSet<string> words)
    {
        foreach (var word in words)
        {
            if (!text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>For each skill position, the concepts (as bits) it answers and the concepts that name it.</summary>
    private (ulong[] Answers, ulong[] Roots) ConceptBitsByPosition(ExpertRanker ranker)
    {
        var answers = new ulong[skillDomain.Length];
        var roots = new ulong[skillDomain.Length];
        // Only the few skills answering a concept have bits: the rest stay zero, with no lookup.
        foreach (var skill in ranker.AnsweringSkills)
        {
            if (skillPositions.TryGetValue(skill, out var position))
            {
                answers[position] = ranker.AnswerBits(skill);
                roots[position] = ranker.RootBits(skill);
            }
        }

        return (answers, roots);
    }

    /// <summary>
    /// Places the people of a search, a word of members at a time: whether each may be shown and passes the rest of the
    /// filter (from the flat facts; the entry only for a level floor or several employers), the concepts they meet (each by
    /// a distinct holding) and by the very skill named, and whether they hold a skill the query names. Who holds which
    /// answering skill comes from the skills' bit columns, one word each per 64 people, when every skill answering the
    /// ranked concepts is named (the usual case); otherwise from the person's held skills.
    /// </summary>
    private sealed class Placing
    {
        /// <summary>More answering skills than this are read person by person (a word each would cost more than it saves).</summary>
        private const int MaxWordSkills = 64;

        private readonly ExpertIndex index;
        private readonly ExpertCriteria criteria;
        private readonly Viewer viewer;
        private readonly CandidateFilter filter;
        private readonly ulong[] tierBits;
        private readonly ulong[] tierRoots;
        private readonly bool[] named;
        private readonly ExpertRanker ranker;
        private readonly double[] text;
        private readonly HashSet<int> namedPeople;
        private readonly MatchList matches;
        private readonly bool member;
        private readonly bool unfiltered;
        private readonly bool everyone;
        private readonly bool byNames;
        private readonly ChunkedArray<PersonHot> hot;
        private readonly ChunkedArray<HeldSkills> heldSkills;
        private readonly BitColumn[] answering;   // the answering skills' columns, when placing by words
        private readonly int[] answeringSkill;     // and their positions
        private readonly BitColumn[] namedOnly;   // named skills that answer no ranked concept (they still make a holder)
        private readonly ulong[] heldWords;
        private readonly int[][] conceptColumns;
        private readonly bool askedForNothing;

        public Placing(ExpertIndex index, ExpertCriteria criteria, Viewer viewer, CandidateFilter filter, ulong[] tierBits, ulong[] tierRoots, bool[] named, bool flat,
            ExpertRanker ranker, double[] text, HashSet<int> namedPeople, MatchList matches)
        {
            (this.index, this.criteria, this.viewer, this.filter, this.tierBits, this.tierRoots, this.named) = (index, criteria, viewer, filter, tierBits, tierRoots, named);
            (this.ranker, this.text, this.namedPeople, this.matches) = (ranker, text, namedPeople, matches);
            member = viewer.IsMember || viewer.IsAdmin;
            unfiltered = filter.Unfiltered;
            everyone = criteria.MatchesEveryone;
            byNames = namedPeople.Count > 0;
            hot = index.hot;
            heldSkills = index.held;
            var skills = Enumerable.Range(0, tierBits.Length).Where(s => tierBits[s] != 0).ToArray();
            if (flat && skills.Length <= MaxWordSkills)
            {
                answeringSkill = skills;
                answering = [.. skills.Select(s => index.bits.Skills[s])];
                namedOnly = [.. Enumerable.Range(0, named.Length).Where(s => named[s] && tierBits[s] == 0).Select(s => index.bits.Skills[s])];
            }
            else
            {
                (answeringSkill, answering, namedOnly) = ([], [], []);
            }

            heldWords = new ulong[answering.Length];
            ByWords = flat && skills.Length <= MaxWordSkills;
            askedForNothing = ranker.Concepts.Count == 0;
            var concepts = 0UL;
            foreach (var skill in answeringSkill)
            {
                concepts |= tierBits[skill];
            }

            // For each ranked concept, the answering columns (by index into answering) that meet it.
            conceptColumns = [.. Enumerable.Range(0, 64).Where(c => ((concepts >> c) & 1) != 0)
                .Select(c => Enumerable.Range(0, answering.Length).Where(j => ((tierBits[answeringSkill[j]] >> c) & 1) != 0).ToArray())];
        }

        /// <summary>Whether who holds which answering skill is read from the skills' columns (every answering skill is named).</summary>
        public bool ByWords { get; }

        /// <summary>How many ranked concepts some answering skill meets (placing by words).</summary>
        public int ConceptCount => conceptColumns.Length;

        /// <summary>
        /// In word <paramref name="w"/>: who holds any answering skill, and who holds, for every ranked concept, a skill
        /// answering it (at most: a distinct holding for each is checked when they are placed).
        /// </summary>
        public (ulong Any, ulong All) Answering(int w)
        {
            var any = 0UL;
            var all = ulong.MaxValue;
            foreach (var columns in conceptColumns)
            {
                var meets = 0UL;
                foreach (var j in columns)
                {
                    meets |= answering[j].Word(w);
                }

                any |= meets;
                all &= meets;
            }

            return (any, conceptColumns.Length == 0 ? 0 : all);
        }

        /// <summary>Places the members in word <paramref name="w"/> (bits of <paramref name="word"/>).</summary>
        public void PlaceWord(int w, ulong word)
        {
            ulong namedWord = 0;
            if (ByWords)
            {
                for (var j = 0; j < answering.Length; j++)
                {
                    heldWords[j] = answering[j].Word(w);
                    namedWord |= heldWords[j];
                }

                foreach (var column in namedOnly)
                {
                    namedWord |= column.Word(w);
                }
            }

            Span<ulong> answers = stackalloc ulong[MaxWordSkills];
            Span<ulong> roots = stackalloc ulong[MaxWordSkills];
            for (; word != 0; word &= word - 1)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(word);
                var position = (w << 6) + bit;
                ref readonly var facts = ref hot.At(position);
                if (!Admit(position, facts))
                {
                    continue;
                }

                int met, metByName;
                bool holdsNamed;
                if (ByWords)
                {
                    var held = 0;
                    for (var j = 0; j < heldWords.Length; j++)
                    {
                        if (((heldWords[j] >> bit) & 1) != 0)
                        {
                            answers[held] = tierBits[answeringSkill[j]];
                            roots[held] = tierRoots[answeringSkill[j]];
                            held++;
                        }
                    }

                    holdsNamed = ((namedWord >> bit) & 1) != 0;
                    (met, metByName) = held switch
                    {
                        0 => (0, 0),
                        // One answering holding meets one concept at most (the usual case: no matching to work out).
                        1 => (1, Math.Min(1, System.Numerics.BitOperations.PopCount(roots[0]))),
                        _ => ConceptCoverage.Count(answers[..held], roots[..held]),
                    };
                }
                else
                {
                    ref readonly var inline = ref heldSkills.At(position);
                    (met, metByName, holdsNamed) = inline.Inline ? Meets(inline.Positions) : Meets<int>(index.entries[position].HoldingSkill);
                }

                var textScore = text[position];
                var byName = byNames && namedPeople.Contains(position);
                if (!everyone && textScore <= 0 && !byName && !holdsNamed)
                {
                    continue;
                }

                var relevance = textScore <= 0 ? 0 : textScore / (textScore + TextHalfPoint);
                var group = ranker.GroupOf(met, textScore > 0, byName);
                matches.Add(position, ((int)group * PlaceLevels) + (PlaceLevels - 1 - met), met > 0, relevance, metByName,
                    (askedForNothing ? facts.ProfileBound : facts.Bound) + ExpertRanker.TextBound(relevance));
            }
        }

        /// <summary>
        /// Whether a person may be shown and passes the filter. The bit columns have already kept out whoever fails the flat
        /// parts; they are checked again here from the person's own facts (a few instructions), so a column out of step
        /// with the facts could never show someone hidden.
        /// </summary>
        private bool Admit(int position, in PersonHot facts)
        {
            var flags = facts.Flags;
            if ((flags & RemovedFlag) != 0
                || (criteria.AvailableOnly && (flags & NotAvailableFlag) != 0)
                || (criteria.OpenToCrossOrganisation is { } open && ((flags & OpenFlag) != 0) != open))
            {
                return false;
            }

            PersonEntry? entry = null;
            var visibility = (Visibility)(flags & VisibilityMask);
            if (!(visibility == Visibility.Public || (visibility == Visibility.Network && member) || viewer.IsAdmin))
            {
                // Only a PRIVATE profile's own person sees it.
                entry = index.entries[position];
                if (!viewer.CanSee(entry.Row.Id, visibility))
                {
                    return false;
                }
            }

            switch (unfiltered ? FilterVerdict.Accepted : filter.Decide(facts, skillsNarrowed: true))
            {
                case FilterVerdict.Refused:
                    return false;
                case FilterVerdict.AskEntry:
                    entry ??= index.entries[position];
                    return filter.Accepts(entry);
                default:
                    return true;
            }
        }

        /// <summary>The concepts a person's holdings meet (each by a distinct holding), met by the very skill named, and whether one is named.</summary>
        private (int Met, int MetByName, bool HoldsNamed) Meets<TPosition>(ReadOnlySpan<TPosition> skills) where TPosition : System.Numerics.IBinaryInteger<TPosition>
        {
            Span<ulong> all = skills.Length <= 64 ? stackalloc ulong[skills.Length] : new ulong[skills.Length];
            Span<ulong> allRoots = skills.Length <= 64 ? stackalloc ulong[skills.Length] : new ulong[skills.Length];
            var (any, holdsNamed) = (false, false);
            for (var h = 0; h < skills.Length; h++)
            {
                var skill = int.CreateTruncating(skills[h]);
                all[h] = tierBits[skill];
                allRoots[h] = tierRoots[skill];
                any |= all[h] != 0;
                holdsNamed |= named[skill];
            }

            var (met, metByName) = any ? ConceptCoverage.Count(all, allRoots) : (0, 0);
            return (met, metByName, holdsNamed);
        }
    }

    // A match's place: its group and how many concepts it meets in one number, smaller first (at most 64 concepts).
    private const int PlaceGroups = 4;
    private const int PlaceLevels = 65;

    /// <summary>
    /// The matches of one search on this snapshot: counted, the best ranked at once from the search's working lists, the
    /// positions kept for facets. The working lists belong to the thread's next search, so a deeper page than the one
    /// prepared places the matches again.
    /// </summary>
    private sealed class SearchMatches : ISearchMatches
    {
        private readonly ExpertIndex index;
        private readonly ExpertRanker ranker;
        private readonly ExpertCriteria criteria;
        private readonly Viewer viewer;
        private readonly Lock gate = new();
        private RankedCandidate[] top;
        private SearchFacets? facets;

        /// <param name="facets">
        /// Counted with the matches when the caller said it will ask: keeping every match's position for later would copy
        /// tens of thousands of them a search (at a million people, onto the large object heap).
        /// </param>
        /// <param name="ranked">The best already ranked from those placed, if they were.</param>
        public SearchMatches(ExpertIndex index, ExpertRanker ranker, ExpertCriteria criteria, Viewer viewer, MatchList placed, ulong[] answerBits, ulong[] rootBits,
            int prepare, SearchFacets? facets, int count, int skillHolders, RankedCandidate[]? ranked = null)
        {
            (this.index, this.ranker, this.criteria, this.viewer, this.facets) = (index, ranker, criteria, viewer, facets);
            Count = count;
            SkillHolders = skillHolders;
            Placed = placed.Count;
            top = ranked ?? new Ranking(index, ranker, placed, answerBits, rootBits).Best(Math.Min(prepare, Math.Min(count, placed.Count)));
        }

        public int Count { get; }

        public int SkillHolders { get; }

        public int WordMentions => Count - SkillHolders;

        public int Placed { get; }

        public IReadOnlyList<RankedCandidate> Top(int count)
        {
            count = Math.Min(count, Count);
            lock (gate)
            {
                if (top.Length < count)
                {
                    top = [.. index.Search(criteria, ranker, viewer, count).Top(count)];
                }

                // A view, not a copy: every hit's explanation and place asks for the top down to its own rank.
                return top.Length == count ? top : new ArraySegment<RankedCandidate>(top, 0, count);
            }
        }

        public string? TextDetail(Guid personId) => index.TextDetail(personId, criteria);

        /// <summary>The facets, counted with the matches when they were asked for, else by placing the matches again.</summary>
        public SearchFacets Facets()
        {
            lock (gate)
            {
                return facets ??= index.Search(criteria, ranker, viewer, 0, facets: true).Facets();
            }
        }
    }

    /// <summary>The best of a search's placed matches, scored only where a score can reach them.</summary>
    private readonly ref struct Ranking(ExpertIndex index, ExpertRanker ranker, MatchList matches, ulong[] answerBits, ulong[] rootBits)
    {

        /// <summary>
        /// The best <paramref name="count"/>: the places are counted, the best places holding at least that many people are
        /// scored (without making candidates), the best of those are kept, and only they become candidates.
        /// </summary>
        public RankedCandidate[] Best(int count)
        {
            if (count == 0)
            {
                return [];
            }

            var places = matches.Places;
            var bounds = matches.Bounds;
            Span<int> sizes = stackalloc int[PlaceGroups * PlaceLevels];
            foreach (var place in places)
            {
                sizes[place]++;
            }

            var cut = 0;
            for (var reached = 0; cut < sizes.Length; cut++)
            {
                reached += sizes[cut];
                if (reached >= count)
                {
                    break;
                }
            }

            // The people with the best places and bounds are scored first: the worst of their scores is a bar most of the
            // rest cannot reach by their bounds alone, so they are never scored. A place and a bound make one number (smaller
            // is better), so choosing them is a heap of numbers, not of tuples compared through a delegate.
            var likely = new PriorityQueue<int, ulong>(count + 1);
            for (var i = 0; i < places.Length; i++)
            {
                if (places[i] > cut)
                {
                    continue;
                }

                // The heap keeps the worst on top: the largest key, so the smallest complement.
                var priority = ~Likeliness(places[i], bounds[i]);
                if (likely.Count < count)
                {
                    likely.Enqueue(i, priority);
                }
                else if (likely.TryPeek(out _, out var worst) && priority > worst)
                {
                    likely.DequeueEnqueue(i, priority);
                }
            }

            var first = new int[likely.Count];
            for (var f = 0; likely.TryDequeue(out var i, out _); f++)
            {
                first[f] = i;
            }

            Array.Sort(first);
            var best = new KeptScores(count);
            foreach (var i in first)
            {
                best.Offer(Score(i));
            }

            var next = 0;
            for (var i = 0; i < places.Length; i++)
            {
                if (next < first.Length && first[next] == i)
                {
                    next++;
                    continue;
                }

                // Someone whose score cannot reach the worst of the best so far is not scored at all: first by the bound kept
                // with the match, then by the tighter one their held skills give, read from the flat column.
                if (places[i] > cut || (best.Full && (places[i] > best.Worst.Place || (places[i] == best.Worst.Place
                    && (bounds[i] < best.Worst.Score || AnsweringBound(i) < best.Worst.Score)))))
                {
                    continue;
                }

                best.Offer(Score(i));
            }

            var sorted = best.Sorted();
            var ranked = new RankedCandidate[sorted.Length];
            for (var i = 0; i < ranked.Length; i++)
            {
                ranked[i] = Candidate(sorted[i]);
            }

            return ranked;
        }

        /// <summary>
        /// A place and a bound as one number ordered as they are (smaller is likelier to rank): the place above, the bound as a
        /// float's bits (ordered as the float is, bounds never being negative) turned round below, so a higher bound is smaller.
        /// Rounding the bound to a float only changes who is scored first, never who ranks.
        /// </summary>
        private static ulong Likeliness(int place, double bound) =>
            ((ulong)(uint)place << 32) | (uint.MaxValue - BitConverter.SingleToUInt32Bits(Math.Max(0f, (float)bound)));

        /// <summary>
        /// The most match <paramref name="i"/> can score (<see cref="ExpertRanker.AnsweringBound(ReadOnlySpan{byte}, AvailabilityStatus, bool, int)"/>):
        /// from the bound bytes of the holdings that answer what is asked, read beside their positions, and the flat facts,
        /// without visiting the person's entry. The bound kept with the match when nothing is asked for (there is no
        /// answering holding then), or when the positions are not inline.
        /// </summary>
        private double AnsweringBound(int i)
        {
            var position = matches.Positions[i];
            ref readonly var held = ref index.held.At(position);
            if (ranker.Concepts.Count == 0 || !held.Inline)
            {
                return matches.Bounds[i];
            }

            Span<byte> strongest = stackalloc byte[ranker.ConceptSlots];
            strongest.Clear();
            var skills = held.Positions;
            for (var h = 0; h < skills.Length; h++)
            {
                for (var concepts = answerBits[skills[h]]; concepts != 0; concepts &= concepts - 1)
                {
                    var c = System.Numerics.BitOperations.TrailingZeroCount(concepts);
                    if (c < strongest.Length && held.BoundAt(h) > strongest[c])
                    {
                        strongest[c] = held.BoundAt(h);
                    }
                }
            }

            ref readonly var facts = ref index.hot.At(position);
            return ranker.AnsweringBound(strongest, AvailabilityOf(facts.Flags), (facts.Flags & OpenFlag) != 0, facts.ConfirmedMinute)
                + ExpertRanker.TextBound(matches.Texts[i]);
        }

        private Scored Score(int i)
        {
            var entry = index.entries[matches.Positions[i]];
            var held = entry.HoldingSkill;
            Span<ulong> answers = held.Length <= 64 ? stackalloc ulong[held.Length] : new ulong[held.Length];
            Span<ulong> roots = held.Length <= 64 ? stackalloc ulong[held.Length] : new ulong[held.Length];
            for (var h = 0; h < held.Length; h++)
            {
                answers[h] = answerBits[held[h]];
                roots[h] = rootBits[held[h]];
            }

            var row = entry.Row;
            var (score, evidence) = ranker.ScoreOf(new ExpertRanker.Facts(entry.Holdings, answers, roots, matches.Texts[i], row.LastConfirmedAt, row.Availability, row.OpenToCrossOrganisation));
            return new Scored(i, matches.Places[i], score, evidence, row.Id);
        }

        private RankedCandidate Candidate(Scored scored)
        {
            var entry = index.entries[matches.Positions[scored.Match]];
            var row = entry.Row;
            var met = PlaceLevels - 1 - (scored.Place % PlaceLevels);
            var group = (SearchGroup)(scored.Place / PlaceLevels);
            var text = matches.Texts[scored.Match];
            var candidate = new ExpertCandidate(row.Id, text, entry.Holdings, entry.Employers, row.LastConfirmedAt, row.Availability, row.OpenToCrossOrganisation);
            return new RankedCandidate(candidate, scored.Score, scored.Evidence, group, met, matches.ByName[scored.Match]);
        }
    }

    private readonly record struct Scored(int Match, int Place, double Score, double Evidence, Guid Id)
    {
        public static readonly IComparer<Scored> Order = Comparer<Scored>.Create(Compare);

        /// <summary>The ranking's order: a better place, then a higher score, stronger evidence, then by id.</summary>
        public static int Compare(Scored x, Scored y)
        {
            var order = x.Place.CompareTo(y.Place);
            order = order != 0 ? order : y.Score.CompareTo(x.Score);
            order = order != 0 ? order : y.Evidence.CompareTo(x.Evidence);
            return order != 0 ? order : x.Id.CompareTo(y.Id);
        }
    }

    /// <summary>
    /// The best scored so far, unordered, with the worst of them known: the bar the rest must pass. Replacing the worst
    /// and looking for the next costs a pass over a page's worth; keeping them sorted cost a shift on every insertion.
    /// </summary>
    private sealed class KeptScores(int capacity)
    {
        private readonly Scored[] items = new Scored[capacity];
        private int worst;
        private int count;

        public bool Full => count == items.Length;

        public ref readonly Scored Worst => ref items[worst];

        public void Offer(in Scored scored)
        {
            if (!Full)
            {
                items[count++] = scored;
            }
            else if (Scored.Compare(scored, items[worst]) < 0)
            {
                items[worst] = scored;
            }
            else
            {
                return;
            }

            if (Full)
            {
                worst = 0;
                for (var i = 1; i < items.Length; i++)
                {
                    worst = Scored.Compare(items[i], items[worst]) > 0 ? i : worst;
                }
            }
        }

        /// <summary>The kept ones, best first.</summary>
        public Scored[] Sorted()
        {
            var sorted = items[..count];
            Array.Sort(sorted, Scored.Order);
            return sorted;
        }
    }

    /// <summary>One match's skills and their domains, counted person by person.</summary>
    private void CountHoldings(int position, in PersonHot hot, int[] skillCounts, int[] domainCounts)
    {
        for (var domains = (uint)hot.Domains; domains != 0; domains &= domains - 1)
        {
            domainCounts[System.Numerics.BitOperations.TrailingZeroCount(domains)]++;
        }

        ref readonly var skills = ref held.At(position);
        if (skills.Inline)
        {
            foreach (var skill in skills.Positions)
            {
                skillCounts[skill]++;
            }
        }
        else
        {
            foreach (var skill in entries[position].HoldingSkill)
            {
                skillCounts[skill]++;
            }
        }
    }

    /// <summary>The positions as bits in <paramref name="target"/> (cleared, a word per 64 people).</summary>
    private static Span<ulong> AsBits(ReadOnlySpan<int> positions, Span<ulong> target)
    {
        foreach (var position in positions)
        {
            target[position >> 6] |= 1UL << position;
        }

        return target;
    }

    /// <summary>How many bit columns the skill and domain facets read, and the ICS and organisation type facets.</summary>
    internal (int Holdings, int Employers) FacetColumns => (bits.Skills.Length + bits.Domains.Length, employerBits.ColumnCount);

    /// <summary>
    /// Whether counting facets of <paramref name="people"/> matches goes faster from <paramref name="columns"/> columns (a
    /// word operation per 64 people, for every column) than person by person (a visit to each match's held skills or
    /// employers): only when the matches are many. A visit costs about 64 word operations: at 100,000 people a visit was
    /// measured at 130 ns (a wait on memory, the matches being scattered) and a word of a column at 1.5 ns (read in order);
    /// never-repeated facet searches were about a tenth quicker at 64 than at the 32 first guessed, and no quicker at 96
    /// or 160.
    /// </summary>
    internal static bool FacetsFromColumns(int people, int columns, int words) => (long)people * 64 >= (long)columns * words;

    /// <summary>
    /// Facet counts over the people at these positions (each counted once per value): skills and domains from the bit
    /// columns when the matches are many, else from each person's held skills and flat domain bits; ICSs and organisation
    /// types through small numbers per organisation (a person with one current employer needs no more).
    /// </summary>
    /// <param name="members">The matches as bits.</param>
    private SearchFacets CountFacets(ReadOnlySpan<ulong> members)
    {
        var people = 0;
        foreach (var word in members)
        {
            people += System.Numerics.BitOperations.PopCount(word);
        }

        var (systemIds, systemOf, typeOf) = organisationFacets.Value;
        var tally = new FacetTally(skillDomain.Length, Enum.GetValues<QualityDomain>().Length, systemIds.Length, Enum.GetValues<OrganisationType>().Length);
        // The columns hold live people only, as the matches are; a domain's column is who holds a skill of it (the flat
        // facts' Domains bits, which the per-person count reads).
        // Each pair of facets is counted from its columns or person by person, whichever reads less.
        var byColumns = FacetsFromColumns(people, FacetColumns.Holdings, members.Length);
        var employersByColumns = FacetsFromColumns(people, FacetColumns.Employers, members.Length);
        if (byColumns)
        {
            for (var skill = 0; skill < tally.Skills.Length; skill++)
            {
                tally.Skills[skill] = bits.Skills[skill].CountIn(members);
            }

            for (var domain = 0; domain < tally.Domains.Length && domain < bits.Domains.Length; domain++)
            {
                tally.Domains[domain] = bits.Domains[domain].CountIn(members);
            }
        }

        if (employersByColumns)
        {
            for (var system = 0; system < systemIds.Length; system++)
            {
                tally.Systems[system] = employerBits.Systems.TryGetValue(systemIds[system], out var column) ? column.CountIn(members) : 0;
            }

            for (var type = 0; type < tally.Types.Length; type++)
            {
                tally.Types[type] = employerBits.Types[type].CountIn(members);
            }
        }

        for (var w = 0; w < members.Length && !(byColumns && employersByColumns); w++)
        {
            for (var word = members[w]; word != 0; word &= word - 1)
            {
                var position = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                var hot = this.hot[position];
                if (!byColumns)
                {
                    CountHoldings(position, hot, tally.Skills, tally.Domains);
                }

                if (employersByColumns)
                {
                    continue;
                }

                tally.NextPerson();
                if (hot.Employers == 1)
                {
                    // One current employer (most people): known from the flat facts, no entry to visit.
                    tally.Employer(systemOf[hot.Employer], typeOf[hot.Employer]);
                    continue;
                }

                foreach (var organisation in entries[position].EmployerPosition)
                {
                    tally.Employer(systemOf[organisation], typeOf[organisation]);
                }
            }
        }

        return SearchFacets.From(tally.Skills.Select((n, i) => (Taxonomy.All[i], n)), tally.Domains.Select((n, d) => ((QualityDomain)d, n)),
            systemIds.Select((id, i) => (id, tally.Systems[i])).Where(x => x.Item2 > 0).ToDictionary(x => x.id, x => x.Item2),
            tally.Types.Select((n, t) => ((OrganisationType)t, n)).Where(x => x.n > 0).ToDictionary(x => x.Item1, x => x.n));
    }

    /// <summary>
    /// Facet counts as they are made: per skill, domain, ICS and organisation type; a person with several employers in one
    /// ICS or of one type counts once there (a stamp per person).
    /// </summary>
    private sealed class FacetTally(int skills, int domains, int systems, int types)
    {
        private readonly int[] systemStamp = new int[systems];
        private readonly int[] typeStamp = new int[types];
        private int stamp = 1;

        public int[] Skills { get; } = new int[skills];

        public int[] Domains { get; } = new int[domains];

        public int[] Systems { get; } = new int[systems];

        public int[] Types { get; } = new int[types];

        /// <summary>The next employers counted are another person's.</summary>
        public void NextPerson() => stamp++;

        /// <summary>One of this person's employers: in ICS <paramref name="system"/> (negative: none) and of this type.</summary>
        public void Employer(int system, int type)
        {
            if (system >= 0 && systemStamp[system] != stamp)
            {
                systemStamp[system] = stamp;
                Systems[system]++;
            }

            if (typeStamp[type] != stamp)
            {
                typeStamp[type] = stamp;
                Types[type]++;
            }
        }
    }
}

