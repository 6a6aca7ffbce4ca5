using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>
/// The rules of projects and contributions, in one place for both stores: each store reads the facts (the project's
/// leads, whether the actor leads it, whether a row was written) inside the write's transaction, asks here, and writes
/// what was decided. Joining and leading a project are in <c>ProjectRules.Joining.cs</c>.
/// </summary>
public static partial class ProjectRules
{
    public const string EndBeforeStart = "endDate must not be before startDate.";

    /// <summary>The contribution an invitee's own link of an invitation to its project adds (<c>InvitationRules.EvidenceOf</c>).</summary>
    public static AuditEntry ContributedThrough(Guid invitationId, Contribution link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(AuditActions.AddContribution, link.PersonId, null, new { projectId = link.ProjectId, role = EnumText.Name(link.Role), link.From, invitationId });
    }

    /// <summary>Decides a removal from whether the person contributed.</summary>
    public static AuditEntry RemoveContribution(Guid personId, Guid projectId, bool contributed) =>
        contributed ? new(AuditActions.RemoveContribution, personId, new { projectId }, null)
            : throw new NotFoundException("projectId", "You are not a contributor to that project.");

    /// <summary>The creator of a project is its lead, from its start (or today).</summary>
    public static DateOnly LeadFrom(ProjectDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.StartDate ?? DateOnly.FromDateTime(now.UtcDateTime);
    }

    public static AuditEntry Created(Guid creatorId, Guid projectId, ProjectDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(AuditActions.CreateProject, creatorId, null, new { projectId, draft.Title, role = "LEAD" });
    }

    /// <summary>Only a project's leads change it, and its dates stay in order: the project as it becomes.</summary>
    public static Project Update(Project before, ProjectChanges changes, bool actorLeads)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(changes);
        if (!actorLeads)
        {
            throw new ForbiddenException("Only the project's leads may change it.");
        }

        var after = changes.ApplyTo(before);
        CheckDates(after.StartDate, after.EndDate);
        return after;
    }

    /// <summary>A project's dates in order: the end is not before the start (both stores and the mutation's input check).</summary>
    public static void CheckDates(DateOnly? start, DateOnly? end)
    {
        if (start > end)
        {
            throw new RuleViolationException("endDate", EndBeforeStart);
        }
    }

    public static AuditEntry Updated(Guid actorId, Project before, Project after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new(AuditActions.UpdateProject, actorId, new { projectId = before.Id, before.Title, before.Status }, new { projectId = before.Id, after.Title, after.Status });
    }
}
