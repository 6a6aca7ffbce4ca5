namespace IcsExpertiseGraph.Api.Domain;

/// <summary>A QI or systems-thinking skill; BroaderId builds the taxonomy ((Skill)-[:BROADER]->(Skill)).</summary>
public sealed record Skill(
    Guid Id,
    string Key,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Description,
    QualityDomain Domain,
    Guid? BroaderId);
