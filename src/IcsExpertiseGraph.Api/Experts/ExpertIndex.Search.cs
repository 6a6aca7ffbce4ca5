using System.Globalization;
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
    public ISearchMatches Search(ExpertCriteria criteria, ExpertRanker ranker, Viewer viewer, int prepare = 20)
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
            // names: walking those skills' holders tells who holds which (the usual case); otherwise it is read from the entry.
            var flat = true;
            for (var skill = 0; skill < tierBits.Length; skill++)
            {
                flat &= tierBits[skill] == 0 || named[skill];
            }

            // Who to place, as bits by position: they are then placed in position order, so every array read on the way is
            // read front to back (at a million people, visiting them in the order found cost more in cache misses than the work).
            var (slotCount, slots) = (scratch.SlotCount, scratch.SkillSlots);
            var words = (count + 63) >> 6;
            var bits = scratch.Members(words);
            void See(int position)
            {
                ref var word = ref bits[position >> 6];
                var bit = 1UL << position;
                if ((word & bit) == 0)
                {
                    word |= bit;
                    slotCount[position] = 0;
                }
            }

            if (everyone)
            {
                Array.Clear(slotCount, 0, count);
            }
            else
            {
                for (var skill = 0; skill < holdersBySkill.Length; skill++)
                {
                    if (named[skill])
                    {
                        foreach (var holder in holdersBySkill[skill])
                        {
                            See(holder);
                            var held = slotCount[holder]++;
                            if (held < SearchScratch.Slots)
                            {
                                slots[(holder * SearchScratch.Slots) + held] = skill;
                            }
                        }
                    }
                }

                foreach (var position in touched.Span)
                {
                    See(position);
                }

                foreach (var position in namedPeople)
                {
                    See(position);
                }
            }

            var placing = new Placing(this, criteria, viewer, filter, tierBits, tierRoots, named, flat, slotCount, slots);
            void Place(int position)
            {
                if (!placing.Admit(position, out var met, out var metByName, out var holdsNamed))
                {
                    return;
                }

                var textScore = text[position];
                var byName = namedPeople.Count > 0 && namedPeople.Contains(position);
                if (!everyone && textScore <= 0 && !byName && !holdsNamed)
                {
                    return;
                }

                var relevance = textScore <= 0 ? 0 : textScore / (textScore + TextHalfPoint);
                var group = ranker.GroupOf(met, textScore > 0, byName);
                matches.Add(position, ((int)group * PlaceLevels) + (PlaceLevels - 1 - met), met > 0, relevance, metByName,
                    hot[position].Bound + ExpertRanker.TextBound(relevance));
            }

            if (everyone)
            {
                for (var position = 0; position < count; position++)
                {
                    Place(position);
                }
            }
            else
            {
                for (var w = 0; w < words; w++)
                {
                    for (var word = bits[w]; word != 0; word &= word - 1)
                    {
                        Place((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word));
                    }
                }
            }

            return new SearchMatches(this, ranker, criteria, viewer, matches, answerBits, rootBits, prepare);
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
        for (var skill = 0; skill < holdersBySkill.Length; skill++)
        {
            reach += named[skill] ? holdersBySkill[skill].Length : 0;
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
        // Folded, not cut into words: twenty people explained a search would otherwise make thousands of little strings.
        (string Field, string Folded)[] fields = [("name", SearchText.Fold(row.DisplayName)), ("headline", SearchText.Fold(row.Headline)), ("bio", SearchText.Fold(row.Bio))];
        var found = new List<string>();
        foreach (var words in criteria.Terms.Select(t => (IReadOnlyList<string>)[t]).Concat(criteria.Phrases))
        {
            var where = fields.Where(f => words.All(w => w.Length > 0 && SearchText.HasWordStarting(f.Folded, w))).Select(f => f.Field).ToList();
            if (where.Count > 0)
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"\u201c{string.Join(' ', words)}\u201d in their {Join(where)}"));
            }
        }

        return found.Count == 0 ? null : "Matched " + string.Join("; ", found) + ".";
    }

    private static string Join(List<string> parts) => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

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

        var rarest = wanted.MinBy(w => postings[w].Length)!;
        foreach (var (person, _) in postings[rarest])
        {
            // Most people with the word have it in their headline or bio, not their name: a cheap look first (a name with
            // accents is folded before it can be compared: "zoe" is in "Zoë").
            var displayName = entries[person].Row.DisplayName;
            if (System.Text.Ascii.IsValid(displayName) && !wanted.All(w => displayName.Contains(w, StringComparison.OrdinalIgnoreCase)))
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

    /// <summary>For each skill position, the concepts (as bits) it answers and the concepts that name it.</summary>
    private (ulong[] Answers, ulong[] Roots) ConceptBitsByPosition(ExpertRanker ranker)
    {
        var answers = new ulong[skillDomain.Length];
        var roots = new ulong[skillDomain.Length];
        foreach (var skill in Taxonomy.All)
        {
            var position = skillPositions[skill.Id];
            answers[position] = ranker.AnswerBits(skill.Id);
            roots[position] = ranker.RootBits(skill.Id);
        }

        return (answers, roots);
    }

    /// <summary>
    /// Whether a person may be shown and passes the filter, and the concepts they meet (each by a distinct holding), met by
    /// the very skill named, and whether they hold a skill the query names; from the flat arrays where they suffice.
    /// </summary>
    private sealed class Placing(
        ExpertIndex index, ExpertCriteria criteria, Viewer viewer, CandidateFilter filter, ulong[] tierBits, ulong[] tierRoots, bool[] named, bool flat,
        int[] slotCount, int[] slots)
    {
        private readonly bool member = viewer.IsMember || viewer.IsAdmin;
        private readonly ChunkedArray<PersonHot> hot = index.hot;
        private readonly bool unfiltered = filter.Unfiltered;

        public bool Admit(int position, out int met, out int metByName, out bool holdsNamed)
        {
            (met, metByName, holdsNamed) = (0, 0, false);
            var facts = hot[position];
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

            switch (unfiltered ? FilterVerdict.Accepted : filter.Decide(facts))
            {
                case FilterVerdict.Refused:
                    return false;
                case FilterVerdict.AskEntry:
                    entry ??= index.entries[position];
                    if (!filter.Accepts(entry))
                    {
                        return false;
                    }

                    break;
            }

            var held = slotCount[position];
            if (flat && held == 1)
            {
                // One answering holding meets one concept at most (the usual case: no matching to work out).
                var skill = slots[position * SearchScratch.Slots];
                met = tierBits[skill] != 0 ? 1 : 0;
                metByName = Math.Min(met, System.Numerics.BitOperations.PopCount(tierRoots[skill]));
                holdsNamed = true;
                return true;
            }

            if (flat && held <= SearchScratch.Slots)
            {
                if (held > 0)
                {
                    Span<ulong> answers = stackalloc ulong[held];
                    Span<ulong> roots = stackalloc ulong[held];
                    for (var h = 0; h < held; h++)
                    {
                        var skill = slots[(position * SearchScratch.Slots) + h];
                        answers[h] = tierBits[skill];
                        roots[h] = tierRoots[skill];
                    }

                    (met, metByName) = ConceptCoverage.Count(answers, roots);
                    holdsNamed = true;
                }

                return true;
            }

            entry ??= index.entries[position];
            var skills = entry.HoldingSkill;
            Span<ulong> all = skills.Length <= 64 ? stackalloc ulong[skills.Length] : new ulong[skills.Length];
            Span<ulong> allRoots = skills.Length <= 64 ? stackalloc ulong[skills.Length] : new ulong[skills.Length];
            var any = false;
            for (var h = 0; h < skills.Length; h++)
            {
                var skill = skills[h];
                all[h] = tierBits[skill];
                allRoots[h] = tierRoots[skill];
                any |= all[h] != 0;
                holdsNamed |= named[skill];
            }

            (met, metByName) = any ? ConceptCoverage.Count(all, allRoots) : (0, 0);
            return true;
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
        private readonly int[] positions;
        private readonly Lock gate = new();
        private RankedCandidate[] top;

        public SearchMatches(ExpertIndex index, ExpertRanker ranker, ExpertCriteria criteria, Viewer viewer, MatchList matches, ulong[] answerBits, ulong[] rootBits, int prepare)
        {
            (this.index, this.ranker, this.criteria, this.viewer) = (index, ranker, criteria, viewer);
            positions = matches.Positions.ToArray();
            SkillHolders = matches.SkillHolders;
            top = new Ranking(index, ranker, matches, answerBits, rootBits).Best(Math.Min(prepare, positions.Length));
        }

        public int Count => positions.Length;

        public int SkillHolders { get; }

        public int WordMentions => Count - SkillHolders;

        public IReadOnlyList<RankedCandidate> Top(int count)
        {
            count = Math.Min(count, positions.Length);
            lock (gate)
            {
                if (top.Length < count)
                {
                    top = [.. index.Search(criteria, ranker, viewer, count).Top(count)];
                }

                return top.Length == count ? top : top[..count];
            }
        }

        public string? TextDetail(Guid personId) => index.TextDetail(personId, criteria);

        public SearchFacets Facets() => index.CountFacets(positions);
    }

    /// <summary>The best of a search's placed matches, scored only where a score can reach them.</summary>
    private readonly ref struct Ranking(ExpertIndex index, ExpertRanker ranker, MatchList matches, ulong[] answerBits, ulong[] rootBits)
    {
        private static readonly IComparer<Scored> ScoredOrder = Comparer<Scored>.Create(Compare);

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
            // rest cannot reach by their bounds alone, so they are never scored.
            var likely = new PriorityQueue<int, (int Place, double Bound)>(count + 1, WorstFirst);
            for (var i = 0; i < places.Length; i++)
            {
                if (places[i] > cut)
                {
                    continue;
                }

                if (likely.Count < count)
                {
                    likely.Enqueue(i, (places[i], bounds[i]));
                }
                else if (likely.TryPeek(out _, out var worst) && WorstFirst.Compare((places[i], bounds[i]), worst) > 0)
                {
                    likely.DequeueEnqueue(i, (places[i], bounds[i]));
                }
            }

            var best = new List<Scored>(count + 1);
            var first = new HashSet<int>(likely.UnorderedItems.Select(item => item.Element));
            foreach (var i in first)
            {
                Keep(best, Score(i), count);
            }

            for (var i = 0; i < places.Length; i++)
            {
                // Someone whose score cannot reach the worst of the best so far is not scored at all.
                if (places[i] > cut || (best.Count == count && (places[i] > best[^1].Place || (places[i] == best[^1].Place && bounds[i] < best[^1].Score)))
                    || first.Contains(i))
                {
                    continue;
                }

                Keep(best, Score(i), count);
            }

            var ranked = new RankedCandidate[best.Count];
            for (var i = 0; i < ranked.Length; i++)
            {
                ranked[i] = Candidate(best[i]);
            }

            return ranked;
        }

        /// <summary>Worse first: a later place, then a lower bound.</summary>
        private static readonly Comparer<(int Place, double Bound)> WorstFirst =
            Comparer<(int Place, double Bound)>.Create((x, y) => x.Place != y.Place ? y.Place.CompareTo(x.Place) : x.Bound.CompareTo(y.Bound));

        private static void Keep(List<Scored> best, Scored scored, int count)
        {
            if (best.Count == count && Compare(scored, best[^1]) >= 0)
            {
                return;
            }

            var at = best.BinarySearch(scored, ScoredOrder);
            best.Insert(at < 0 ? ~at : at, scored);
            if (best.Count > count)
            {
                best.RemoveAt(best.Count - 1);
            }
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

        private static int Compare(Scored x, Scored y)
        {
            var order = x.Place.CompareTo(y.Place);
            order = order != 0 ? order : y.Score.CompareTo(x.Score);
            order = order != 0 ? order : y.Evidence.CompareTo(x.Evidence);
            return order != 0 ? order : x.Id.CompareTo(y.Id);
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

    private readonly record struct Scored(int Match, int Place, double Score, double Evidence, Guid Id);

    /// <summary>
    /// Facet counts over the people at these positions (each counted once per value): domains from the flat bits, ICSs and
    /// organisation types through small numbers per organisation (a person with one current employer needs no more), skills
    /// from the person's holdings.
    /// </summary>
    private SearchFacets CountFacets(IReadOnlyList<int> people)
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

        var skillCounts = new int[skillDomain.Length];
        var domainCounts = new int[Enum.GetValues<QualityDomain>().Length];
        var systemCounts = new int[systemIds.Count];
        var systemStamp = new int[systemIds.Count];
        var typeCounts = new int[Enum.GetValues<OrganisationType>().Length];
        var typeStamp = new int[typeCounts.Length];
        var stamp = 0;
        foreach (var position in people)
        {
            var hot = this.hot[position];
            for (var domains = (uint)hot.Domains; domains != 0; domains &= domains - 1)
            {
                domainCounts[System.Numerics.BitOperations.TrailingZeroCount(domains)]++;
            }

            var entry = entries[position];
            foreach (var skill in entry.HoldingSkill)
            {
                skillCounts[skill]++;
            }

            stamp++;
            foreach (var organisation in entry.EmployerPosition)
            {
                if (systemOf[organisation] is >= 0 and var system && systemStamp[system] != stamp)
                {
                    systemStamp[system] = stamp;
                    systemCounts[system]++;
                }

                var type = typeOf[organisation];
                if (typeStamp[type] != stamp)
                {
                    typeStamp[type] = stamp;
                    typeCounts[type]++;
                }
            }
        }

        return SearchFacets.From(skillCounts.Select((n, i) => (Taxonomy.All[i], n)), domainCounts.Select((n, d) => ((QualityDomain)d, n)),
            systemIds.Select((id, i) => (id, systemCounts[i])).Where(x => x.Item2 > 0).ToDictionary(x => x.id, x => x.Item2),
            typeCounts.Select((n, t) => ((OrganisationType)t, n)).Where(x => x.n > 0).ToDictionary(x => x.Item1, x => x.n));
    }
}

