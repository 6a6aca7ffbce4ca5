using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// One thing the searcher asked for: a skill (or, for a bare word, a few skills), with everything narrower
/// in the taxonomy. Holding any of SkillIds satisfies it.
/// </summary>
public sealed record Concept(string Label, IReadOnlyList<Skill> Roots, IReadOnlySet<Guid> SkillIds, ConceptSource Source)
{
    private readonly HashSet<Guid> rootIds = [.. Roots.Select(r => r.Id)];

    /// <summary>Whether the skill is one asked for by name, rather than a narrower one under it.</summary>
    public bool IsRoot(Guid skillId) => rootIds.Contains(skillId);
}
