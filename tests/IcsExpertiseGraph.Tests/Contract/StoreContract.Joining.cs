using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Projects;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>
/// Joining a project needs consent, and nobody makes themselves its lead (issue 17): a request or a lead's addition waits,
/// seen by nobody but the person and those who decide, until agreed; the lead role is handed over or given by a network
/// manager; erasure takes a person's pending requests and what names them with it.
/// </summary>
public abstract partial class StoreContract
{
    /// <summary>A project led by one person of the given visibility (with an email), with other contributors too, and that lead.</summary>
    private static (Project Project, Person Lead) LedBy(Visibility visibility, int skip = 0)
    {
        var led = Network.Projects
            .Select(p => (Project: p, Leads: Network.Contributions.Where(c => c.ProjectId == p.Id && c.Role == ContributionRole.Lead).ToList()))
            .Where(x => x.Leads.Count == 1 && Network.Contributions.Any(c => c.ProjectId == x.Project.Id && c.Role != ContributionRole.Lead))
            .Select(x => (x.Project, Lead: Network.People.Single(p => p.Id == x.Leads[0].PersonId)))
            .Where(x => x.Lead.Visibility == visibility && x.Lead.Email is not null)
            .Skip(skip).First();
        return led;
    }

    /// <summary>Someone of the given visibility who has no part in the project.</summary>
    private static Person Outside(Guid projectId, Visibility visibility = Visibility.Public, int skip = 0) =>
        Network.People.Where(p => p.Visibility == visibility && p.Email is not null && !Network.Contributions.Any(c => c.ProjectId == projectId && c.PersonId == p.Id))
            .Skip(skip).First();

    private static Viewer As(Person person, bool manager = false) => new(person.Id, IsMember: true, IsAdmin: false, IsNetworkManager: manager);

    private static Contribution Asking(Person person, Project project, ContributionRole role = ContributionRole.Member) =>
        new(person.Id, project.Id, role, new DateOnly(2026, 2, 1), null);

    [StoreFact]
    public async Task ARequestIsSeenOnlyByThePersonAndTheLeadAndCountsForNothingUntilApproved()
    {
        var (project, lead) = LedBy(Visibility.Public);
        var person = Outside(project.Id);
        var colleague = Outside(project.Id, skip: 1);
        var before = await FingerprintAsync();

        var request = await Store.RequestToJoinAsync(Asking(person, project), Now, Ct);

        // Nothing a reader of contributions sees moved: contributors, links, evidence, the change feed, the profile's version.
        Assert.Equal(before, await FingerprintAsync());
        Assert.DoesNotContain((await Store.LoadCollaborationSourceAsync(Ct)).Contributions, c => c.PersonId == person.Id && c.ProjectId == project.Id);
        Assert.Equal(new JoinRequest(person.Id, project.Id, ContributionRole.Member, new DateOnly(2026, 2, 1), null, JoinRequestKind.Request, request.RequestedAt, person.DisplayName), request);
        Assert.Equal([request], await Store.GetJoinRequestsOfPersonAsync(person.Id, Ct));
        Assert.Equal([request], await Store.GetJoinRequestsAwaitingAsync(As(lead), 50, Ct));
        Assert.Empty(await Store.GetJoinRequestsAwaitingAsync(As(colleague), 50, Ct));
        Assert.Empty(await Store.GetJoinRequestsAwaitingAsync(As(colleague, manager: true), 50, Ct));
        Assert.Empty(await Store.GetJoinRequestsAwaitingAsync(As(person), 50, Ct));
        Assert.Equal("REQUEST_TO_JOIN", (await Store.GetAuditTrailAsync(person.Id, 1, Ct))[0].Action);
        var notice = (await Store.GetNotificationsAsync(lead.Id, 10, Ct))[0];
        Assert.Equal((NotificationKind.JoinRequested, project.Id, (Guid?)null, lead.Email), (notice.Kind, notice.ProjectId, notice.InvitationId, notice.RecipientEmail));
        Assert.Contains(person.DisplayName, notice.Subject, StringComparison.Ordinal);

        await Store.DecideJoinRequestAsync(project.Id, person.Id, JoinDecision.Approve, As(lead), Now, Ct);

        Assert.Contains(request.Contribution, Of(await Store.GetContributionsToProjectsAsync([project.Id], Admin, Ct), project.Id));
        Assert.Contains((person.Id, project.Id), (await Store.LoadCollaborationSourceAsync(Ct)).Contributions);
        Assert.Empty(await Store.GetJoinRequestsOfPersonAsync(person.Id, Ct));
        Assert.Empty(await Store.GetJoinRequestsAwaitingAsync(As(lead), 50, Ct));
        Assert.Equal(person.Version + 1, await VersionOfAsync(person.Id));
        var approved = (await Store.GetAuditTrailAsync(person.Id, 1, Ct))[0];
        Assert.Equal(("APPROVE_JOIN_REQUEST", (Guid?)lead.Id), (approved.Action, approved.ActorId));
        Assert.Equal(NotificationKind.JoinApproved, (await Store.GetNotificationsAsync(person.Id, 1, Ct))[0].Kind);
    }

    [StoreFact]
    public async Task ADeclinedOrWithdrawnRequestLeavesEverythingAsItWas()
    {
        var (project, lead) = LedBy(Visibility.Network);
        var person = Outside(project.Id);
        var before = await FingerprintAsync();

        await Store.RequestToJoinAsync(Asking(person, project), Now, Ct);
        await Store.DecideJoinRequestAsync(project.Id, person.Id, JoinDecision.Decline, As(lead), Now, Ct);
        await Store.RequestToJoinAsync(Asking(person, project, ContributionRole.Coach), Now, Ct);
        await Store.DecideJoinRequestAsync(project.Id, person.Id, JoinDecision.Decline, As(person), Now, Ct);

        Assert.Equal(before, await FingerprintAsync());
        Assert.Empty(await Store.GetJoinRequestsOfPersonAsync(person.Id, Ct));
        Assert.Equal(["WITHDRAW_JOIN_REQUEST", "REQUEST_TO_JOIN", "DECLINE_JOIN_REQUEST", "REQUEST_TO_JOIN"], (await Store.GetAuditTrailAsync(person.Id, 4, Ct)).Select(e => e.Action));
        Assert.Equal(NotificationKind.JoinDeclined, (await Store.GetNotificationsAsync(person.Id, 1, Ct))[0].Kind);
    }

    [StoreFact]
    public async Task NobodyButTheDecidersDecidesARequestAndNobodyLearnsWhetherItExists()
    {
        var (project, lead) = LedBy(Visibility.Public);
        var person = Outside(project.Id);
        var stranger = Outside(project.Id, skip: 1);
        var member = Network.People.Single(p => p.Id == Network.Contributions.First(c => c.ProjectId == project.Id && c.Role != ContributionRole.Lead).PersonId);
        await Store.RequestToJoinAsync(Asking(person, project), Now, Ct);

        var own = await AssertRefusedAndUnchangedAsync<ForbiddenException>(
            () => Store.DecideJoinRequestAsync(project.Id, person.Id, JoinDecision.Approve, As(person, manager: true), Now, Ct), "decision");
        var byStranger = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.DecideJoinRequestAsync(project.Id, person.Id, JoinDecision.Approve, As(stranger), Now, Ct), "personId");
        var byMember = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.DecideJoinRequestAsync(project.Id, person.Id, JoinDecision.Approve, As(member), Now, Ct), "personId");
        // The project has a lead the manager can see: the lead decides, and to the manager the request is not there.
        var byManager = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.DecideJoinRequestAsync(project.Id, person.Id, JoinDecision.Approve, As(stranger, manager: true), Now, Ct), "personId");
        var nobody = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.DecideJoinRequestAsync(project.Id, Guid.NewGuid(), JoinDecision.Approve, As(lead), Now, Ct), "personId");
        var none = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.DecideJoinRequestAsync(project.Id, stranger.Id, JoinDecision.Decline, As(lead), Now, Ct), "personId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.DecideJoinRequestAsync(Guid.NewGuid(), person.Id, JoinDecision.Approve, As(lead), Now, Ct), "projectId");
        await AssertRefusedAndUnchangedAsync<DuplicateException>(() => Store.RequestToJoinAsync(Asking(person, project, ContributionRole.Advisor), Now, Ct), "projectId");

        Assert.Contains("lead", own.Message, StringComparison.Ordinal);
        Assert.Single(new[] { byStranger, byMember, byManager, nobody, none }.Select(e => e.Message).Distinct());
        Assert.Equal(ProjectRules.NoSuchJoinRequest, nobody.Message);
    }

    [StoreFact]
    public async Task ALeadAddsSomeoneWhoConfirmsOrDeclinesAndOnlyTheyCanConfirm()
    {
        var (project, lead) = LedBy(Visibility.Public);
        var (added, declining) = (Outside(project.Id), Outside(project.Id, skip: 1));
        var withdrawn = Outside(project.Id, Visibility.Network);

        var addition = await Store.AddToProjectAsync(new Contribution(added.Id, project.Id, ContributionRole.Coach, null, null), As(lead), Now, Ct);
        await Store.AddToProjectAsync(new Contribution(declining.Id, project.Id, ContributionRole.Member, null, null), As(lead), Now, Ct);
        await Store.AddToProjectAsync(new Contribution(withdrawn.Id, project.Id, ContributionRole.Member, null, null), As(lead), Now, Ct);

        Assert.Equal((JoinRequestKind.Addition, ContributionRole.Coach, added.DisplayName), (addition.Kind, addition.Role, addition.PersonName));
        Assert.Equal([addition], await Store.GetJoinRequestsOfPersonAsync(added.Id, Ct));
        Assert.Equal(3, (await Store.GetJoinRequestsAwaitingAsync(As(lead), 50, Ct)).Count);
        Assert.DoesNotContain(Of(await Store.GetContributionsToProjectsAsync([project.Id], Admin, Ct), project.Id), c => c.PersonId == added.Id);
        Assert.Equal((NotificationKind.AddedToProject, (Guid?)project.Id), ((await Store.GetNotificationsAsync(added.Id, 1, Ct))[0].Kind, (await Store.GetNotificationsAsync(added.Id, 1, Ct))[0].ProjectId));
        await AssertRefusedAndUnchangedAsync<ForbiddenException>(
            () => Store.DecideJoinRequestAsync(project.Id, added.Id, JoinDecision.Approve, As(lead), Now, Ct), "decision");
        await AssertRefusedAndUnchangedAsync<DuplicateException>(() => Store.RequestToJoinAsync(Asking(added, project), Now, Ct), "projectId");

        await Store.DecideJoinRequestAsync(project.Id, added.Id, JoinDecision.Approve, As(added), Now.AddMinutes(1), Ct);
        await Store.DecideJoinRequestAsync(project.Id, declining.Id, JoinDecision.Decline, As(declining), Now.AddMinutes(1), Ct);
        await Store.DecideJoinRequestAsync(project.Id, withdrawn.Id, JoinDecision.Decline, As(lead), Now.AddMinutes(1), Ct);

        var contributors = Of(await Store.GetContributionsToProjectsAsync([project.Id], Admin, Ct), project.Id);
        Assert.Contains(addition.Contribution, contributors);
        Assert.DoesNotContain(contributors, c => c.PersonId == declining.Id || c.PersonId == withdrawn.Id);
        Assert.Empty(await Store.GetJoinRequestsAwaitingAsync(As(lead), 50, Ct));
        Assert.Equal([NotificationKind.AdditionConfirmed, NotificationKind.AdditionDeclined], (await Store.GetNotificationsAsync(lead.Id, 2, Ct)).Select(n => n.Kind).Order());
        Assert.Equal(NotificationKind.AdditionWithdrawn, (await Store.GetNotificationsAsync(withdrawn.Id, 1, Ct))[0].Kind);
        Assert.Equal(["CONFIRM_PROJECT_ADDITION", "ADD_TO_PROJECT"], (await Store.GetAuditTrailAsync(added.Id, 2, Ct)).Select(e => e.Action));
        Assert.Equal("WITHDRAW_PROJECT_ADDITION", (await Store.GetAuditTrailAsync(withdrawn.Id, 1, Ct))[0].Action);
    }

    [StoreFact]
    public async Task OnlyLeadsAddPeopleTheyMaySeeAndNeverAsLead()
    {
        var (project, lead) = LedBy(Visibility.Public);
        var person = Outside(project.Id);
        var hidden = Outside(project.Id, Visibility.Private);

        await AssertRefusedAndUnchangedAsync<ForbiddenException>(
            () => Store.AddToProjectAsync(new Contribution(person.Id, project.Id, ContributionRole.Member, null, null), As(Outside(project.Id, skip: 2)), Now, Ct), "projectId");
        var hiddenOne = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.AddToProjectAsync(new Contribution(hidden.Id, project.Id, ContributionRole.Member, null, null), As(lead), Now, Ct), "personId");
        var nobody = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.AddToProjectAsync(new Contribution(Guid.NewGuid(), project.Id, ContributionRole.Member, null, null), As(lead), Now, Ct), "personId");
        await AssertRefusedAndUnchangedAsync<RuleViolationException>(
            () => Store.AddToProjectAsync(new Contribution(person.Id, project.Id, ContributionRole.Lead, null, null), As(lead), Now, Ct), "role");
        await AssertRefusedAndUnchangedAsync<DuplicateException>(
            () => Store.AddToProjectAsync(new Contribution(lead.Id, project.Id, ContributionRole.Member, null, null), As(lead), Now, Ct), "personId");

        Assert.Equal(nobody.Message, hiddenOne.Message);
    }

    [StoreFact]
    public async Task SomeoneAddedWhoThenHidesTheirProfileIsNoLongerNamedToTheLead()
    {
        var (project, lead) = LedBy(Visibility.Public);
        var added = Outside(project.Id, Visibility.Network);
        await Store.AddToProjectAsync(new Contribution(added.Id, project.Id, ContributionRole.Member, null, null), As(lead), Now, Ct);
        Assert.Single(await Store.GetJoinRequestsAwaitingAsync(As(lead), 50, Ct));

        await Store.UpdateProfileAsync(added.Id, NoChanges with { Visibility = Change.To(Visibility.Private) }, null, added.Id, Now, Ct);

        Assert.Empty(await Store.GetJoinRequestsAwaitingAsync(As(lead), 50, Ct));
        Assert.Single(await Store.GetJoinRequestsOfPersonAsync(added.Id, Ct));
    }

    [StoreFact]
    public async Task ALeadHandsTheLeadToAConfirmedContributorAndKeepsAnotherRole()
    {
        var (project, lead) = LedBy(Visibility.Public);
        var member = Network.People.Single(p => p.Id == Network.Contributions.First(c => c.ProjectId == project.Id && c.Role != ContributionRole.Lead).PersonId);
        var asking = Outside(project.Id);
        await Store.RequestToJoinAsync(Asking(asking, project), Now, Ct);

        await AssertRefusedAndUnchangedAsync<ForbiddenException>(
            () => Store.HandOverLeadAsync(project.Id, asking.Id, ContributionRole.Member, As(member), Now, Ct), "projectId");
        var pending = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.HandOverLeadAsync(project.Id, asking.Id, ContributionRole.Member, As(lead), Now, Ct), "personId");
        var nobody = await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.HandOverLeadAsync(project.Id, Guid.NewGuid(), ContributionRole.Member, As(lead), Now, Ct), "personId");
        await AssertRefusedAndUnchangedAsync<RuleViolationException>(
            () => Store.HandOverLeadAsync(project.Id, lead.Id, ContributionRole.Member, As(lead), Now, Ct), "personId");
        await AssertRefusedAndUnchangedAsync<RuleViolationException>(
            () => Store.HandOverLeadAsync(project.Id, member.Id, ContributionRole.Lead, As(lead), Now, Ct), "formerLeadRole");

        var versions = (Member: await VersionOfAsync(member.Id), Lead: await VersionOfAsync(lead.Id));
        await Store.HandOverLeadAsync(project.Id, member.Id, ContributionRole.Sponsor, As(lead), Now, Ct);

        // Each one's contributions changed: so did their profiles.
        Assert.Equal((versions.Member + 1, versions.Lead + 1), (await VersionOfAsync(member.Id), await VersionOfAsync(lead.Id)));
        var roles = Of(await Store.GetContributionsToProjectsAsync([project.Id], Admin, Ct), project.Id).ToDictionary(c => c.PersonId, c => c.Role);
        Assert.Equal((ContributionRole.Lead, ContributionRole.Sponsor), (roles[member.Id], roles[lead.Id]));
        Assert.Equal(pending.Message, nobody.Message);
        Assert.Equal("HAND_OVER_LEAD", (await Store.GetAuditTrailAsync(member.Id, 1, Ct))[0].Action);
        Assert.Equal("HAND_OVER_LEAD", (await Store.GetAuditTrailAsync(lead.Id, 1, Ct))[0].Action);
        Assert.Equal(NotificationKind.LeadGiven, (await Store.GetNotificationsAsync(member.Id, 1, Ct))[0].Kind);
        // The new lead decides now; the former one no longer does.
        Assert.Equal([asking.Id], (await Store.GetJoinRequestsAwaitingAsync(As(member), 50, Ct)).Select(r => r.PersonId));
        Assert.Empty(await Store.GetJoinRequestsAwaitingAsync(As(lead), 50, Ct));
    }

    [StoreFact]
    public async Task AddingToHandingOverOrAssigningTheLeadOfAProjectThatIsNotThereIsRefusedNamingTheProject()
    {
        var (project, lead) = LedBy(Visibility.Public);
        var member = Network.People.Single(p => p.Id == Network.Contributions.First(c => c.ProjectId == project.Id && c.Role != ContributionRole.Lead).PersonId);
        var someone = Outside(project.Id);
        var manager = Outside(project.Id, skip: 3);
        var nowhere = Guid.NewGuid();

        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.AddToProjectAsync(new Contribution(someone.Id, nowhere, ContributionRole.Member, new DateOnly(2026, 2, 1), null), As(lead), Now, Ct), "projectId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.HandOverLeadAsync(nowhere, member.Id, ContributionRole.Member, As(lead), Now, Ct), "projectId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.AssignLeadAsync(nowhere, member.Id, As(manager, manager: true), Now, Ct), "projectId");
    }

    [StoreFact]
    public async Task AProjectLeftWithoutALeadIsDecidedAndGivenALeadByANetworkManagerNeverBySelf()
    {
        var (project, lead) = LedBy(Visibility.Public, skip: 1);
        var member = Network.People.Single(p => p.Id == Network.Contributions.First(c => c.ProjectId == project.Id && c.Role != ContributionRole.Lead).PersonId);
        var asking = Outside(project.Id);
        var manager = Outside(project.Id, skip: 3);
        await AssertRefusedAndUnchangedAsync<StateConflictException>(
            () => Store.AssignLeadAsync(project.Id, member.Id, As(manager, manager: true), Now, Ct), "projectId");
        await Store.RemoveContributionAsync(lead.Id, project.Id, lead.Id, Now, Ct);
        await Store.RequestToJoinAsync(Asking(asking, project), Now, Ct);

        Assert.Equal([asking.Id], (await Store.GetJoinRequestsAwaitingAsync(As(manager, manager: true), 50, Ct)).Select(r => r.PersonId));
        Assert.Empty(await Store.GetJoinRequestsAwaitingAsync(As(manager), 50, Ct));
        await AssertRefusedAndUnchangedAsync<ForbiddenException>(() => Store.AssignLeadAsync(project.Id, member.Id, As(manager), Now, Ct), "projectId");
        await AssertRefusedAndUnchangedAsync<ForbiddenException>(() => Store.AssignLeadAsync(project.Id, member.Id, As(member, manager: true), Now, Ct), "personId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.AssignLeadAsync(project.Id, asking.Id, As(manager, manager: true), Now, Ct), "personId");
        await Store.DecideJoinRequestAsync(project.Id, asking.Id, JoinDecision.Approve, As(manager, manager: true), Now, Ct);
        await Store.AssignLeadAsync(project.Id, member.Id, As(manager, manager: true), Now, Ct);

        var contributors = Of(await Store.GetContributionsToProjectsAsync([project.Id], Admin, Ct), project.Id);
        Assert.Equal([member.Id], contributors.Where(c => c.Role == ContributionRole.Lead).Select(c => c.PersonId));
        Assert.Contains(contributors, c => c.PersonId == asking.Id);
        var assigned = (await Store.GetAuditTrailAsync(member.Id, 1, Ct))[0];
        Assert.Equal(("ASSIGN_LEAD", (Guid?)manager.Id), (assigned.Action, assigned.ActorId));
        Assert.Equal(NotificationKind.LeadGiven, (await Store.GetNotificationsAsync(member.Id, 1, Ct))[0].Kind);
        // Now it has a lead again, whom the manager sees: the role passes only from that lead.
        await AssertRefusedAndUnchangedAsync<StateConflictException>(
            () => Store.AssignLeadAsync(project.Id, asking.Id, As(manager, manager: true), Now, Ct), "projectId");
    }

    [StoreFact]
    public async Task ALeadAManagerMayNotSeeChangesNothingTheManagerIsToldOrMayDo()
    {
        // Two projects a network manager finds alike: one with no lead, one whose only lead is PRIVATE.
        var hiddenLead = Someone(Visibility.Private);
        var (member, asking, manager) = (Someone(skip: 4), Someone(skip: 5), Someone(skip: 6));
        var hidden = await Store.CreateProjectAsync(new ProjectDraft("Led out of sight", null, ProjectStatus.Active, null, null, null, null, []), hiddenLead.Id, Now, Ct);
        var leaderless = await Store.CreateProjectAsync(new ProjectDraft("Led by nobody", null, ProjectStatus.Active, null, null, null, null, []), member.Id, Now, Ct);
        await Store.RemoveContributionAsync(member.Id, leaderless.Id, member.Id, Now, Ct);
        foreach (var project in new[] { hidden, leaderless })
        {
            await Store.JoinAsync(new Contribution(member.Id, project.Id, ContributionRole.Member, null, null), Now);
            await Store.RequestToJoinAsync(new Contribution(asking.Id, project.Id, ContributionRole.Member, null, null), Now, Ct);
        }

        var awaiting = await Store.GetJoinRequestsAwaitingAsync(As(manager, manager: true), 50, Ct);
        Assert.Equal(new[] { hidden.Id, leaderless.Id }.Order(), awaiting.Where(r => r.PersonId == asking.Id).Select(r => r.ProjectId).Order());
        foreach (var project in new[] { hidden, leaderless })
        {
            await Store.DecideJoinRequestAsync(project.Id, asking.Id, JoinDecision.Approve, As(manager, manager: true), Now, Ct);
            await Store.AssignLeadAsync(project.Id, member.Id, As(manager, manager: true), Now, Ct);
        }

        // The hidden lead keeps their part; what anyone who may not see them is told is the same for both projects.
        Assert.Contains(Of(await Store.GetContributionsToProjectsAsync([hidden.Id], Admin, Ct), hidden.Id), c => c.PersonId == hiddenLead.Id && c.Role == ContributionRole.Lead);
        Assert.Equal(
            Of(await Store.GetContributionsToProjectsAsync([leaderless.Id], Member, Ct), leaderless.Id).Select(c => (c.PersonId, c.Role)),
            Of(await Store.GetContributionsToProjectsAsync([hidden.Id], Member, Ct), hidden.Id).Select(c => (c.PersonId, c.Role)));
    }

    [StoreFact]
    public async Task ErasingAPersonTakesTheirPendingRequestsAndWhatNamesThemWithIt()
    {
        var (project, lead) = LedBy(Visibility.Public);
        var (other, _) = LedBy(Visibility.Public, skip: 2);
        var leaving = Network.People.First(p => p.Visibility == Visibility.Public && p.Email is not null
            && !Network.Contributions.Any(c => (c.ProjectId == project.Id || c.ProjectId == other.Id) && c.PersonId == p.Id));
        var staying = Outside(project.Id, skip: 1);
        await Store.RequestToJoinAsync(Asking(leaving, project), Now, Ct);
        await Store.RequestToJoinAsync(Asking(staying, project), Now, Ct);
        await Store.AddToProjectAsync(new Contribution(leaving.Id, other.Id, ContributionRole.Member, null, null),
            As(Network.People.Single(p => p.Id == Network.Contributions.Single(c => c.ProjectId == other.Id && c.Role == ContributionRole.Lead).PersonId)), Now, Ct);

        await Store.DeletePersonAsync(leaving.Id, Now, Ct);

        Assert.Empty(await Store.GetJoinRequestsOfPersonAsync(leaving.Id, Ct));
        Assert.Equal([staying.Id], (await Store.GetJoinRequestsAwaitingAsync(As(lead), 50, Ct)).Select(r => r.PersonId));
        var notices = await Store.GetNotificationsAsync(lead.Id, 50, Ct);
        Assert.DoesNotContain(notices, n => n.Subject.Contains(leaving.DisplayName, StringComparison.Ordinal) || n.Body.Contains(leaving.DisplayName, StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Subject.Contains(staying.DisplayName, StringComparison.Ordinal));
    }

    [StoreFact]
    public async Task ErasingALeadLeavesTheirProjectWithoutALeadAndItsRequestsToANetworkManager()
    {
        var (project, lead) = LedBy(Visibility.Public, skip: 3);
        var asking = Outside(project.Id);
        var manager = Outside(project.Id, skip: 1);
        await Store.RequestToJoinAsync(Asking(asking, project), Now, Ct);

        await Store.DeletePersonAsync(lead.Id, Now, Ct);

        Assert.DoesNotContain(Of(await Store.GetContributionsToProjectsAsync([project.Id], Admin, Ct), project.Id), c => c.Role == ContributionRole.Lead);
        Assert.Equal([asking.Id], (await Store.GetJoinRequestsAwaitingAsync(As(manager, manager: true), 50, Ct)).Where(r => r.ProjectId == project.Id).Select(r => r.PersonId));
        await Store.DecideJoinRequestAsync(project.Id, asking.Id, JoinDecision.Approve, As(manager, manager: true), Now, Ct);
        await Store.AssignLeadAsync(project.Id, asking.Id, As(manager, manager: true), Now, Ct);
        Assert.Contains(Of(await Store.GetContributionsToProjectsAsync([project.Id], Admin, Ct), project.Id), c => c.PersonId == asking.Id && c.Role == ContributionRole.Lead);
    }

    [StoreFact]
    public async Task AProjectPickerFindsProjectsByWordsOfTheirTitleOrHost()
    {
        var host = Network.Organisations.First(o => Network.Projects.Any(p => p.HostOrganisationId == o.Id));
        var hostWord = host.Name.Split(' ')[0].ToLowerInvariant();
        var creator = Someone();
        var created = await Store.CreateProjectAsync(new ProjectDraft("Zephyr discharge flow", null, ProjectStatus.Active, null, null, null, host.Id, []), creator.Id, Now, Ct);

        var byTitle = await Store.ListProjectsAsync(ProjectFilter.None with { Words = ["zephyr", "flow"] }, Everything, Ct);
        var byBoth = await Store.ListProjectsAsync(ProjectFilter.None with { Words = ["zephyr", hostWord] }, Everything, Ct);
        var neither = await Store.ListProjectsAsync(ProjectFilter.None with { Words = ["zephyr", "nowhere-at-all"] }, Everything, Ct);
        var byHost = await Store.ListProjectsAsync(ProjectFilter.None with { Words = [hostWord] }, Everything, Ct);

        Assert.Equal([created], byTitle.Items);
        Assert.Equal([created], byBoth.Items);
        Assert.Equal(0, neither.TotalCount);
        var expected = Network.Projects.Where(p => p.Title.Contains(hostWord, StringComparison.OrdinalIgnoreCase)
            || (p.HostOrganisationId is { } h && Network.Organisations.Single(o => o.Id == h).Name.Contains(hostWord, StringComparison.OrdinalIgnoreCase))).Count() + 1;
        Assert.Equal(expected, byHost.TotalCount);
    }

    [StoreFact]
    public async Task ARequestOnAProjectWithoutALeadTellsTheRecordedManagersWhoDecideItAndNobodyElse()
    {
        var (project, lead) = LedBy(Visibility.Public, skip: 4);
        var (asking, later) = (Outside(project.Id, skip: 2), Outside(project.Id, skip: 3));
        var (manager, demoted, erased, neverSignedIn) = (Outside(project.Id, skip: 5), Outside(project.Id, skip: 6), Outside(project.Id, skip: 7), Outside(project.Id, skip: 8));
        await Store.RecordManagerRoleAsync(As(manager, manager: true), Now, Ct);
        await Store.RecordManagerRoleAsync(As(demoted, manager: true), Now, Ct);
        await Store.RecordManagerRoleAsync(As(demoted), Now.AddMinutes(1), Ct);
        await Store.RecordManagerRoleAsync(As(erased, manager: true), Now, Ct);
        await Store.DeletePersonAsync(erased.Id, Now, Ct);

        // Led: its lead decides, and no manager hears of it.
        await Store.RequestToJoinAsync(Asking(asking, project), Now, Ct);
        Assert.Empty(await Store.GetNotificationsAsync(manager.Id, 10, Ct));

        await Store.RemoveContributionAsync(lead.Id, project.Id, lead.Id, Now, Ct);
        await Store.RequestToJoinAsync(Asking(later, project), Now, Ct);

        var notice = Assert.Single(await Store.GetNotificationsAsync(manager.Id, 10, Ct));
        Assert.Equal((NotificationKind.JoinRequested, project.Id, (Guid?)null, manager.Email), (notice.Kind, notice.ProjectId, notice.InvitationId, notice.RecipientEmail));
        Assert.Contains(later.DisplayName, notice.Subject, StringComparison.Ordinal);
        foreach (var untold in new[] { demoted, erased, neverSignedIn, later })
        {
            Assert.DoesNotContain(await Store.GetNotificationsAsync(untold.Id, 10, Ct), n => n.ProjectId == project.Id && n.Kind == NotificationKind.JoinRequested);
        }

        Assert.Equal("RECORD_NETWORK_MANAGER", (await Store.GetAuditTrailAsync(manager.Id, 1, Ct))[0].Action);
        Assert.Equal("DROP_NETWORK_MANAGER", (await Store.GetAuditTrailAsync(demoted.Id, 1, Ct))[0].Action);
    }

    [StoreFact]
    public async Task SigningInAgainWithTheSameRoleChangesAndAuditsNothing()
    {
        var manager = Someone(skip: 3);
        var member = Someone(skip: 4);
        await Store.RecordManagerRoleAsync(As(manager, manager: true), Now, Ct);
        var trail = await Store.GetAuditTrailAsync(manager.Id, 50, Ct);
        var sequence = await Store.GetChangeSequenceAsync(Ct);

        await Store.RecordManagerRoleAsync(As(manager, manager: true), Now.AddMinutes(5), Ct);
        await Store.RecordManagerRoleAsync(As(member), Now, Ct);
        await Store.RecordManagerRoleAsync(Viewer.Anonymous, Now, Ct);
        await Store.RecordManagerRoleAsync(As(manager with { Id = Guid.NewGuid() }, manager: true), Now, Ct);

        Assert.Equal(trail.Count, (await Store.GetAuditTrailAsync(manager.Id, 50, Ct)).Count);
        Assert.DoesNotContain(await Store.GetAuditTrailAsync(member.Id, 50, Ct), e => e.Action.Contains("NETWORK_MANAGER", StringComparison.Ordinal));
        Assert.Equal(sequence, await Store.GetChangeSequenceAsync(Ct));
    }

    [StoreFact]
    public async Task AManagerWhoSignsInAsAnAdminAndLaterAsAManagerAgainIsRecordedAsEachInTurn()
    {
        // Admins decide fewer requests than managers (those whose lead only admins see), so the record must follow the
        // role both ways, each change in the trail with the role before and after.
        var manager = Someone(skip: 3);
        var asAdmin = new Viewer(manager.Id, IsMember: true, IsAdmin: true, IsNetworkManager: true);

        await Store.RecordManagerRoleAsync(As(manager, manager: true), Now, Ct);
        await Store.RecordManagerRoleAsync(asAdmin, Now.AddMinutes(1), Ct);
        await Store.RecordManagerRoleAsync(asAdmin, Now.AddMinutes(2), Ct);
        await Store.RecordManagerRoleAsync(As(manager, manager: true), Now.AddMinutes(3), Ct);

        var recorded = (await Store.GetAuditTrailAsync(manager.Id, 50, Ct)).Where(e => e.Action == "RECORD_NETWORK_MANAGER").ToList();
        Assert.Equal(3, recorded.Count);
        Assert.Equal((recorded[1].After, recorded[1].Before), (recorded[0].Before, recorded[0].After)); // newest first: back to what it was
        Assert.Equal(recorded[2].After, recorded[0].After);
        Assert.NotEqual(recorded[0].Before, recorded[0].After);
    }

    [StoreFact]
    public async Task AManagerIsToldOfARequestWhereTheOnlyLeadIsHiddenFromThemButAnAdminWhoSeesThatLeadIsNot()
    {
        var hiddenLead = Someone(Visibility.Private);
        var (asking, manager, admin) = (Someone(skip: 5), Someone(skip: 6), Someone(skip: 7));
        var project = await Store.CreateProjectAsync(new ProjectDraft("Led out of the managers' sight", null, ProjectStatus.Active, null, null, null, null, []), hiddenLead.Id, Now, Ct);
        await Store.RecordManagerRoleAsync(As(manager, manager: true), Now, Ct);
        await Store.RecordManagerRoleAsync(new Viewer(admin.Id, IsMember: true, IsAdmin: true, IsNetworkManager: true), Now, Ct);

        await Store.RequestToJoinAsync(Asking(asking, project), Now, Ct);

        // Each hears of it exactly when me.joinRequestsToDecide shows it to them.
        Assert.Single(await Store.GetNotificationsAsync(manager.Id, 10, Ct), n => n.ProjectId == project.Id);
        Assert.Single(await Store.GetJoinRequestsAwaitingAsync(As(manager, manager: true), 50, Ct), r => r.ProjectId == project.Id);
        Assert.DoesNotContain(await Store.GetNotificationsAsync(admin.Id, 10, Ct), n => n.ProjectId == project.Id);
        Assert.Single(await Store.GetNotificationsAsync(hiddenLead.Id, 10, Ct), n => n.ProjectId == project.Id);
    }

    [StoreFact]
    public async Task ProjectsWithoutALeadAreListedAsTheManagerSeesThemAHiddenLeadCountingAsNone()
    {
        var hiddenLead = Someone(Visibility.Private);
        var (member, manager) = (Someone(skip: 4), Someone(skip: 6));
        var hidden = await Store.CreateProjectAsync(new ProjectDraft("Zanzibar hidden lead", null, ProjectStatus.Active, null, null, null, null, []), hiddenLead.Id, Now, Ct);
        var leaderless = await Store.CreateProjectAsync(new ProjectDraft("Zanzibar no lead", null, ProjectStatus.Active, null, null, null, null, []), member.Id, Now, Ct);
        var led = await Store.CreateProjectAsync(new ProjectDraft("Zanzibar led", null, ProjectStatus.Active, null, null, null, null, []), member.Id, Now, Ct);
        await Store.RemoveContributionAsync(member.Id, leaderless.Id, member.Id, Now, Ct);
        var zanzibar = ProjectFilter.None with { Words = ["zanzibar"] };

        var forManager = await Store.ListProjectsAsync(zanzibar with { WithoutLeadFor = As(manager, manager: true) }, Everything, Ct);
        var forAdmin = await Store.ListProjectsAsync(zanzibar with { WithoutLeadFor = Admin }, Everything, Ct);

        Assert.Equal(new[] { hidden.Id, leaderless.Id }.Order(), forManager.Items.Select(p => p.Id).Order());
        Assert.Equal(2, forManager.TotalCount);
        Assert.Equal([leaderless.Id], forAdmin.Items.Select(p => p.Id));
        Assert.Equal(3, (await Store.ListProjectsAsync(zanzibar, Everything, Ct)).TotalCount);
        Assert.DoesNotContain(led.Id, forManager.Items.Select(p => p.Id));
    }
}
