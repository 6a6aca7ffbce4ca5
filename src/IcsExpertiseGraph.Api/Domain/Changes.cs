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
    Change<string?> Terms);

/// <summary>A skill as its holder claims it (<c>setMySkill</c>); verification is a network manager's to give.</summary>
public sealed record SkillClaim(Guid SkillId, SkillLevel Level, SkillEvidence? Evidence, int? Years);

/// <summary>One entry of the audit trail: who did what to whom, with the fields before and after (JSON).</summary>
public sealed record AuditEvent(long Id, DateTimeOffset At, Guid? ActorId, string Action, string SubjectType, Guid SubjectId, string? Before, string? After);
