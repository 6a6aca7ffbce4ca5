namespace IcsExpertiseGraph.Api.Domain;

/// <summary>(Organisation)-[:PART_OF]->(IntegratedCareSystem); the places it serves are a separate relationship.</summary>
public sealed record Organisation(
    Guid Id,
    string? OdsCode,
    string Name,
    OrganisationType Type,
    Guid? IntegratedCareSystemId);
