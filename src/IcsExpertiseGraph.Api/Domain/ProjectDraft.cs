namespace IcsExpertiseGraph.Api.Domain;

/// <summary>A new project (<c>createProject</c>); its creator becomes its lead.</summary>
public sealed record ProjectDraft(
    string Title, string? Aim, ProjectStatus Status, DateOnly? StartDate, DateOnly? EndDate, string? OutcomeSummary,
    Guid? HostOrganisationId, IReadOnlyList<Guid> MethodSkillIds);
