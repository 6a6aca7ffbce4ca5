namespace IcsExpertiseGraph.Api.Domain;

/// <summary>(Person)-[:WORKS_AT]->(Organisation); Until is null while the employment is current.</summary>
public sealed record Employment(
    Guid PersonId,
    Guid OrganisationId,
    string? Role,
    DateOnly? Since,
    DateOnly? Until,
    bool Primary);
