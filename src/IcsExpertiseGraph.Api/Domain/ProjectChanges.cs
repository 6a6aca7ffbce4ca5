namespace IcsExpertiseGraph.Api.Domain;

/// <summary>What <c>updateProject</c> asks to change; fields not mentioned stay as they are.</summary>
public sealed record ProjectChanges(
    Change<string> Title, Change<string?> Aim, Change<ProjectStatus> Status, Change<DateOnly?> StartDate, Change<DateOnly?> EndDate,
    Change<string?> OutcomeSummary, Change<Guid?> HostOrganisationId, Change<IReadOnlyList<Guid>> MethodSkillIds)
{
    /// <summary>The project as it is with these changes (its methods aside): fields not mentioned keep their values.</summary>
    public Project ApplyTo(Project before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return before with
        {
            Title = Title.Or(before.Title),
            Aim = Aim.Or(before.Aim),
            Status = Status.Or(before.Status),
            StartDate = StartDate.Or(before.StartDate),
            EndDate = EndDate.Or(before.EndDate),
            OutcomeSummary = OutcomeSummary.Or(before.OutcomeSummary),
            HostOrganisationId = HostOrganisationId.Or(before.HostOrganisationId),
        };
    }
}
