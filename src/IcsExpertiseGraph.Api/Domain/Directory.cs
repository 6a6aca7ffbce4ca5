namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// An ICS, identified by its ICB's ODS code. Boards merge and split (April 2026), so an ICS has a validity
/// period and an optional successor instead of being deleted: who worked where stays answerable.
/// </summary>
public sealed record IntegratedCareSystem(
    Guid Id,
    string OdsCode,
    string Name,
    string NhsRegion,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    Guid? SuccessorId);

/// <summary>A place-based partnership inside an ICS: (Place)-[:IN]->(IntegratedCareSystem).</summary>
public sealed record Place(Guid Id, string Name, Guid IntegratedCareSystemId);

/// <summary>(Organisation)-[:PART_OF]->(IntegratedCareSystem); the places it serves are a separate relationship.</summary>
public sealed record Organisation(
    Guid Id,
    string? OdsCode,
    string Name,
    OrganisationType Type,
    Guid? IntegratedCareSystemId);

/// <summary>A QI or systems-thinking skill; BroaderId builds the taxonomy ((Skill)-[:BROADER]->(Skill)).</summary>
public sealed record Skill(
    Guid Id,
    string Key,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Description,
    QualityDomain Domain,
    Guid? BroaderId);

public sealed record Project(
    Guid Id,
    string Title,
    string? Aim,
    ProjectStatus Status,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? OutcomeSummary,
    Guid? HostOrganisationId);
