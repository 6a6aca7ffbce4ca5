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

