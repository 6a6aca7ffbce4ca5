using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Projects;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

public abstract partial class StoreContract
{
    private static readonly ProjectChanges NoProjectChanges = new(default, default, default, default, default, default, default, default);

    /// <summary>A project that has a lead and that the person does not contribute to.</summary>
    private static Project ProjectWithout(Guid personId) =>
        Network.Projects.First(p => Network.Contributions.Any(c => c.ProjectId == p.Id && c.Role == ContributionRole.Lead)
            && !Network.Contributions.Any(c => c.ProjectId == p.Id && c.PersonId == personId));

    [StoreFact]
    public async Task AnApprovedContributionKeepsItsDatesAndCanBeRemoved()
    {
        var person = Someone();
        var project = ProjectWithout(person.Id);
        var contribution = new Contribution(person.Id, project.Id, ContributionRole.Advisor, new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 1));

        await Store.JoinAsync(contribution, Now);
        var ofPerson = await Store.GetContributionsOfPeopleAsync([person.Id], Ct);
        var toProject = await Store.GetContributionsToProjectsAsync([project.Id], Admin, Ct);
        await Store.RemoveContributionAsync(person.Id, project.Id, person.Id, Now, Ct);

        Assert.Contains(contribution, Of(ofPerson, person.Id));
        Assert.Contains(contribution, Of(toProject, project.Id));
        Assert.DoesNotContain(Of(await Store.GetContributionsOfPeopleAsync([person.Id], Ct), person.Id), c => c.ProjectId == project.Id);
        // Asking changed nothing of the profile; the approval and the removal did, each.
        Assert.Equal(person.Version + 2, await VersionOfAsync(person.Id));
        Assert.Equal(["REMOVE_CONTRIBUTION", "APPROVE_JOIN_REQUEST", "REQUEST_TO_JOIN"], (await Store.GetAuditTrailAsync(person.Id, 3, Ct)).Select(e => e.Action));
    }

    [StoreFact]
    public async Task BackwardsDatesALeadsRoleARepeatAndAMissingContributionAreRefused()
    {
        var existing = Network.Contributions.First(c => c.Role != ContributionRole.Lead);
        var person = Network.People.Single(p => p.Id == existing.PersonId);
        var project = ProjectWithout(person.Id);
        Contribution Joining(ContributionRole role, DateOnly from, DateOnly to) => new(person.Id, project.Id, role, from, to);

        await AssertRefusedAndUnchangedAsync<RuleViolationException>(
            () => Store.RequestToJoinAsync(Joining(ContributionRole.Member, new DateOnly(2026, 5, 1), new DateOnly(2026, 1, 1)), Now, Ct), "from");
        var lead = await AssertRefusedAndUnchangedAsync<ForbiddenException>(
            () => Store.RequestToJoinAsync(Joining(ContributionRole.Lead, new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 1)), Now, Ct), "role");
        await AssertRefusedAndUnchangedAsync<DuplicateException>(
            () => Store.RequestToJoinAsync(existing with { Role = ContributionRole.Coach }, Now, Ct), "projectId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.RequestToJoinAsync(Joining(ContributionRole.Member, new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 1)) with { ProjectId = Guid.NewGuid() }, Now, Ct), "projectId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.RemoveContributionAsync(person.Id, project.Id, person.Id, Now, Ct), "projectId");
        Assert.Equal(ProjectRules.NoSelfLead, lead.Message);
    }

    [StoreFact]
    public async Task ACreatedProjectIsLedByItsCreatorAndUsesItsMethods()
    {
        var creator = Someone();
        var host = Network.Organisations[3];
        Guid[] methods = [Network.Skill("pdsa-cycles").Id, Network.Skill("statistical-process-control").Id];
        var draft = new ProjectDraft("Reducing falls on ward 7", "Fewer falls", ProjectStatus.Active, new DateOnly(2026, 1, 5), null, null, host.Id, methods);
        var total = (await Store.ListProjectsAsync(ProjectFilter.None, Everything, Ct)).TotalCount;

        var project = await Store.CreateProjectAsync(draft, creator.Id, Now, Ct);
        var undated = await Store.CreateProjectAsync(draft with { Title = "Undated", StartDate = null, HostOrganisationId = null, MethodSkillIds = [] }, creator.Id, Now, Ct);

        Assert.Equal(new Project(project.Id, draft.Title, draft.Aim, draft.Status, draft.StartDate, null, null, host.Id), project);
        Assert.Equal(project, (await Store.GetProjectsAsync([project.Id], Ct))[project.Id]);
        Assert.Equal(new Contribution(creator.Id, project.Id, ContributionRole.Lead, draft.StartDate, null),
            Assert.Single(Of(await Store.GetContributionsToProjectsAsync([project.Id], Admin, Ct), project.Id)));
        Assert.Equal(methods.Order(), Of(await Store.GetMethodsOfProjectsAsync([project.Id], Ct), project.Id).Order());
        Assert.Equal(DateOnly.FromDateTime(Now.UtcDateTime), Assert.Single(Of(await Store.GetContributionsToProjectsAsync([undated.Id], Admin, Ct), undated.Id)).From);
        Assert.Equal(total + 2, (await Store.ListProjectsAsync(ProjectFilter.None, Everything, Ct)).TotalCount);
        Assert.Contains(project, (await Store.ListProjectsAsync(ProjectFilter.None with { HostOrganisationIds = [host.Id] }, Everything, Ct)).Items);
        Assert.Equal(creator.Version + 2, await VersionOfAsync(creator.Id));
        Assert.Equal("CREATE_PROJECT", (await Store.GetAuditTrailAsync(creator.Id, 1, Ct))[0].Action);
    }

    [StoreFact]
    public async Task AProjectWithAnUnknownHostOrMethodIsNotCreated()
    {
        var creator = Someone();
        var draft = new ProjectDraft("Never created", null, ProjectStatus.Planned, null, null, null, null, [Network.Skills[0].Id]);

        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.CreateProjectAsync(draft with { HostOrganisationId = Guid.NewGuid() }, creator.Id, Now, Ct), "hostOrganisationId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.CreateProjectAsync(draft with { MethodSkillIds = [Network.Skills[0].Id, Guid.NewGuid()] }, creator.Id, Now, Ct), "methodSkillIds");
    }

    [StoreFact]
    public async Task OnlyLeadsChangeAProjectWhoseEndMayNotPrecedeItsStart()
    {
        var project = Network.Projects.First(p => Network.Contributions.Count(c => c.ProjectId == p.Id) > 1 && p.StartDate is not null);
        var lead = Network.Contributions.Single(c => c.ProjectId == project.Id && c.Role == ContributionRole.Lead).PersonId;
        var member = Network.Contributions.First(c => c.ProjectId == project.Id && c.Role != ContributionRole.Lead).PersonId;
        var method = Network.Skill("driver-diagrams").Id;

        await AssertRefusedAndUnchangedAsync<ForbiddenException>(
            () => Store.UpdateProjectAsync(project.Id, NoProjectChanges with { Status = Change.To(ProjectStatus.Completed) }, member, Now, Ct), "id");
        await AssertRefusedAndUnchangedAsync<RuleViolationException>(
            () => Store.UpdateProjectAsync(project.Id, NoProjectChanges with { EndDate = Change.To<DateOnly?>(project.StartDate!.Value.AddDays(-1)) }, lead, Now, Ct), "endDate");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.UpdateProjectAsync(Guid.NewGuid(), NoProjectChanges with { Status = Change.To(ProjectStatus.Completed) }, lead, Now, Ct), "id");
        var updated = await Store.UpdateProjectAsync(project.Id, NoProjectChanges with
        {
            Status = Change.To(ProjectStatus.Completed),
            OutcomeSummary = Change.To<string?>("Falls down a third"),
            MethodSkillIds = Change.To<IReadOnlyList<Guid>>([method]),
        }, lead, Now, Ct);

        Assert.Equal(project with { Status = ProjectStatus.Completed, OutcomeSummary = "Falls down a third" }, updated);
        Assert.Equal(updated, (await Store.GetProjectsAsync([project.Id], Ct))[project.Id]);
        Assert.Equal([method], Of(await Store.GetMethodsOfProjectsAsync([project.Id], Ct), project.Id));
    }

    [StoreFact]
    public async Task OrganisationsAreUpsertedByIdOrByOdsCode()
    {
        var existing = Network.Organisations.First(o => o.OdsCode is not null && o.Type == OrganisationType.AcuteTrust);
        var other = Network.Organisations.First(o => o.OdsCode is not null && o.Id != existing.Id);
        var system = Network.IntegratedCareSystems[5].Id;
        var total = (await Store.ListOrganisationsAsync(OrganisationFilter.None, Everything, Ct)).TotalCount;

        var renamed = await Store.UpsertOrganisationAsync(new OrganisationDraft(existing.Id, null, "Renamed Hospitals NHS Trust", existing.Type, null), null, Now, Ct);
        var created = await Store.UpsertOrganisationAsync(new OrganisationDraft(null, "ZZ9", "New Hospice", OrganisationType.Other, system), null, Now, Ct);
        var byCode = await Store.UpsertOrganisationAsync(new OrganisationDraft(null, "zz9", "New Hospice and Care", OrganisationType.Vcse, null), null, Now, Ct);

        Assert.Equal(existing with { Name = "Renamed Hospitals NHS Trust" }, renamed);
        Assert.Equal(new Organisation(created.Id, "ZZ9", "New Hospice", OrganisationType.Other, system), created);
        // Matched whatever the case; the code is then stored as the draft gives it.
        Assert.Equal(created with { OdsCode = "zz9", Name = "New Hospice and Care", Type = OrganisationType.Vcse }, byCode);
        Assert.Equal(byCode, (await Store.GetOrganisationsAsync([created.Id], Ct))[created.Id]);
        Assert.Equal(renamed, (await Store.GetOrganisationsAsync([existing.Id], Ct))[existing.Id]);
        Assert.Equal(total + 1, (await Store.ListOrganisationsAsync(OrganisationFilter.None, Everything, Ct)).TotalCount);
        await AssertRefusedAndUnchangedAsync<DuplicateException>(
            () => Store.UpsertOrganisationAsync(new OrganisationDraft(existing.Id, other.OdsCode!.ToLowerInvariant(), existing.Name, existing.Type, null), null, Now, Ct), "odsCode");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.UpsertOrganisationAsync(new OrganisationDraft(null, "ZZ8", "Nowhere Trust", OrganisationType.Other, Guid.NewGuid()), null, Now, Ct), "integratedCareSystemId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.UpsertOrganisationAsync(new OrganisationDraft(Guid.NewGuid(), null, "Nobody's Trust", OrganisationType.Other, null), null, Now, Ct), "id");
    }

    [StoreFact]
    public async Task LeavingAnUnknownProjectOrGivingAProjectAnUnknownHostIsRefusedNamingThatField()
    {
        var person = Someone();
        var (project, lead) = LedProject();

        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.RemoveContributionAsync(person.Id, Guid.NewGuid(), person.Id, Now, Ct), "projectId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.UpdateProjectAsync(project.Id, NoProjectChanges with { HostOrganisationId = Change.To<Guid?>(Guid.NewGuid()) }, lead, Now, Ct), "hostOrganisationId");
    }

    [StoreFact]
    public async Task ChangingAProjectIsAuditedInTheTrailOfTheLeadWhoChangedIt()
    {
        var (project, lead) = LedProject();

        await Store.UpdateProjectAsync(project.Id, NoProjectChanges with { Title = Change.To("Audited project title") }, lead, Now, Ct);

        var audited = Assert.Single(await Store.GetAuditTrailAsync(lead, 1, Ct));
        Assert.Equal((AuditActions.UpdateProject, (Guid?)lead), (audited.Action, audited.ActorId));
        Assert.Contains("Audited project title", audited.After);
        Assert.DoesNotContain("Audited project title", audited.Before);
    }

    [StoreFact]
    public async Task AnOrganisationsCreationAndUpdateAreAuditedUnderItsIdNewestFirstWithTheManagerWhoMadeThem()
    {
        var manager = Someone().Id;

        var created = await Store.UpsertOrganisationAsync(new OrganisationDraft(null, "ZZ7", "Audited Hospice", OrganisationType.Other, null), manager, Now, Ct);
        await Store.UpsertOrganisationAsync(new OrganisationDraft(created.Id, null, "Audited Hospice and Care", OrganisationType.Other, null), manager, Now, Ct);

        // The trail is read by subject: an organisation's events are under its id.
        var trail = await Store.GetAuditTrailAsync(created.Id, 10, Ct);
        Assert.Equal([AuditActions.UpdateOrganisation, AuditActions.CreateOrganisation], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal(((Guid?)manager, AuditSubjects.Organisation, created.Id), (e.ActorId, e.SubjectType, e.SubjectId)));
    }

    /// <summary>A project of the network and its lead.</summary>
    private static (Project Project, Guid Lead) LedProject()
    {
        var lead = Network.Contributions.First(c => c.Role == ContributionRole.Lead);
        return (Network.Projects.Single(p => p.Id == lead.ProjectId), lead.PersonId);
    }
}
