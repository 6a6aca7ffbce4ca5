using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>What a store reads, inside the write's transaction, to decide whether an invitation may be sent.</summary>
public sealed record InvitationFacts(
    Person Inviter,
    Person? Invitee,
    bool ShareOrganisation,
    bool SystemExists,
    int KnownSkills,
    int OpenToSamePerson,
    int SentInLastDay);

/// <summary>
/// The rules of inviteExpert, in one place for both stores: each store gathers <see cref="InvitationFacts"/> in the
/// transaction that writes the invitation, so the checks still hold when it commits.
/// </summary>
public static class InvitationRules
{
    /// <summary>The one answer for a person who does not exist and one the inviter may not see, so errors enumerate no one.</summary>
    public const string NoSuchPerson = ErrorTexts.NoSuchPerson;

    public static void Check(InvitationFacts facts, InvitationDraft draft, InvitationPolicy policy)
    {
        // The cap comes first, so a capped inviter learns nothing about the invitee. It counts invitations sent: a refused
        // attempt rolls back and costs nothing (the per-caller rate limits bound probing).
        if (facts.SentInLastDay >= policy.DailyLimitPerInviter)
        {
            throw new RateLimitedException($"You have sent {facts.SentInLastDay} invitations in the last 24 hours, the most allowed; try again later.");
        }

        var invitee = facts.Invitee;
        // A PRIVATE person is hidden from members; only a colleague at their own organisation may invite them.
        if (invitee is null || (invitee.Visibility == Visibility.Private && !facts.ShareOrganisation))
        {
            throw new NotFoundException("personId", NoSuchPerson);
        }

        if (invitee.Id == facts.Inviter.Id)
        {
            throw new RuleViolationException("personId", "You cannot invite yourself.");
        }

        if (facts.Inviter.Visibility == Visibility.Private && !facts.ShareOrganisation)
        {
            throw new ForbiddenException("Your profile is private, so you may invite only colleagues at your own organisation; make it visible to members to invite others.", "input");
        }

        if (!facts.ShareOrganisation && invitee.Availability.Status == AvailabilityStatus.NotAvailable)
        {
            throw new RuleViolationException("personId", $"{invitee.DisplayName} is not available at the moment; only colleagues at their own organisation can invite them.");
        }

        if (!facts.ShareOrganisation && !invitee.Availability.OpenToCrossOrganisation)
        {
            throw new RuleViolationException("personId", $"{invitee.DisplayName} is not open to work for other organisations; only colleagues at their own organisation can invite them.");
        }

        if (!facts.SystemExists)
        {
            throw new NotFoundException("icsId", ErrorTexts.NoSuchIntegratedCareSystem);
        }

        if (facts.KnownSkills != draft.SkillIds.Distinct().Count())
        {
            throw new NotFoundException("skillIds", ErrorTexts.NoSuchSkill);
        }

        if (facts.OpenToSamePerson > 0)
        {
            throw new DuplicateException("personId", "You already have an open invitation to this person; wait for their answer or withdraw it.");
        }
    }

    /// <summary>Only the invitee answers, and only an invitation still open; anyone else is told it does not exist.</summary>
    public static void CheckAnswer(Invitation? invitation, Guid inviteeId, DateTimeOffset now)
    {
        if (invitation is null || invitation.InviteeId != inviteeId)
        {
            throw new NotFoundException("id", "There is no such invitation.");
        }

        RequireOpen(invitation, now);
    }

    public static void CheckWithdrawal(Invitation? invitation, Guid inviterId, DateTimeOffset now)
    {
        if (invitation is null || invitation.InviterId != inviterId)
        {
            throw new NotFoundException("id", "There is no such invitation.");
        }

        RequireOpen(invitation, now);
    }

    /// <summary>The one answer for a project that does not exist and one the caller does not contribute to, so errors enumerate no project.</summary>
    public const string NoSuchProject = ErrorTexts.NoSuchProject;

    /// <summary>
    /// Either party may link an accepted invitation, once, to a project they already contribute to (the project it led
    /// to). Only the invitee's own link makes them a contributor (<see cref="AddsEvidence"/>).
    /// </summary>
    public static void CheckLink(Invitation? invitation, Guid actorId, bool inviterContributesToProject)
    {
        if (invitation is null || (invitation.InviterId != actorId && invitation.InviteeId != actorId))
        {
            throw new NotFoundException("id", "There is no such invitation.");
        }

        if (invitation.Status != InvitationStatus.Accepted)
        {
            throw new StateConflictException("Only an accepted invitation can be linked to the project it led to.");
        }

        if (invitation.ProjectId is not null)
        {
            throw new StateConflictException("This invitation is already linked to the project it led to; a link cannot be changed.");
        }

        // The project is the design work the inviter asked for: one they work on. Anything else reads as missing.
        if (!inviterContributesToProject)
        {
            throw new NotFoundException("projectId", NoSuchProject);
        }
    }

    /// <summary>Whether a link adds the invitee to the project: only when they link it themselves (the inviter's link is only recorded).</summary>
    public static bool AddsEvidence(Invitation invitation, Guid actorId) => invitation.InviteeId == actorId;

    /// <summary>
    /// The contribution a linked invitation stands for: the invitee advised on the project from the day it was linked. It
    /// makes the work count where evidence counts (the profile, project evidence in ranking, the collaboration graph).
    /// </summary>
    public static Contribution EvidenceOf(Invitation invitation, DateTimeOffset now) =>
        new(invitation.InviteeId, invitation.ProjectId!.Value, ContributionRole.Advisor, DateOnly.FromDateTime(now.UtcDateTime), null);

    private static void RequireOpen(Invitation invitation, DateTimeOffset now)
    {
        var status = invitation.StatusAt(now);
        if (status != InvitationStatus.Sent)
        {
            throw new StateConflictException($"The invitation is {EnumText.Name(status).ToLowerInvariant()} and can no longer be changed.");
        }
    }
}
