namespace IcsExpertiseGraph.Api.Domain;

public sealed record Project(
    Guid Id,
    string Title,
    string? Aim,
    ProjectStatus Status,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? OutcomeSummary,
    Guid? HostOrganisationId);
