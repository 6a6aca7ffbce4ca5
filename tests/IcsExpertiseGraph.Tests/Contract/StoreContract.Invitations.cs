using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

public abstract partial class StoreContract
{
    private static readonly InvitationPolicy Generous = new(DailyLimitPerInviter: 50);

    private static HashSet<Guid> EmployersOf(Guid personId) =>
        [.. Network.Employments.Where(e => e.PersonId == personId && e.Until is null).Select(e => e.OrganisationId)];

    private static bool Colleagues(Guid a, Guid b) => EmployersOf(a).Overlaps(EmployersOf(b));

    /// <summary>Someone with a current employer, and someone else matching <paramref name="invitee"/> at another organisation (or at theirs).</summary>
    private static (Person Inviter, Person Invitee) Pair(Func<Person, bool> invitee, bool colleagues = false, int skip = 0)
    {
        var pairs =
            from a in Network.People.Where(p => p.Visibility != Visibility.Private && EmployersOf(p.Id).Count > 0)
            from b in Network.People.Where(p => p.Email is not null && invitee(p))
            where a.Id != b.Id && Colleagues(a.Id, b.Id) == colleagues
            select (a, b);
        return pairs.Skip(skip).First();
    }

    private static Person Outsider(params Person[] parties) => Network.People.First(p => p.Visibility == Visibility.Public && !parties.Contains(p));

    private static bool Invitable(Person p) =>
        p.Visibility != Visibility.Private && p.Availability.Status != AvailabilityStatus.NotAvailable && p.Availability.OpenToCrossOrganisation;

    private static InvitationDraft DraftFor(Person invitee, DateTimeOffset? respondBy = null) => new(
        invitee.Id, "Design the ICS quality management system", Network.IntegratedCareSystems[0].Id, [Network.Skills[0].Id, Network.Skills[1].Id], 12,
        "We would value your help.", respondBy ?? Now.AddDays(14));

    [StoreFact]
    public async Task AnInvitationIsRecordedWithItsAuditEventAndTheInviteesNotificationWithoutMovingTheReadModels()
    {
        var (inviter, invitee) = Pair(Invitable);
        var sequence = await Store.GetChangeSequenceAsync(Ct);

        var sent = await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);

        Assert.Equal(InvitationStatus.Sent, sent.Status);
        // No read model holds invitations: the change sequence (which makes them rebuild) stays where it was.
        Assert.Equal(sequence, await Store.GetChangeSequenceAsync(Ct));
        var received = Assert.Single(await Store.GetInvitationsOfPersonAsync(invitee.Id, InvitationSide.Received, 10, Ct));
        Assert.Equal((sent.Id, inviter.Id, invitee.Id, "Design the ICS quality management system", 12, "We would value your help."),
            (received.Id, received.InviterId, received.InviteeId, received.Purpose, received.HoursRequested, received.Message));
        Assert.Equal(Now.AddDays(14), received.RespondBy);
        Assert.Equal(new[] { Network.Skills[0].Id, Network.Skills[1].Id }.Order(), received.SkillIds.Order());
        Assert.Equal(sent.Id, Assert.Single(await Store.GetInvitationsOfPersonAsync(inviter.Id, InvitationSide.Sent, 10, Ct)).Id);
        Assert.Empty(await Store.GetInvitationsOfPersonAsync(inviter.Id, InvitationSide.Received, 10, Ct));
        Assert.Equal("INVITE_EXPERT", Assert.Single(await Store.GetAuditTrailAsync(sent.Id, 10, Ct)).Action);
        var notice = Assert.Single(await Store.GetNotificationsAsync(invitee.Id, 10, Ct));
        Assert.Equal((NotificationKind.InvitationReceived, sent.Id, invitee.Email, (DateTimeOffset?)null), (notice.Kind, notice.InvitationId, notice.RecipientEmail, notice.SentAt));
        Assert.Contains(inviter.DisplayName, notice.Subject, StringComparison.Ordinal);
        Assert.Contains(Network.IntegratedCareSystems[0].Name, notice.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(invitee.Email!, (await Store.GetNotificationsAsync(inviter.Id, 10, Ct)).Select(n => n.Body));
        Assert.Single(await Store.GetInvitationsForSystemAsync(Network.IntegratedCareSystems[0].Id, Ct));
    }

    [StoreFact]
    public async Task AHiddenPersonAndAPersonWhoDoesNotExistAreRefusedAlike()
    {
        var (inviter, hidden) = Pair(p => p.Visibility == Visibility.Private);

        var toHidden = await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.CreateInvitationAsync(inviter.Id, DraftFor(hidden), Generous, Now, Ct), "personId");
        var toNobody = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.CreateInvitationAsync(inviter.Id, DraftFor(hidden) with { InviteeId = Guid.NewGuid() }, Generous, Now, Ct), "personId");

        Assert.Equal(toNobody.Message, toHidden.Message);
        Assert.Empty(await Store.GetNotificationsAsync(hidden.Id, 10, Ct));
    }

    [StoreFact]
    public async Task APrivateInviterMayInviteOnlyColleaguesAndTheRefusalNamesTheInputNotThePerson()
    {
        var inviter = Network.People.First(p => p.Visibility == Visibility.Private && EmployersOf(p.Id).Count > 0);
        var stranger = Network.People.First(p => p.Email is not null && Invitable(p) && p.Id != inviter.Id && !Colleagues(p.Id, inviter.Id));

        var refused = await AssertRefusedAndUnchangedAsync<ForbiddenException>(() => Store.CreateInvitationAsync(inviter.Id, DraftFor(stranger), Generous, Now, Ct), "input");

        Assert.Equal("FORBIDDEN", refused.Code);
    }

    [StoreFact]
    public async Task PeopleNotAvailableOrNotOpenToOtherOrganisationsCanBeInvitedOnlyByColleagues()
    {
        var (stranger, unavailable) = Pair(p => p.Visibility != Visibility.Private && p.Availability.Status == AvailabilityStatus.NotAvailable);
        var (outsider, homeBody) = Pair(p => p.Visibility != Visibility.Private && p.Availability.Status != AvailabilityStatus.NotAvailable && !p.Availability.OpenToCrossOrganisation);
        var (colleague, alsoUnavailable) = Pair(p => p.Availability.Status == AvailabilityStatus.NotAvailable, colleagues: true);

        var notAvailable = await AssertRefusedAndUnchangedAsync<RuleViolationException>(() => Store.CreateInvitationAsync(stranger.Id, DraftFor(unavailable), Generous, Now, Ct), "personId");
        var notOpen = await AssertRefusedAndUnchangedAsync<RuleViolationException>(() => Store.CreateInvitationAsync(outsider.Id, DraftFor(homeBody), Generous, Now, Ct), "personId");
        var byColleague = await Store.CreateInvitationAsync(colleague.Id, DraftFor(alsoUnavailable), Generous, Now, Ct);

        Assert.Contains("not available", notAvailable.Message, StringComparison.Ordinal);
        Assert.Contains("not open to work for other organisations", notOpen.Message, StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Sent, byColleague.Status);
    }

    [StoreFact]
    public async Task OneOpenInvitationPerPairTheDailyCapYourselfAndUnknownSkillsOrSystemsAreRefused()
    {
        var (inviter, invitee) = Pair(Invitable);
        var (_, another) = Pair(Invitable, skip: 1);
        await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), new InvitationPolicy(2), Now, Ct);

        await AssertRefusedAndUnchangedAsync<DuplicateException>(() => Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), new InvitationPolicy(2), Now, Ct), "personId");
        await AssertRefusedAndUnchangedAsync<RuleViolationException>(() => Store.CreateInvitationAsync(inviter.Id, DraftFor(inviter), Generous, Now, Ct), "personId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.CreateInvitationAsync(inviter.Id, DraftFor(another) with { SkillIds = [Guid.NewGuid()] }, Generous, Now, Ct), "skillIds");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.CreateInvitationAsync(inviter.Id, DraftFor(another) with { IntegratedCareSystemId = Guid.NewGuid() }, Generous, Now, Ct), "icsId");
        await Store.CreateInvitationAsync(inviter.Id, DraftFor(another), new InvitationPolicy(2), Now, Ct);
        var (_, third) = Pair(Invitable, skip: 2);
        var capped = await AssertRefusedAndUnchangedAsync<RateLimitedException>(
            () => Store.CreateInvitationAsync(inviter.Id, DraftFor(third), new InvitationPolicy(2), Now.AddHours(23), Ct), "input");
        var nextDay = await Store.CreateInvitationAsync(inviter.Id, DraftFor(third), new InvitationPolicy(2), Now.AddHours(25), Ct);

        Assert.Equal("RATE_LIMITED", capped.Code);
        Assert.Equal(InvitationStatus.Sent, nextDay.Status);
    }

    [StoreFact]
    public async Task TheInviteeAcceptsOnceTheInviterLearnsOfItAndIsTheOnlyOneTheirEmailIsRevealedTo()
    {
        var (inviter, invitee) = Pair(Invitable);
        var other = Outsider(inviter, invitee);
        var sent = await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);
        Assert.Empty(await Store.GetAcceptedInviteesAsync(inviter.Id, [invitee.Id], Ct));

        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.RespondToInvitationAsync(sent.Id, inviter.Id, InvitationResponse.Accept, null, Now.AddHours(5), Ct), "id");
        var accepted = await Store.RespondToInvitationAsync(sent.Id, invitee.Id, InvitationResponse.Accept, "Happy to help.", Now.AddHours(5), Ct);
        await AssertRefusedAndUnchangedAsync<StateConflictException>(
            () => Store.RespondToInvitationAsync(sent.Id, invitee.Id, InvitationResponse.Decline, null, Now.AddHours(6), Ct), "id");
        await AssertRefusedAndUnchangedAsync<StateConflictException>(() => Store.WithdrawInvitationAsync(sent.Id, inviter.Id, Now.AddHours(6), Ct), "id");

        Assert.Equal((InvitationStatus.Accepted, Now.AddHours(5), "Happy to help."), (accepted.Status, accepted.RespondedAt, accepted.ResponseMessage));
        var stored = Assert.Single(await Store.GetInvitationsOfPersonAsync(invitee.Id, InvitationSide.Received, 10, Ct));
        Assert.Equal((InvitationStatus.Accepted, (DateTimeOffset?)Now.AddHours(5)), (stored.Status, stored.RespondedAt));
        Assert.Equal([invitee.Id], await Store.GetAcceptedInviteesAsync(inviter.Id, [invitee.Id, other.Id], Ct));
        Assert.Empty(await Store.GetAcceptedInviteesAsync(other.Id, [invitee.Id], Ct));
        var notice = Assert.Single(await Store.GetNotificationsAsync(inviter.Id, 10, Ct));
        Assert.Equal(NotificationKind.InvitationAccepted, notice.Kind);
        Assert.Contains(invitee.Email!, notice.Body, StringComparison.Ordinal);
        Assert.Equal(["ACCEPT_INVITATION", "INVITE_EXPERT"], (await Store.GetAuditTrailAsync(sent.Id, 10, Ct)).Select(e => e.Action));
    }

    [StoreFact]
    public async Task ADeclineAWithdrawalAndAnExpiryEachEndAnInvitationAndAreAudited()
    {
        var (inviter, first) = Pair(Invitable);
        var (_, second) = Pair(Invitable, skip: 1);
        var (_, third) = Pair(Invitable, skip: 2);
        var declined = await Store.CreateInvitationAsync(inviter.Id, DraftFor(first), Generous, Now, Ct);
        var withdrawn = await Store.CreateInvitationAsync(inviter.Id, DraftFor(second), Generous, Now, Ct);
        var expiring = await Store.CreateInvitationAsync(inviter.Id, DraftFor(third, Now.AddDays(1)), Generous, Now, Ct);

        await Store.RespondToInvitationAsync(declined.Id, first.Id, InvitationResponse.Decline, "Not this quarter.", Now.AddHours(2), Ct);
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.WithdrawInvitationAsync(withdrawn.Id, second.Id, Now.AddHours(3), Ct), "id");
        await Store.WithdrawInvitationAsync(withdrawn.Id, inviter.Id, Now.AddHours(3), Ct);
        await AssertRefusedAndUnchangedAsync<StateConflictException>(
            () => Store.RespondToInvitationAsync(expiring.Id, third.Id, InvitationResponse.Accept, null, Now.AddDays(2), Ct), "id");
        var sequence = await Store.GetChangeSequenceAsync(Ct);
        Assert.Equal(1, await Store.ExpireInvitationsAsync(Now.AddDays(2), Ct));
        Assert.Equal(0, await Store.ExpireInvitationsAsync(Now.AddDays(2), Ct));

        var statuses = (await Store.GetInvitationsOfPersonAsync(inviter.Id, InvitationSide.Sent, 10, Ct)).ToDictionary(i => i.Id, i => i.Status);
        Assert.Equal(InvitationStatus.Declined, statuses[declined.Id]);
        Assert.Equal(InvitationStatus.Withdrawn, statuses[withdrawn.Id]);
        Assert.Equal(InvitationStatus.Expired, statuses[expiring.Id]);
        Assert.Equal(sequence, await Store.GetChangeSequenceAsync(Ct));
        Assert.Equal("EXPIRE_INVITATION", (await Store.GetAuditTrailAsync(expiring.Id, 1, Ct))[0].Action);
        Assert.Equal("WITHDRAW_INVITATION", (await Store.GetAuditTrailAsync(withdrawn.Id, 1, Ct))[0].Action);
        Assert.Equal(NotificationKind.InvitationWithdrawn, (await Store.GetNotificationsAsync(second.Id, 1, Ct))[0].Kind);
        Assert.Equal(NotificationKind.InvitationDeclined, (await Store.GetNotificationsAsync(inviter.Id, 1, Ct))[0].Kind);
        // Once ended, the pair may start again.
        Assert.Equal(InvitationStatus.Sent, (await Store.CreateInvitationAsync(inviter.Id, DraftFor(third), Generous, Now.AddDays(2), Ct)).Status);
    }

    [StoreFact]
    public async Task OnlyAnAcceptedInvitationIsLinkedOnceToAProjectTheInviterWorksOnAndTheInviteesOwnLinkAsksToJoinIt()
    {
        var (inviter, invitee) = Pair(Invitable);
        var stranger = Outsider(inviter, invitee);
        var project = ProjectWithNeither(inviter, invitee);
        var unrelated = Network.Projects.First(p => p.Id != project.Id && !Network.Contributions.Any(c => c.ProjectId == p.Id && (c.PersonId == invitee.Id || c.PersonId == inviter.Id)));
        await Store.JoinAsync(new Contribution(inviter.Id, project.Id, ContributionRole.Member, new DateOnly(2026, 1, 1), null), Now);
        var sent = await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);

        await AssertRefusedAndUnchangedAsync<StateConflictException>(() => Store.LinkInvitationToProjectAsync(sent.Id, invitee.Id, project.Id, Now, Ct), "id");
        await Store.RespondToInvitationAsync(sent.Id, invitee.Id, InvitationResponse.Accept, null, Now, Ct);
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.LinkInvitationToProjectAsync(sent.Id, stranger.Id, project.Id, Now, Ct), "id");
        var missing = await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.LinkInvitationToProjectAsync(sent.Id, invitee.Id, Guid.NewGuid(), Now, Ct), "projectId");
        // A project the inviter does not work on is refused as if it did not exist: nothing is enumerated, nobody is attached to it.
        var notTheirs = await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.LinkInvitationToProjectAsync(sent.Id, invitee.Id, unrelated.Id, Now, Ct), "projectId");
        var sequence = await Store.GetChangeSequenceAsync(Ct);
        var linked = await Store.LinkInvitationToProjectAsync(sent.Id, invitee.Id, project.Id, Now, Ct);
        await AssertRefusedAndUnchangedAsync<StateConflictException>(() => Store.LinkInvitationToProjectAsync(sent.Id, invitee.Id, unrelated.Id, Now.AddDays(1), Ct), "id");

        Assert.Equal(missing.Message, notTheirs.Message);
        Assert.Equal(project.Id, linked.ProjectId);
        Assert.Equal(project.Id, Assert.Single(await Store.GetInvitationsForSystemAsync(Network.IntegratedCareSystems[0].Id, Ct)).ProjectId);
        // The inviter does not lead the project: the invitee's link is their request to join it, which its lead decides.
        Assert.DoesNotContain(Of(await Store.GetContributionsOfPeopleAsync([invitee.Id], Ct), invitee.Id), c => c.ProjectId == project.Id);
        var request = Assert.Single(await Store.GetJoinRequestsOfPersonAsync(invitee.Id, Ct));
        Assert.Equal((project.Id, JoinRequestKind.Request, ContributionRole.Advisor), (request.ProjectId, request.Kind, request.Role));
        Assert.Equal(sequence, await Store.GetChangeSequenceAsync(Ct));
        Assert.Equal(["LINK_INVITATION_PROJECT", "ACCEPT_INVITATION", "INVITE_EXPERT"], (await Store.GetAuditTrailAsync(sent.Id, 10, Ct)).Select(e => e.Action));
        Assert.Equal("REQUEST_TO_JOIN", (await Store.GetAuditTrailAsync(invitee.Id, 1, Ct))[0].Action);
        await Store.ApproveAsync(project.Id, invitee.Id, Now);
        var contributions = Of(await Store.GetContributionsOfPeopleAsync([invitee.Id], Ct), invitee.Id);
        Assert.Equal(ContributionRole.Advisor, Assert.Single(contributions, c => c.ProjectId == project.Id).Role);
        Assert.DoesNotContain(contributions, c => c.ProjectId == unrelated.Id);
        Assert.True(await Store.GetChangeSequenceAsync(Ct) > sequence);
    }

    [StoreFact]
    public async Task TheInviteesOwnLinkToAProjectTheInviterDoesNotLeadTellsItsLeadOfTheRequest()
    {
        var (inviter, invitee) = Pair(Invitable);
        var (project, lead) = Enumerable.Range(0, 20).Select(skip => LedBy(Visibility.Public, skip))
            .First(x => !Network.Contributions.Any(c => c.ProjectId == x.Project.Id && (c.PersonId == inviter.Id || c.PersonId == invitee.Id)));
        await Store.JoinAsync(new Contribution(inviter.Id, project.Id, ContributionRole.Member, new DateOnly(2026, 1, 1), null), Now);
        var sent = await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);
        await Store.RespondToInvitationAsync(sent.Id, invitee.Id, InvitationResponse.Accept, null, Now, Ct);

        await Store.LinkInvitationToProjectAsync(sent.Id, invitee.Id, project.Id, Now, Ct);

        Assert.Contains(await Store.GetNotificationsAsync(lead.Id, 10, Ct),
            n => n.Kind == NotificationKind.JoinRequested && n.Subject.Contains(invitee.DisplayName, StringComparison.Ordinal));
        Assert.Equal([invitee.Id], (await Store.GetJoinRequestsAwaitingAsync(As(lead), 50, Ct)).Select(r => r.PersonId));
    }

    [StoreFact]
    public async Task WhenTheInviterLeadsTheProjectTheInviteesOwnLinkMakesThemAContributorAtOnce()
    {
        var (inviter, invitee) = Pair(Invitable);
        var project = await Store.CreateProjectAsync(new ProjectDraft("The inviter's own project", null, ProjectStatus.Active, null, null, null, null, []), inviter.Id, Now, Ct);
        var sent = await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);
        await Store.RespondToInvitationAsync(sent.Id, invitee.Id, InvitationResponse.Accept, null, Now, Ct);
        var sequence = await Store.GetChangeSequenceAsync(Ct);

        await Store.LinkInvitationToProjectAsync(sent.Id, invitee.Id, project.Id, Now, Ct);

        Assert.Equal(ContributionRole.Advisor, Assert.Single(Of(await Store.GetContributionsOfPeopleAsync([invitee.Id], Ct), invitee.Id), c => c.ProjectId == project.Id).Role);
        Assert.Empty(await Store.GetJoinRequestsOfPersonAsync(invitee.Id, Ct));
        Assert.True(await Store.GetChangeSequenceAsync(Ct) > sequence);
        Assert.Equal("ADD_CONTRIBUTION", (await Store.GetAuditTrailAsync(invitee.Id, 1, Ct))[0].Action);
    }

    [StoreFact]
    public async Task TheInvitersLinkIsRecordedButAddsTheInviteeToNoProject()
    {
        var (inviter, invitee) = Pair(Invitable);
        var project = ProjectWithNeither(inviter, invitee);
        await Store.JoinAsync(new Contribution(inviter.Id, project.Id, ContributionRole.Member, new DateOnly(2026, 1, 1), null), Now);
        var sent = await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);
        await Store.RespondToInvitationAsync(sent.Id, invitee.Id, InvitationResponse.Accept, null, Now, Ct);

        var linked = await Store.LinkInvitationToProjectAsync(sent.Id, inviter.Id, project.Id, Now, Ct);

        Assert.Equal(project.Id, linked.ProjectId);
        Assert.DoesNotContain(Of(await Store.GetContributionsOfPeopleAsync([invitee.Id], Ct), invitee.Id), c => c.ProjectId == project.Id);
        Assert.DoesNotContain(await Store.GetAuditTrailAsync(invitee.Id, 10, Ct), e => e.Action == "ADD_CONTRIBUTION");
        Assert.Equal("LINK_INVITATION_PROJECT", (await Store.GetAuditTrailAsync(sent.Id, 1, Ct))[0].Action);
    }

    private static Project ProjectWithNeither(Person a, Person b) =>
        Network.Projects.First(p => Network.Contributions.Any(c => c.ProjectId == p.Id && c.Role == ContributionRole.Lead)
            && !Network.Contributions.Any(c => c.ProjectId == p.Id && (c.PersonId == a.Id || c.PersonId == b.Id)));

    [StoreFact]
    public async Task AnOutboxMessageIsClaimedByOneSenderAtATimeAndNeverAgainOnceSent()
    {
        var (inviter, first) = Pair(Invitable);
        var (_, second) = Pair(Invitable, skip: 1);
        await Store.CreateInvitationAsync(inviter.Id, DraftFor(first), Generous, Now, Ct);
        await Store.CreateInvitationAsync(inviter.Id, DraftFor(second), Generous, Now, Ct);
        var sequence = await Store.GetChangeSequenceAsync(Ct);

        var claimed = await Store.ClaimOutboxAsync(10, Now, Now.AddMinutes(2), Ct);
        var whileClaimed = await Store.ClaimOutboxAsync(10, Now.AddMinutes(1), Now.AddMinutes(3), Ct);
        var toFirst = claimed.Single(m => m.RecipientId == first.Id);
        var toSecond = claimed.Single(m => m.RecipientId == second.Id);
        await Store.MarkOutboxSentAsync(toFirst.Id, Now.AddMinutes(1), Ct);
        await Store.MarkOutboxFailedAsync(toSecond, "421 try later", Now.AddMinutes(10), Ct);
        var beforeRetry = await Store.ClaimOutboxAsync(10, Now.AddMinutes(5), Now.AddMinutes(7), Ct);
        var retried = await Store.ClaimOutboxAsync(10, Now.AddMinutes(10), Now.AddMinutes(12), Ct);
        await Store.MarkOutboxFailedAsync(retried[0], "550 no such mailbox", null, Ct);
        var afterGivingUp = await Store.ClaimOutboxAsync(10, Now.AddDays(1), Now.AddDays(2), Ct);

        Assert.Equal(new[] { first.Email, second.Email }.Order(), claimed.Select(m => m.RecipientEmail).Order());
        Assert.All(claimed, m => Assert.Equal(1, m.Attempts));
        Assert.Empty(whileClaimed);
        Assert.Empty(beforeRetry);
        Assert.Equal((toSecond.Id, 2), (Assert.Single(retried).Id, retried[0].Attempts));
        Assert.Empty(afterGivingUp);
        Assert.Equal(sequence, await Store.GetChangeSequenceAsync(Ct));
        var delivered = Assert.Single(await Store.GetNotificationsAsync(first.Id, 10, Ct));
        Assert.Equal(Now.AddMinutes(1), delivered.SentAt);
        var abandoned = Assert.Single(await Store.GetNotificationsAsync(second.Id, 10, Ct));
        Assert.Equal((true, "550 no such mailbox", (DateTimeOffset?)null), (abandoned.GaveUp, abandoned.LastError, abandoned.SentAt));
    }

    [StoreFact]
    public async Task AnExpiredClaimIsClaimedAgainAsWhenASenderDiedMidDelivery()
    {
        var (inviter, invitee) = Pair(Invitable);
        await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);

        var first = Assert.Single(await Store.ClaimOutboxAsync(10, Now, Now.AddMinutes(2), Ct));
        var again = Assert.Single(await Store.ClaimOutboxAsync(10, Now.AddMinutes(2), Now.AddMinutes(4), Ct));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, again.Attempts);
    }

    [StoreFact]
    public async Task ASenderWhoseClaimLapsedAndWasTakenCannotReleaseTheNewClaim()
    {
        var (inviter, invitee) = Pair(Invitable);
        await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);
        var stale = Assert.Single(await Store.ClaimOutboxAsync(10, Now, Now.AddMinutes(2), Ct));
        var current = Assert.Single(await Store.ClaimOutboxAsync(10, Now.AddMinutes(3), Now.AddMinutes(5), Ct));

        // The first sender, late, reports a failure due at once: the second sender's claim must stand.
        await Store.MarkOutboxFailedAsync(stale, "timed out", Now.AddMinutes(3), Ct);
        var whileSecondHoldsIt = await Store.ClaimOutboxAsync(10, Now.AddMinutes(4), Now.AddMinutes(6), Ct);
        await Store.MarkOutboxFailedAsync(current, "421 try later", Now.AddMinutes(4), Ct);
        var afterSecondReleasedIt = await Store.ClaimOutboxAsync(10, Now.AddMinutes(4), Now.AddMinutes(6), Ct);

        Assert.NotEqual(stale.ClaimToken, current.ClaimToken);
        Assert.Empty(whileSecondHoldsIt);
        Assert.Equal(current.Id, Assert.Single(afterSecondReleasedIt).Id);
        Assert.Equal("421 try later", Assert.Single(await Store.GetNotificationsAsync(invitee.Id, 10, Ct)).LastError);
    }

    [StoreFact]
    public async Task APersonsExportHoldsTheInvitationsTheyReceivedAndTheirNotifications()
    {
        var (inviter, invitee) = Pair(Invitable);
        await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);

        using var export = System.Text.Json.JsonDocument.Parse(await Store.ExportPersonAsync(invitee.Id, Ct));

        var invitations = export.RootElement.GetProperty("invitations");
        var received = Assert.Single(invitations.GetProperty("received").EnumerateArray());
        Assert.Equal("We would value your help.", received.GetProperty("message").GetString());
        // Who sent it, to whom, for what: the right of access covers the whole record.
        Assert.Equal(inviter.Id, received.GetProperty("inviterId").GetGuid());
        Assert.Equal(invitee.Id, received.GetProperty("inviteeId").GetGuid());
        Assert.NotEmpty(received.GetProperty("skillIds").EnumerateArray());
        Assert.Empty(invitations.GetProperty("sent").EnumerateArray());
        Assert.Equal("INVITATION_RECEIVED", Assert.Single(invitations.GetProperty("notifications").EnumerateArray()).GetProperty("kind").GetString());
    }

    [StoreFact]
    public async Task ErasingAPersonRemovesTheirInvitationsAndNotifications()
    {
        var (inviter, invitee) = Pair(Invitable);
        var sent = await Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct);
        await Store.RespondToInvitationAsync(sent.Id, invitee.Id, InvitationResponse.Accept, null, Now, Ct);

        await Store.DeletePersonAsync(invitee.Id, Now, Ct);

        Assert.Empty(await Store.GetInvitationsOfPersonAsync(inviter.Id, InvitationSide.Sent, 10, Ct));
        Assert.Empty(await Store.GetNotificationsAsync(inviter.Id, 10, Ct));
        Assert.Empty(await Store.GetAcceptedInviteesAsync(inviter.Id, [invitee.Id], Ct));
        Assert.Empty(await Store.ClaimOutboxAsync(10, Now, Now.AddMinutes(1), Ct));
    }
}
