namespace IcsExpertiseGraph.Api.Domain;

/// <summary>(Person)-[:CONTRIBUTED_TO]->(Project)</summary>
public sealed record Contribution(
    Guid PersonId,
    Guid ProjectId,
    ContributionRole Role,
    DateOnly? From,
    DateOnly? To);
