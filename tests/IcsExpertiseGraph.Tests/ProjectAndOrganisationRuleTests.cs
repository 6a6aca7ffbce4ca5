using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Projects;
using static IcsExpertiseGraph.Tests.RuleAssert;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// ProjectRules and OrganisationRules as a contributor, a project lead and a network manager meet them: each refusal says
/// why, a project's dates may meet, and the trail names what was done.
/// </summary>
public sealed class ProjectAndOrganisationRuleTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    private static Contribution Contribution(ContributionRole role, DateOnly? from = null, DateOnly? to = null) => new(Guid.NewGuid(), Guid.NewGuid(), role, from, to);

    [Fact]
    public void ARequestToJoinRefusedSaysWhy()
    {
        Refuses<RuleViolationException>(() => ProjectRules.RequestToJoin(Contribution(ContributionRole.Member, Day, Day.AddDays(-1)), false, null), "from", "from must not be after to");
        Refuses<ForbiddenException>(() => ProjectRules.RequestToJoin(Contribution(ContributionRole.Lead), false, null), "role", "Nobody can make themselves a project's lead");
        Refuses<DuplicateException>(() => ProjectRules.RequestToJoin(Contribution(ContributionRole.Member), true, null), "projectId", "already a contributor");
        Refuses<NotFoundException>(() => ProjectRules.RemoveContribution(Guid.NewGuid(), Guid.NewGuid(), false), "projectId", "not a contributor");
        var asked = Contribution(ContributionRole.Member, Day, Day);
        Assert.Equal(asked.PersonId, ProjectRules.RequestToJoin(asked, false, null).Subject);
    }

    [Fact]
    public void AProjectMayStartAndEndOnTheSameDayButNotEndBeforeItStarts()
    {
        ProjectRules.CheckDates(Day, Day);
        ProjectRules.CheckDates(null, Day);
        Refuses<RuleViolationException>(() => ProjectRules.CheckDates(Day, Day.AddDays(-1)), "endDate", "endDate must not be before startDate");
    }

    [Fact]
    public void OnlyALeadChangesAProjectAndAnyoneElseIsToldSo()
    {
        var project = new Project(Guid.NewGuid(), "Flow", null, ProjectStatus.Active, Day, null, null, null);
        var changes = new ProjectChanges(Change.To("Better flow"), default, default, default, default, default, default, default);

        Refuses<ForbiddenException>(() => ProjectRules.Update(project, changes, actorLeads: false), "id", "only the project's leads");
        Assert.Equal("Better flow", ProjectRules.Update(project, changes, actorLeads: true).Title);
    }

    [Fact]
    public void TheCreatorLeadsAProjectFromItsStartOrElseFromToday()
    {
        var now = new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.FromHours(-2)); // already 4 December in UTC
        var draft = new ProjectDraft("Flow", null, ProjectStatus.Planned, Day.AddDays(-40), null, null, null, []);

        Assert.Equal(Day.AddDays(-40), ProjectRules.LeadFrom(draft, now));
        Assert.Equal(new DateOnly(2026, 12, 4), ProjectRules.LeadFrom(draft with { StartDate = null }, now));
    }

    [Fact]
    public void TheTrailRecordsTheCreatorOfAProjectAsItsLead()
    {
        var draft = new ProjectDraft("Flow", null, ProjectStatus.Planned, null, null, null, null, []);

        var created = ProjectRules.Created(Guid.NewGuid(), Guid.NewGuid(), draft);

        Assert.Equal(AuditActions.CreateProject, created.Action);
        Assert.Equal(EnumText.Name(ContributionRole.Lead), Json(created.After)!["role"]!.GetValue<string>());
    }

    [Fact]
    public void AnOdsCodeHeldByAnotherOrganisationIsRefusedNamingTheCode()
    {
        var draft = new OrganisationDraft(Guid.NewGuid(), "RX1", "Trust", OrganisationType.AcuteTrust, null);

        Refuses<DuplicateException>(() => OrganisationRules.Target(draft, new OrganisationFacts(true, Guid.NewGuid(), false)), "odsCode", "another organisation", "ODS code");
    }

    [Fact]
    public void TheTrailSaysWhetherAnOrganisationWasCreatedOrUpdated()
    {
        var draft = new OrganisationDraft(null, "RX1", "Trust", OrganisationType.AcuteTrust, null);

        Assert.Equal(AuditActions.CreateOrganisation, OrganisationRules.Upserted(Guid.NewGuid(), true, draft).Action);
        Assert.Equal(AuditActions.UpdateOrganisation, OrganisationRules.Upserted(Guid.NewGuid(), false, draft).Action);
        Assert.Equal(AuditSubjects.Organisation, OrganisationRules.Upserted(Guid.NewGuid(), false, draft).SubjectType);
    }
}
