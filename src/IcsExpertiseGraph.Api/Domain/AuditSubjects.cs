namespace IcsExpertiseGraph.Api.Domain;

/// <summary>What an audit event is about: the <c>subjectType</c> of the trail.</summary>
public static class AuditSubjects
{
    public const string Person = "Person";
    public const string Organisation = "Organisation";
    public const string Invitation = "Invitation";
}
