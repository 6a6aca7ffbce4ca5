using System.Text.RegularExpressions;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;

namespace IcsExpertiseGraph.Api.Catalog;

/// <summary>
/// One immutable view of the skill taxonomy: lookups, the broader/narrower tree, and every label a
/// searcher might type for a skill, already split into normalised words.
/// </summary>
public sealed partial class SkillTaxonomy
{
    private readonly Dictionary<Guid, Skill> byId;
    private readonly ILookup<Guid, Skill> narrower;
    private readonly Dictionary<Guid, IReadOnlySet<Guid>> descendants = [];
    private readonly ILookup<Guid, SkillLabel> labelsBySkill;
    private readonly ILookup<string, int> labelsByFirstWord;

    public SkillTaxonomy(IReadOnlyList<Skill> skills)
    {
        All = skills;
        byId = skills.ToDictionary(s => s.Id);
        narrower = skills.Where(s => s.BroaderId is not null).ToLookup(s => s.BroaderId!.Value);
        foreach (var skill in skills)
        {
            descendants[skill.Id] = Collect(skill.Id, []);
        }

        Labels = [.. skills.SelectMany(LabelsOf).DistinctBy(l => (l.Skill.Id, string.Join(' ', l.Words)))];
        labelsBySkill = Labels.ToLookup(l => l.Skill.Id);
        labelsByFirstWord = Enumerable.Range(0, Labels.Count).Where(i => Labels[i].Words.Length > 0).ToLookup(i => Labels[i].Words[0], StringComparer.Ordinal);
    }

    public IReadOnlyList<Skill> All { get; }

    /// <summary>Every way of naming each skill, as normalised words (singular, lower case, no punctuation).</summary>
    public IReadOnlyList<SkillLabel> Labels { get; }

    public Skill? Find(Guid id) => byId.GetValueOrDefault(id);

    /// <summary>
    /// Where in <see cref="Labels"/> the labels starting with this word are, in order: a query's words are matched against
    /// the few labels starting with each of them, not against every label at every position.
    /// </summary>
    public IEnumerable<int> LabelsStartingWith(string word) => labelsByFirstWord[word];

    /// <summary>One skill's labels (see <see cref="Labels"/>).</summary>
    public IEnumerable<SkillLabel> LabelsFor(Guid id) => labelsBySkill[id];

    public IEnumerable<Skill> NarrowerThan(Guid id) => narrower[id];

    /// <summary>The skill and everything under it in the taxonomy.</summary>
    public IReadOnlySet<Guid> WithDescendants(Guid id) => descendants.TryGetValue(id, out var set) ? set : new HashSet<Guid> { id };

    public Concept ConceptFor(IReadOnlyList<Skill> roots, string label, ConceptSource source) =>
        new(label, roots, roots.SelectMany(r => WithDescendants(r.Id)).ToHashSet(), source);

    public Concept ConceptForDomain(QualityDomain domain) =>
        new(EnumText.Name(domain), [.. All.Where(s => s.Domain == domain)], All.Where(s => s.Domain == domain).Select(s => s.Id).ToHashSet(), ConceptSource.Domain);

    private HashSet<Guid> Collect(Guid id, HashSet<Guid> into)
    {
        if (into.Add(id))
        {
            foreach (var child in narrower[id])
            {
                Collect(child.Id, into);
            }
        }

        return into;
    }

    /// <summary>
    /// A name gives several labels: itself, itself without a parenthesis and the parenthesis alone
    /// ("Hoshin Kanri (strategy deployment)"), each also with hyphenated words joined ("co-design", "codesign").
    /// </summary>
    private static IEnumerable<SkillLabel> LabelsOf(Skill skill)
    {
        var names = new List<string> { skill.Name };
        var parenthesis = Parenthesis().Match(skill.Name);
        if (parenthesis.Success)
        {
            names.Add(Parenthesis().Replace(skill.Name, " "));
            names.Add(parenthesis.Groups[1].Value);
        }

        foreach (var (text, isAlias) in names.Select(n => (n, false)).Concat(skill.Aliases.Select(a => (a, true))))
        {
            foreach (var variant in new[] { text, text.Replace("-", "", StringComparison.Ordinal) })
            {
                var words = SearchText.Words(variant).Select(SearchText.Singular).ToArray();
                if (words.Length > 0)
                {
                    yield return new SkillLabel(skill, words, isAlias);
                }
            }
        }
    }

    [GeneratedRegex(@"\(([^)]*)\)")]
    private static partial Regex Parenthesis();
}

public sealed record SkillLabel(Skill Skill, string[] Words, bool IsAlias);
