namespace IcsExpertiseGraph.Api.Domain;

/// <summary>A place-based partnership inside an ICS: (Place)-[:IN]->(IntegratedCareSystem).</summary>
public sealed record Place(Guid Id, string Name, Guid IntegratedCareSystemId);
