using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Invitations;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>
/// The words of the notifications about joining and leading projects, shared by both stores. A notice to the person who
/// asked, or was added, never names who decided (a lead may be someone they may not see); a notice to a lead names the
/// person, who asked to be seen by those who decide.
/// </summary>
public static class ProjectNotices
{
    /// <summary>To one of the project's leads: someone asks to join.</summary>
    public static Notice Requested(Project project, JoinRequest request, Person lead) => About(project, request, new(
        NotificationKind.JoinRequested, lead.Id, lead.Email,
        $"{request.PersonName} asks to join {project.Title}",
        $"""
        {request.PersonName} asks to join your project "{project.Title}" as {Role(request.Role)}{Period(request)}.
        Approve or decline it in IcsExpertiseGraph (My profile). Until you approve, they are not shown as one of its contributors.
        """));

    /// <summary>
    /// To a network manager, where the project has no lead they can see: someone asks to join, and the manager decides. It
    /// names only the person asking (who asked to be seen by those who decide), never whether a lead hidden from them exists.
    /// </summary>
    public static Notice RequestedOfManager(Project project, JoinRequest request, Person manager) => About(project, request, new(
        NotificationKind.JoinRequested, manager.Id, manager.Email,
        $"{request.PersonName} asks to join {project.Title}, which has no lead",
        $"""
        {request.PersonName} asks to join the project "{project.Title}" as {Role(request.Role)}{Period(request)}. It has no lead, so a network manager decides.
        Approve or decline it in IcsExpertiseGraph (My profile), or give the project a lead (Project leads). Until it is approved, they are not shown as one of its contributors.
        """));

    /// <summary>To the person a lead added: they confirm or decline.</summary>
    public static Notice Added(Project project, JoinRequest request, Person person) => new(
        NotificationKind.AddedToProject, person.Id, person.Email,
        $"You were added to {project.Title}",
        $"""
        A lead of the project "{project.Title}" added you as {Role(request.Role)}{Period(request)}.
        Confirm or decline it in IcsExpertiseGraph (My profile). Until you confirm, you are not shown as one of its contributors.
        """) { ProjectId = project.Id };

    /// <summary>What a decision tells its recipient (<see cref="JoinDecided.Notice"/>): the person, or one of the leads.</summary>
    public static Notice Decided(NotificationKind kind, Project project, JoinRequest request, Person recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var (subject, body) = kind switch
        {
            NotificationKind.JoinApproved => ($"You joined {project.Title}",
                $"Your request to join \"{project.Title}\" as {Role(request.Role)} was approved: you are now one of its contributors."),
            NotificationKind.JoinDeclined => ($"Your request to join {project.Title} was declined",
                $"Your request to join \"{project.Title}\" as {Role(request.Role)} was declined. There is nothing you need to do."),
            NotificationKind.AdditionWithdrawn => ($"You were not added to {project.Title} after all",
                $"A lead of \"{project.Title}\" withdrew adding you. There is nothing you need to do."),
            NotificationKind.AdditionConfirmed => ($"{request.PersonName} joined {project.Title}",
                $"{request.PersonName} confirmed joining \"{project.Title}\" as {Role(request.Role)}: they are now one of its contributors."),
            NotificationKind.AdditionDeclined => ($"{request.PersonName} declined to join {project.Title}",
                $"{request.PersonName} declined being added to \"{project.Title}\"."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notice about a decision to join a project."),
        };
        var notice = new Notice(kind, recipient.Id, recipient.Email, subject, body) { ProjectId = project.Id };
        return recipient.Id == request.PersonId ? notice : notice with { AboutPersonId = request.PersonId };
    }

    /// <summary>To the new lead of a project, handed the role or given it by a network manager.</summary>
    public static Notice LeadGiven(Project project, Person lead) => new(
        NotificationKind.LeadGiven, lead.Id, lead.Email,
        $"You now lead {project.Title}",
        $"You are now a lead of \"{project.Title}\": you can change it, decide who joins it, and hand the lead on.") { ProjectId = project.Id };

    private static Notice About(Project project, JoinRequest request, Notice notice) => notice with { ProjectId = project.Id, AboutPersonId = request.PersonId };

    private static string Role(ContributionRole role) => EnumText.Name(role).ToLowerInvariant();

    private static string Period(JoinRequest request) => (request.From, request.To) switch
    {
        (null, null) => "",
        ({ } from, null) => $", from {from:yyyy-MM-dd}",
        (null, { } to) => $", until {to:yyyy-MM-dd}",
        ({ } from, { } to) => $", from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}",
    };
}
