using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Turns typed words into skills: names and aliases ("SPC", "PDSA", "EBCD", "QSIR") in any case, with
/// punctuation and simple plurals ignored; misspellings within one or two edits; and, when nothing else
/// matched, skills whose names contain one of the words ("improvement").
/// </summary>
public static class Vocabulary
{
    public static IReadOnlyList<Concept> ConceptsIn(string? query, SkillTaxonomy taxonomy) => Understand(query, taxonomy).Concepts;

    /// <summary>
    /// What a query means: the skills its words name, and what is left of it as text. The words of a recognised name or
    /// alias belong to that skill: they come back as one phrase (found in someone's text only all together), never as
    /// loose words, so "systems" of "systems thinking" does not match "Kanban and pull systems". The other words are the
    /// free text.
    /// </summary>
    public static QueryMeaning Understand(string? query, SkillTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var words = SearchText.Words(query).Select(SearchText.Singular).ToArray();
        if (words.Length == 0)
        {
            return QueryMeaning.Nothing;
        }

        var (concepts, consumed) = Recognise(words, query, taxonomy);
        var phrases = consumed
            .Select(span => (IReadOnlyList<string>)[.. words.AsSpan(span.Start, span.Length).ToArray().Where(w => !SearchText.IsFiller(w))])
            .Where(p => p.Count > 0)
            .DistinctBy(p => string.Join(' ', p))
            .ToList();
        var taken = new bool[words.Length];
        foreach (var (start, length) in consumed)
        {
            taken.AsSpan(start, length).Fill(true);
        }

        var free = SearchText.Terms(string.Join(' ', SearchText.Words(query).Where((_, i) => !taken[i])));
        return new QueryMeaning(concepts, free, phrases, SearchText.Terms(query));
    }

    private static (IReadOnlyList<Concept>, List<(int Start, int Length)>) Recognise(string[] words, string? query, SkillTaxonomy taxonomy)
    {
        // Exact names and aliases, found through each word's labels, then put in label order and position order within a
        // label: the order the concepts' ties are broken in below.
        var exact = new List<(int Label, int Start)>();
        for (var start = 0; start < words.Length; start++)
        {
            foreach (var index in taxonomy.LabelsStartingWith(words[start]))
            {
                var label = taxonomy.Labels[index];
                if (start + label.Words.Length <= words.Length && words.AsSpan(start, label.Words.Length).SequenceEqual(label.Words))
                {
                    exact.Add((index, start));
                }
            }
        }

        exact.Sort();
        var matches = new List<(Skill Skill, int Start, int Length, ConceptSource Source)>(exact.Count);
        foreach (var (index, start) in exact)
        {
            var label = taxonomy.Labels[index];
            matches.Add((label.Skill, start, label.Words.Length, label.IsAlias ? ConceptSource.Alias : ConceptSource.Name));
        }

        var covered = new bool[words.Length];
        foreach (var match in matches)
        {
            covered.AsSpan(match.Start, match.Length).Fill(true);
        }

        matches.AddRange(Misspelt(words, covered, taxonomy));

        // A label inside a longer matched label of another skill is part of that one ("control chart" in
        // "statistical process control chart" is not a second need).
        var kept = matches.Where(m => !matches.Any(o => o.Skill.Id != m.Skill.Id && o.Length > m.Length
            && o.Start <= m.Start && o.Start + o.Length >= m.Start + m.Length)).ToList();
        var concepts = kept
            .GroupBy(m => m.Skill.Id)
            .Select(g => g.OrderBy(m => m.Source).First())
            .OrderBy(m => m.Start)
            .Select(m => taxonomy.ConceptFor([m.Skill], m.Skill.Name, m.Source))
            .ToList();
        if (concepts.Count > 0)
        {
            return (concepts, [.. kept.Select(m => (m.Start, m.Length))]);
        }

        // Nothing named a skill: skills whose names hold one of the longer words stand in, and the words stay free text.
        var terms = SearchText.Terms(query).Select(SearchText.Singular).Where(t => t.Length >= 4).ToHashSet();
        Func<string, bool> typed = terms.Contains; // one delegate, not one per label
        var containing = taxonomy.Labels.Where(l => !l.IsAlias && l.Words.Any(typed)).Select(l => l.Skill).DistinctBy(s => s.Id).ToList();
        return (containing.Count == 0 ? [] : [taxonomy.ConceptFor(containing, string.Join(' ', terms), ConceptSource.Word)], []);
    }

    /// <summary>Labels whose every word is within reach of the uncovered query words at the same positions.</summary>
    private static IEnumerable<(Skill, int, int, ConceptSource)> Misspelt(string[] words, bool[] covered, SkillTaxonomy taxonomy)
    {
        foreach (var label in taxonomy.Labels)
        {
            var length = label.Words.Length;
            for (var start = 0; start + length <= words.Length; start++)
            {
                if (covered.AsSpan(start, length).Contains(true))
                {
                    continue;
                }

                var allClose = true;
                var anyInexact = false;
                for (var i = 0; i < length && allClose; i++)
                {
                    var typed = words[start + i];
                    var wanted = label.Words[i];
                    if (typed == wanted)
                    {
                        continue;
                    }

                    anyInexact = true;
                    allClose = IsClose(typed, wanted);
                }

                if (allClose && anyInexact)
                {
                    yield return (label.Skill, start, length, ConceptSource.Misspelling);
                }
            }
        }
    }

    /// <summary>
    /// A typed word close enough to a label word: a prefix of four letters or more ("statist"), or one edit
    /// away when both words have five to seven letters, two when both are longer. Short words must be exact,
    /// so "lean" never becomes "learn".
    /// </summary>
    internal static bool IsClose(string typed, string wanted)
    {
        if (typed.Length >= 4 && wanted.StartsWith(typed, StringComparison.Ordinal))
        {
            return true;
        }

        var shorter = Math.Min(typed.Length, wanted.Length);
        var allowed = shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
        return allowed > 0 && Math.Abs(typed.Length - wanted.Length) <= allowed && EditDistance(typed, wanted, allowed) <= allowed;
    }

    /// <summary>Optimal string alignment distance (a swap of two neighbours is one edit), stopping early past the limit.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        // Typed words and skill names are short: three rows on the stack, not three arrays for every pair compared.
        Span<int> previous2 = b.Length < 64 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> previous = b.Length < 64 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 64 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }
}
