using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;

namespace IcsExpertiseGraph.Api.Catalog;

/// <summary>
/// Which skills a picker offers for what was typed, and in what order. Someone typing "statistical" wants
/// "Statistical process control", not "Making Data Count" (which only has "statistical" in an alias), and someone
/// typing "SPC" wants the skill called that: the exact name or alias first, then names starting with the words,
/// then names containing them, then skills matched only through an alias or key; within each, the taxonomy's order.
/// </summary>
public static class SkillPickerOrder
{
    private enum Tier { Exact, NameStarts, NameContains, AliasContains }

    /// <summary>The matching skills, best first; everything (in order) when nothing was typed.</summary>
    public static IReadOnlyList<Skill> Find(SkillTaxonomy taxonomy, IEnumerable<Skill> skills, string? text)
    {
        var words = Joined(SearchText.Words(text));
        if (words.Length == 0)
        {
            return [.. skills];
        }

        // Exact matches compare singular words, as the search does, so "run chart" is exactly "Run charts".
        var singular = Joined(SearchText.Words(text).Select(SearchText.Singular));
        return [.. skills
            .Select(skill => (Skill: skill, Tier: TierOf(taxonomy, skill, words, singular)))
            .Where(match => match.Tier is not null)
            .OrderBy(match => match.Tier)
            .Select(match => match.Skill)];
    }

    private static Tier? TierOf(SkillTaxonomy taxonomy, Skill skill, string words, string singular)
    {
        var name = Joined(SearchText.Words(skill.Name));
        if (taxonomy.LabelsFor(skill.Id).Any(label => Joined(label.Words) == singular))
        {
            return Tier.Exact;
        }

        if (name.StartsWith(words, StringComparison.Ordinal))
        {
            return Tier.NameStarts;
        }

        if (name.Contains(words, StringComparison.Ordinal))
        {
            return Tier.NameContains;
        }

        return skill.Aliases.Append(skill.Key).Any(label => Joined(SearchText.Words(label)).Contains(words, StringComparison.Ordinal))
            ? Tier.AliasContains
            : null;
    }

    private static string Joined(IEnumerable<string> words) => string.Join(' ', words);
}
