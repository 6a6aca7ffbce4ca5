namespace IcsExpertiseGraph.Api.Domain;

/// <summary>A field in an update: not mentioned (unchanged), or set to a value (which may be null, to clear it).</summary>
public readonly record struct Change<T>(bool IsSet, T Value)
{
    public T Or(T current) => IsSet ? Value : current;
}

public static class Change
{
    public static Change<T> To<T>(T value) => new(true, value);
}

/// <summary>What <c>updateMyProfile</c> asks to change; fields not mentioned stay as they are.</summary>
public sealed record ProfileChanges(
    Change<string> DisplayName,
    Change<string?> Headline,
    Change<string?> Bio,
    Change<string?> Orcid,
    Change<string?> Email,
    Change<Visibility> Visibility,
    Change<AvailabilityStatus> AvailabilityStatus,
    Change<int?> HoursPerMonth,
    Change<bool> OpenToCrossOrganisation,
    Change<string?> Terms)
{
    /// <summary>The profile as it is with these changes: fields not mentioned keep their values.</summary>
    public Person ApplyTo(Person before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return before with
        {
            DisplayName = DisplayName.Or(before.DisplayName),
            Headline = Headline.Or(before.Headline),
            Bio = Bio.Or(before.Bio),
            Orcid = Orcid.Or(before.Orcid),
            Email = Email.Or(before.Email),
            Visibility = Visibility.Or(before.Visibility),
            Availability = new Availability(
                AvailabilityStatus.Or(before.Availability.Status),
                HoursPerMonth.Or(before.Availability.HoursPerMonth),
                OpenToCrossOrganisation.Or(before.Availability.OpenToCrossOrganisation),
                Terms.Or(before.Availability.Terms)),
        };
    }
}

/// <summary>A skill as its holder claims it (<c>setMySkill</c>); verification is a network manager's to give.</summary>
public sealed record SkillClaim(Guid SkillId, SkillLevel Level, SkillEvidence? Evidence, int? Years);

/// <summary>One entry of the audit trail: who did what to whom, with the fields before and after (JSON).</summary>
public sealed record AuditEvent(long Id, DateTimeOffset At, Guid? ActorId, string Action, string SubjectType, Guid SubjectId, string? Before, string? After);

/// <summary>A new project (<c>createProject</c>); its creator becomes its lead.</summary>
public sealed record ProjectDraft(
    string Title, string? Aim, ProjectStatus Status, DateOnly? StartDate, DateOnly? EndDate, string? OutcomeSummary,
    Guid? HostOrganisationId, IReadOnlyList<Guid> MethodSkillIds);

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

/// <summary>An organisation to create or update (<c>upsertOrganisation</c>): matched by id, else by ODS code.</summary>
public sealed record OrganisationDraft(Guid? Id, string? OdsCode, string Name, OrganisationType Type, Guid? IntegratedCareSystemId);

/// <summary>
/// One person in a bulk import; matched to an existing profile by email. Visibility applies only to new
/// profiles (an existing person's choice is theirs); headline and bio change only when given.
/// </summary>
public sealed record PersonImport(string Email, string DisplayName, string? Headline, string? Bio, Visibility? Visibility, string? OrganisationOdsCode, string? Role);

public sealed record ImportSummary(int Created, int Updated, int Unchanged);
