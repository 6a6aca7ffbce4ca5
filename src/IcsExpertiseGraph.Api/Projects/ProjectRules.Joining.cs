using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>
/// Joining a project needs consent, and nobody makes themselves its lead (issue 17). A contribution someone claims on a
/// project is a request until a lead approves it (a network manager, where the project has no lead they can see); a lead
/// may add someone, who then confirms. Until then it is a <see cref="JoinRequest"/>, not a contribution. The lead role
/// passes from a lead to a confirmed contributor, or from a network manager to a project without a lead. Every refusal
/// reads the same whether or not a person the caller may not see is involved.
/// </summary>
public static partial class ProjectRules
{
    public const string NoSelfLead =
        "Nobody can make themselves a project's lead: a lead hands the role over to a confirmed contributor, and a network manager gives a project without a lead one.";

    /// <summary>The one answer for a request that does not exist and one the caller has no part in deciding.</summary>
    public const string NoSuchJoinRequest = "There is no such request to join this project awaiting you.";

    /// <summary>The one answer for a person who does not exist, one the caller may not see, and one who has not joined the project (yet).</summary>
    public const string NoSuchContributor = "There is no such confirmed contributor to this project.";

    public const string FromAfterTo = "from must not be after to.";

    /// <summary>Whether the viewer is one of the project's leads.</summary>
    public static bool Leads(Viewer viewer, IReadOnlyList<ProjectLead> leads)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(leads);
        return viewer.PersonId is { } me && leads.Any(l => l.PersonId == me);
    }

    /// <summary>
    /// Whether the viewer decides requests to join the project: one of its leads, or a network manager when it has no lead
    /// the manager may see. A lead hidden from the manager counts as none, so what a manager can do never tells them that
    /// someone they may not see leads the project.
    /// </summary>
    public static bool Decides(Viewer viewer, IReadOnlyList<ProjectLead> leads)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(leads);
        return Leads(viewer, leads) || (viewer.IsNetworkManager && !leads.Any(l => viewer.CanSee(l.PersonId, l.Visibility)));
    }

    /// <summary>
    /// Whether a pending contribution waits on this viewer: a request on a project they decide for (the person asked to be
    /// seen by its deciders), or an addition a lead made of someone they may still see (<paramref name="personVisibility"/>
    /// is the person's now: one who has since hidden their profile is not shown to the lead by name).
    /// </summary>
    public static bool AwaitsDecisionBy(Viewer viewer, JoinRequest request, IReadOnlyList<ProjectLead> leads, Visibility personVisibility)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.PersonId != viewer.PersonId && (request.Kind == JoinRequestKind.Request
            ? Decides(viewer, leads)
            : Leads(viewer, leads) && viewer.CanSee(request.PersonId, personVisibility));
    }

    /// <summary>
    /// A person asks to join a project (<c>addMyContribution</c>): never as its lead, not twice, not while a lead's addition
    /// of them waits for their answer. The request is audited on the person.
    /// </summary>
    public static AuditEntry RequestToJoin(Contribution contribution, bool contributes, JoinRequest? pending)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        CheckPeriod(contribution);
        if (contribution.Role == ContributionRole.Lead)
        {
            throw new ForbiddenException(NoSelfLead, "role");
        }

        if (contributes)
        {
            throw new DuplicateException("projectId", "You are already a contributor to this project; remove the contribution to change it.");
        }

        if (pending is not null)
        {
            throw new DuplicateException("projectId", pending.Kind == JoinRequestKind.Request
                ? "You have already asked to join this project; its lead has yet to decide."
                : "A lead of this project has added you: confirm or decline that instead.");
        }

        return new(AuditActions.RequestToJoin, contribution.PersonId, null, Audited(contribution));
    }

    /// <summary>An invitee's own link of an accepted invitation to its project, as a request to join it (the inviter does not lead the project).</summary>
    public static AuditEntry RequestedThrough(Guid invitationId, Contribution link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(AuditActions.RequestToJoin, link.PersonId, null, new { projectId = link.ProjectId, role = EnumText.Name(link.Role), link.From, invitationId });
    }

    /// <summary>
    /// An invitee who links an accepted invitation to its project joins at once when the inviter leads the project (the lead
    /// asked them, and they agreed); otherwise the link is their request to join, which the project's leads decide.
    /// </summary>
    public static bool JoinsThroughInvitationAtOnce(Guid inviterId, IReadOnlyList<ProjectLead> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return leads.Any(l => l.PersonId == inviterId);
    }

    /// <summary>
    /// A lead adds someone to their project (<c>addProjectContributor</c>); it waits for that person to confirm. Only leads
    /// may, and only people they may see (anyone else is the same NOT_FOUND as nobody); never as lead.
    /// </summary>
    public static AuditEntry AddToProject(Viewer actor, Contribution contribution, Person? person, IReadOnlyList<ProjectLead> leads, bool contributes, JoinRequest? pending)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        if (!Leads(actor, leads))
        {
            throw new ForbiddenException("Only the project's leads may add people to it.", "projectId");
        }

        if (person is null || !actor.CanSee(person.Id, person.Visibility))
        {
            throw new NotFoundException("personId", ErrorTexts.NoSuchPerson);
        }

        CheckPeriod(contribution);
        if (contribution.Role == ContributionRole.Lead)
        {
            throw new RuleViolationException("role", "Add them in another role: once they have confirmed, you can hand the lead over to them.");
        }

        if (contributes)
        {
            throw new DuplicateException("personId", "They already contribute to this project.");
        }

        if (pending is not null)
        {
            throw new DuplicateException("personId", pending.Kind == JoinRequestKind.Request
                ? "They have asked to join this project: approve their request instead."
                : "They have already been added to this project and have yet to confirm.");
        }

        return new(AuditActions.AddToProject, person.Id, null, Audited(contribution));
    }

    /// <summary>
    /// A decision on a pending contribution (<c>decideJoinRequest</c>). A request: its deciders approve or decline it, and
    /// the person may withdraw it but never approve it. An addition: the person confirms or declines it, and a lead may
    /// withdraw it but never confirm it. Anyone else, like a request that does not exist, is NOT_FOUND.
    /// </summary>
    public static JoinDecided Decide(Viewer actor, JoinRequest? pending, IReadOnlyList<ProjectLead> leads, JoinDecision decision)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var approve = decision == JoinDecision.Approve;
        var self = pending is not null && pending.PersonId == actor.PersonId;
        return pending switch
        {
            null => throw new NotFoundException("personId", NoSuchJoinRequest),
            { Kind: JoinRequestKind.Request } when self => approve
                ? throw new ForbiddenException("Your request waits for the project's lead (a network manager, where it has none) to decide.", "decision")
                : Decided(pending, false, AuditActions.WithdrawJoinRequest, null, toLeads: false),
            { Kind: JoinRequestKind.Request } when Decides(actor, leads) => approve
                ? Decided(pending, true, AuditActions.ApproveJoinRequest, NotificationKind.JoinApproved, toLeads: false)
                : Decided(pending, false, AuditActions.DeclineJoinRequest, NotificationKind.JoinDeclined, toLeads: false),
            { Kind: JoinRequestKind.Addition } when self => approve
                ? Decided(pending, true, AuditActions.ConfirmProjectAddition, NotificationKind.AdditionConfirmed, toLeads: true)
                : Decided(pending, false, AuditActions.DeclineProjectAddition, NotificationKind.AdditionDeclined, toLeads: true),
            { Kind: JoinRequestKind.Addition } when Leads(actor, leads) => approve
                ? throw new ForbiddenException("Only the person added can confirm joining the project.", "decision")
                : Decided(pending, false, AuditActions.WithdrawProjectAddition, NotificationKind.AdditionWithdrawn, toLeads: false),
            _ => throw new NotFoundException("personId", NoSuchJoinRequest),
        };
    }

    /// <summary>
    /// A lead hands the lead role to a confirmed contributor they may see (<c>handOverProjectLead</c>), keeping
    /// <paramref name="formerLeadRole"/> themselves. Audited on both.
    /// </summary>
    public static IReadOnlyList<AuditEntry> HandOver(Viewer actor, IReadOnlyList<ProjectLead> leads, Person? target, Contribution? targetContribution, ContributionRole formerLeadRole)
    {
        if (!Leads(actor, leads))
        {
            throw new ForbiddenException("Only the project's leads may hand the lead over.", "projectId");
        }

        if (formerLeadRole == ContributionRole.Lead)
        {
            throw new RuleViolationException("formerLeadRole", "Your own role after the hand-over must be another than lead.");
        }

        var contribution = Confirmed(actor, target, targetContribution);
        if (contribution.PersonId == actor.PersonId)
        {
            throw new RuleViolationException("personId", "You already lead this project: hand the lead to another confirmed contributor.");
        }

        if (contribution.Role == ContributionRole.Lead)
        {
            throw new DuplicateException("personId", "They already lead this project.");
        }

        return
        [
            new(AuditActions.HandOverLead, contribution.PersonId, RoleIn(contribution), RoleIn(contribution with { Role = ContributionRole.Lead })),
            new(AuditActions.HandOverLead, actor.PersonId!.Value, new { projectId = contribution.ProjectId, role = EnumText.Name(ContributionRole.Lead) },
                new { projectId = contribution.ProjectId, role = EnumText.Name(formerLeadRole) }),
        ];
    }

    /// <summary>
    /// A network manager gives a project with no lead they can see a lead (<c>assignProjectLead</c>): a confirmed contributor
    /// they may see, never themselves.
    /// </summary>
    public static AuditEntry AssignLead(Viewer actor, IReadOnlyList<ProjectLead> leads, Person? target, Contribution? targetContribution)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(leads);
        if (!actor.IsNetworkManager)
        {
            throw new ForbiddenException("Only network managers may give a project a lead.", "projectId");
        }

        if (leads.Any(l => actor.CanSee(l.PersonId, l.Visibility)))
        {
            throw new StateConflictException("This project has a lead: only a lead can hand the role over.", "projectId");
        }

        if (target is not null && target.Id == actor.PersonId)
        {
            throw new ForbiddenException(NoSelfLead, "personId");
        }

        var contribution = Confirmed(actor, target, targetContribution);
        return new(AuditActions.AssignLead, contribution.PersonId, RoleIn(contribution), RoleIn(contribution with { Role = ContributionRole.Lead }));
    }

    private static Contribution Confirmed(Viewer actor, Person? target, Contribution? contribution) =>
        target is not null && contribution is not null && contribution.PersonId == target.Id && actor.CanSee(target.Id, target.Visibility)
            ? contribution
            : throw new NotFoundException("personId", NoSuchContributor);

    private static void CheckPeriod(Contribution contribution)
    {
        if (contribution.From > contribution.To)
        {
            throw new RuleViolationException("from", FromAfterTo);
        }
    }

    private static JoinDecided Decided(JoinRequest request, bool joins, string action, NotificationKind? notice, bool toLeads) =>
        new(joins, new AuditEntry(action, request.PersonId, new { projectId = request.ProjectId, kind = EnumText.Name(request.Kind), role = EnumText.Name(request.Role) },
            joins ? Audited(request.Contribution) : null), notice, toLeads);

    private static object Audited(Contribution c) => new { projectId = c.ProjectId, role = EnumText.Name(c.Role), c.From, c.To };

    private static object RoleIn(Contribution c) => new { projectId = c.ProjectId, role = EnumText.Name(c.Role) };
}
