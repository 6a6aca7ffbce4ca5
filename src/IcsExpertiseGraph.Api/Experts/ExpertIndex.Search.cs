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

    /// <summary>Every visible match for the criteria, placed, with their counts; scored lazily for the pages asked for.</summary>
    public ISearchMatches Search(ExpertCriteria criteria, ExpertRanker ranker, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(ranker);
        ArgumentNullException.ThrowIfNull(viewer);
        var count = entries.Length;
        var text = ZeroedBuffers<double>.Rent(count);
        var seen = ZeroedBuffers<bool>.Rent(count);
        var touched = new List<int>();
        var considered = new List<int>();
        try
        {
            foreach (var term in criteria.Terms)
            {
                AddTermScores(term, text, viewer, touched);
            }

            foreach (var phrase in criteria.Phrases)
            {
                AddPhraseScores(phrase, text, viewer, touched);
            }

            // A name always leaves a word no skill's name takes: a query made only of skill names is nobody's name.
            var namedPeople = criteria.Terms.Count > 0 ? NamedPeople(criteria.NameWords) : [];
            var (answerBits, rootBits) = ConceptBitsByPosition(ranker);
            var (tierBits, tierRoots) = (Array.ConvertAll(answerBits, b => b & ranker.TierMask), Array.ConvertAll(rootBits, b => b & ranker.TierMask));
            // Only the skills the query names bring people in; the filter's skills and domains only keep people out.
            var named = SkillMask(criteria.ConceptSkillIds);
            var filter = new CandidateFilter(criteria, this, named);
            var matches = new SearchMatches(this, ranker, criteria, answerBits, rootBits);
            var everyone = criteria.MatchesEveryone;
            void Consider(int position)
            {
                if (seen[position])
                {
                    return;
                }

                seen[position] = true;
                if (!everyone)
                {
                    considered.Add(position);
                }

                if (Admitted(position, criteria, viewer, filter) is not { } entry)
                {
                    return;
                }

                var (met, byName, best) = Coverage(entry, tierBits, tierRoots, answerBits, everyone);
                var textScore = text[position];
                if (!everyone && textScore <= 0 && !namedPeople.Contains(position) && !Holds(entry, named))
                {
                    return;
                }

                var relevance = textScore <= 0 ? 0 : textScore / (textScore + TextHalfPoint);
                var row = entry.Row;
                matches.Add(position, ranker.GroupOf(met, textScore > 0, namedPeople.Contains(position)), met, byName, relevance,
                    best + ranker.PersonBound(relevance, row.LastConfirmedAt, row.Availability, row.OpenToCrossOrganisation));
            }

            if (everyone)
            {
                for (var position = 0; position < count; position++)
                {
                    Consider(position);
                }
            }
            else
            {
                foreach (var position in touched)
                {
                    Consider(position);
                }

                foreach (var position in namedPeople)
                {
                    Consider(position);
                }

                for (var skill = 0; skill < holdersBySkill.Length; skill++)
                {
                    if (named[skill])
                    {
                        foreach (var holder in holdersBySkill[skill])
                        {
                            Consider(holder);
                        }
                    }
                }
            }

            return matches;
        }
        finally
        {
            // Back to zeros, slot by slot: everyone the text reached and everyone considered.
            foreach (var position in touched)
            {
                text[position] = 0;
            }

            foreach (var position in considered)
            {
                seen[position] = false;
            }

            if (criteria.MatchesEveryone)
            {
                // Everyone was considered: one clear of the whole array beats a list of a million positions.
                Array.Clear(seen, 0, count);
            }

            ZeroedBuffers<double>.Return(text);
            ZeroedBuffers<bool>.Return(seen);
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
        (string Field, IReadOnlyList<string> Words)[] fields =
            [("name", SearchText.Words(row.DisplayName)), ("headline", SearchText.Words(row.Headline)), ("bio", SearchText.Words(row.Bio))];
        var found = new List<string>();
        foreach (var words in criteria.Terms.Select(t => (IReadOnlyList<string>)[t]).Concat(criteria.Phrases))
        {
            var where = fields.Where(f => words.All(w => f.Words.Any(x => x.StartsWith(w, StringComparison.Ordinal)))).Select(f => f.Field).ToList();
            if (where.Count > 0)
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"\u201c{string.Join(' ', words)}\u201d in their {Join(where)}"));
            }
        }

        return found.Count == 0 ? null : "Matched " + string.Join("; ", found) + ".";
    }

    private static string Join(List<string> parts) => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    /// <summary>A phrase (the words of a skill name typed) scores for people whose text has every one of its words.</summary>
    private void AddPhraseScores(IReadOnlyList<string> phrase, double[] text, Viewer viewer, List<int> touched)
    {
        var count = entries.Length;
        var scores = ZeroedBuffers<double>.Rent(count);
        var words = ZeroedBuffers<int>.Rent(count);
        var reached = new List<int>();
        try
        {
            foreach (var word in phrase)
            {
                foreach (var person in AddTermScores(word, scores, viewer, reached))
                {
                    words[person]++;
                }
            }

            foreach (var position in reached)
            {
                if (words[position] == phrase.Count)
                {
                    if (text[position] == 0)
                    {
                        touched.Add(position);
                    }

                    text[position] += scores[position];
                }
            }
        }
        finally
        {
            // Everyone any word of the phrase reached is in reached: their slots go back to zero.
            foreach (var position in reached)
            {
                scores[position] = 0;
                words[position] = 0;
            }

            ZeroedBuffers<double>.Return(scores);
            ZeroedBuffers<int>.Return(words);
        }
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

        var rarest = wanted.MinBy(w => postings[w].Length)!;
        foreach (var (person, _) in postings[rarest])
        {
            // Most people with the word have it in their headline or bio, not their name: a cheap look first.
            var displayName = entries[person].Row.DisplayName;
            if (!wanted.All(w => displayName.Contains(w, StringComparison.OrdinalIgnoreCase)))
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

    private static bool Holds(PersonEntry entry, bool[] skills)
    {
        foreach (var skill in entry.HoldingSkill)
        {
            if (skills[skill])
            {
                return true;
            }
        }

        return false;
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
    /// The concepts met (by distinct holdings) and met by name, and the best that one answering holding can add to the
    /// score (every holding counts when nothing is asked for: the profile's strongest then stand in).
    /// </summary>
    private static (int Met, int ByName, double Best) Coverage(PersonEntry entry, ulong[] tierBits, ulong[] rootBits, ulong[] answerBits, bool everyone)
    {
        var held = entry.HoldingSkill;
        Span<ulong> answers = held.Length <= 64 ? stackalloc ulong[held.Length] : new ulong[held.Length];
        Span<ulong> roots = held.Length <= 64 ? stackalloc ulong[held.Length] : new ulong[held.Length];
        var any = false;
        var best = 0.0;
        for (var h = 0; h < held.Length; h++)
        {
            answers[h] = tierBits[held[h]];
            roots[h] = rootBits[held[h]];
            any |= answers[h] != 0;
            if (answerBits[held[h]] != 0 || everyone)
            {
                best = Math.Max(best, ExpertRanker.HoldingBound(entry.Holdings[h]));
            }
        }

        var (met, byName) = any ? ConceptCoverage.Count(answers, roots) : (0, 0);
        return (met, byName, best);
    }

    /// <summary>The matches of one search on this snapshot: placed at once, scored for the pages asked for.</summary>
    private sealed class SearchMatches(ExpertIndex index, ExpertRanker ranker, ExpertCriteria criteria, ulong[] answerBits, ulong[] rootBits) : ISearchMatches
    {
        // Group and skills met in one number, smaller first (at most 64 concepts).
        private const int Groups = 4;
        private const int Levels = 65;

        private readonly List<int> positions = [];
        private readonly List<int> places = [];
        private readonly List<double> texts = [];
        private readonly List<int> metByName = [];
        private readonly List<double> bounds = [];
        private readonly Lock gate = new();
        private RankedCandidate[] top = [];

        public IReadOnlyList<int> Positions => positions;

        public int Count => positions.Count;

        public int SkillHolders { get; private set; }

        public int WordMentions => Count - SkillHolders;

        /// <summary>A match, placed, with its text relevance and the most its score can be.</summary>
        public void Add(int position, SearchGroup group, int met, int byName, double text, double bound)
        {
            bounds.Add(bound);
            positions.Add(position);
            places.Add(((int)group * Levels) + (Levels - 1 - met));
            texts.Add(text);
            metByName.Add(byName);
            if (met > 0)
            {
                SkillHolders++;
            }
        }

        public IReadOnlyList<RankedCandidate> Top(int count)
        {
            count = Math.Min(count, positions.Count);
            lock (gate)
            {
                if (top.Length < count)
                {
                    top = Rank(count);
                }

                return top.Length == count ? top : top[..count];
            }
        }

        public string? TextDetail(Guid personId) => index.TextDetail(personId, criteria);

        public SearchFacets Facets() => index.CountFacets(positions);

        /// <summary>
        /// The best <paramref name="count"/>: the places are counted, the best places holding at least that many people are
        /// scored (without making candidates), the best of those are kept, and only they become candidates.
        /// </summary>
        private RankedCandidate[] Rank(int count)
        {
            if (count == 0)
            {
                return [];
            }

            var sizes = new int[Groups * Levels];
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

            var best = new List<Scored>(count + 1);
            for (var i = 0; i < positions.Count; i++)
            {
                // Someone whose score cannot reach the worst of the best so far is not scored at all.
                if (places[i] > cut || (best.Count == count && (places[i] > best[^1].Place || (places[i] == best[^1].Place && bounds[i] < best[^1].Score))))
                {
                    continue;
                }

                var scored = Score(i);
                if (best.Count == count && Compare(scored, best[^1]) >= 0)
                {
                    continue;
                }

                var at = best.BinarySearch(scored, ScoredOrder);
                best.Insert(at < 0 ? ~at : at, scored);
                if (best.Count > count)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }

            return [.. best.Select(Candidate)];
        }

        private Scored Score(int i)
        {
            var entry = index.entries[positions[i]];
            var held = entry.HoldingSkill;
            Span<ulong> answers = held.Length <= 64 ? stackalloc ulong[held.Length] : new ulong[held.Length];
            Span<ulong> roots = held.Length <= 64 ? stackalloc ulong[held.Length] : new ulong[held.Length];
            for (var h = 0; h < held.Length; h++)
            {
                answers[h] = answerBits[held[h]];
                roots[h] = rootBits[held[h]];
            }

            var row = entry.Row;
            var (score, evidence) = ranker.ScoreOf(new ExpertRanker.Facts(entry.Holdings, answers, roots, texts[i], row.LastConfirmedAt, row.Availability, row.OpenToCrossOrganisation));
            return new Scored(i, places[i], score, evidence, row.Id);
        }

        private static readonly IComparer<Scored> ScoredOrder = Comparer<Scored>.Create(Compare);

        private static int Compare(Scored x, Scored y)
        {
            var order = x.Place.CompareTo(y.Place);
            order = order != 0 ? order : y.Score.CompareTo(x.Score);
            order = order != 0 ? order : y.Evidence.CompareTo(x.Evidence);
            return order != 0 ? order : x.Id.CompareTo(y.Id);
        }

        private RankedCandidate Candidate(Scored scored)
        {
            var entry = index.entries[positions[scored.Match]];
            var row = entry.Row;
            var place = scored.Place;
            var met = Levels - 1 - (place % Levels);
            var group = (SearchGroup)(place / Levels);
            var byName = metByName[scored.Match];
            var candidate = new ExpertCandidate(row.Id, texts[scored.Match], entry.Holdings, entry.Employers, row.LastConfirmedAt, row.Availability, row.OpenToCrossOrganisation);
            return new RankedCandidate(candidate, scored.Score, scored.Evidence, group, met, byName);
        }

        private readonly record struct Scored(int Match, int Place, double Score, double Evidence, Guid Id);
    }

    /// <summary>Facet counts over the people at these positions (each counted once per value).</summary>
    private SearchFacets CountFacets(IReadOnlyList<int> people)
    {
        var skillCounts = new int[skillDomain.Length];
        var domainCounts = new int[Enum.GetValues<QualityDomain>().Length];
        var systemCounts = new Dictionary<Guid, int>();
        var typeCounts = new Dictionary<OrganisationType, int>();
        Span<bool> domainSeen = stackalloc bool[domainCounts.Length];
        var systems = new HashSet<Guid>();
        var types = new HashSet<OrganisationType>();
        foreach (var position in people)
        {
            var entry = entries[position];
            domainSeen.Clear();
            foreach (var skill in entry.HoldingSkill)
            {
                skillCounts[skill]++;
                var domain = (int)skillDomain[skill];
                if (!domainSeen[domain])
                {
                    domainSeen[domain] = true;
                    domainCounts[domain]++;
                }
            }

            systems.Clear();
            types.Clear();
            foreach (var organisation in entry.EmployerPosition)
            {
                var employer = organisations[organisation];
                if (employer.IntegratedCareSystemId is { } ics && systems.Add(ics))
                {
                    systemCounts[ics] = systemCounts.GetValueOrDefault(ics) + 1;
                }

                if (types.Add(employer.Type))
                {
                    typeCounts[employer.Type] = typeCounts.GetValueOrDefault(employer.Type) + 1;
                }
            }
        }

        return SearchFacets.From(skillCounts.Select((n, i) => (Taxonomy.All[i], n)), domainCounts.Select((n, d) => ((QualityDomain)d, n)), systemCounts, typeCounts);
    }
}

/// <summary>
/// Every visible match of one search, placed: the group each is in, how many are in each, the best ones on demand
/// (<see cref="Top"/>), where the words matched, and facet counts over all of them.
/// </summary>
public interface ISearchMatches
{
    int Count { get; }

    /// <summary>How many hold at least one of the skills asked for (or a narrower one).</summary>
    int SkillHolders { get; }

    /// <summary>How many hold none of them but were found by their words (or, with nothing asked for, everyone else).</summary>
    int WordMentions { get; }

    /// <summary>The best <paramref name="count"/> matches (fewer when there are fewer), best first.</summary>
    IReadOnlyList<RankedCandidate> Top(int count);

    /// <summary>Where the query's words are in this person's text, for the explanation; null for the generic sentence.</summary>
    string? TextDetail(Guid personId);

    /// <summary>Counts over every match.</summary>
    SearchFacets Facets();
}
