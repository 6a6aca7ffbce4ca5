using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Projects;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>
/// The production store's joining and leading of projects: pending contributions (PENDING_CONTRIBUTION) asked for, added,
/// decided; the lead role handed over or assigned. ProjectRules decides each from the facts read here (get-join-facts); a
/// pending one touches no read model (it is not a contribution), an agreed one becomes CONTRIBUTED_TO and is recorded in
/// the change feed.
/// </summary>
public sealed partial class Neo4jExpertiseStore
{
    public Task<JoinRequest> RequestToJoinAsync(Contribution contribution, DateTimeOffset now, CancellationToken cancellationToken) =>
        SideWriteAsync(async write =>
        {
            await write.PersonAsync(contribution.PersonId);
            var project = await write.ProjectAsync(contribution.ProjectId, "projectId");
            var facts = await JoinFactsAsync(write, contribution.ProjectId, contribution.PersonId);
            var audit = ProjectRules.RequestToJoin(contribution, facts.Contribution is not null, facts.Pending);
            var request = await CreatePendingAsync(write, contribution, JoinRequestKind.Request, now);
            await write.AuditAsync(now, contribution.PersonId, audit);
            await TellDecidersAsync(write, project, request, facts.Leads, now);

            return request;
        }, cancellationToken);

    public Task<JoinRequest> AddToProjectAsync(Contribution contribution, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        SideWriteAsync(async write =>
        {
            var project = await write.ProjectAsync(contribution.ProjectId, "projectId");
            var person = await write.PersonOrNullAsync(contribution.PersonId);
            var facts = await JoinFactsAsync(write, contribution.ProjectId, contribution.PersonId);
            var audit = ProjectRules.AddToProject(actor, contribution, person, facts.Leads, facts.Contribution is not null, facts.Pending);
            var request = await CreatePendingAsync(write, contribution, JoinRequestKind.Addition, now);
            await write.AuditAsync(now, actor.PersonId, audit);
            await EnqueueAsync(write, ProjectNotices.Added(project, request, person!), null, now);
            return request;
        }, cancellationToken);

    public Task<Project> DecideJoinRequestAsync(Guid projectId, Guid personId, JoinDecision decision, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var project = await write.ProjectAsync(projectId, "projectId");
            var facts = await JoinFactsAsync(write, projectId, personId);
            var decided = ProjectRules.Decide(actor, facts.Pending, facts.Leads, decision);
            var pending = facts.Pending!;
            await write.RunAsync("delete-pending-contribution", ("personId", Id(personId)), ("projectId", Id(projectId)));
            if (decided.Joins)
            {
                await write.RunAsync("add-contribution", ("personId", Id(personId)), ("projectId", Id(projectId)), ("role", EnumText.Name(pending.Role)),
                    ("from", Date(pending.From)), ("to", Date(pending.To)));
                await write.TouchPersonAsync(personId, now);
            }

            await write.AuditAsync(now, actor.PersonId, decided.Audit);
            if (decided.Notice is { } kind)
            {
                foreach (var recipient in decided.NoticeToLeads ? facts.Leads.Select(l => l.PersonId) : [personId])
                {
                    await EnqueueAsync(write, ProjectNotices.Decided(kind, project, pending, await write.PersonAsync(recipient)), null, now);
                }
            }

            return project;
        }, cancellationToken);

    public Task<Project> HandOverLeadAsync(Guid projectId, Guid personId, ContributionRole formerLeadRole, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var project = await write.ProjectAsync(projectId, "projectId");
            var target = await write.PersonOrNullAsync(personId);
            var facts = await JoinFactsAsync(write, projectId, personId);
            var audits = ProjectRules.HandOver(actor, facts.Leads, target, facts.Contribution, formerLeadRole);
            await write.AuditAsync([.. audits.Select(a => Neo4jWork.Event(now, actor.PersonId, a))]);
            await SetRoleAsync(write, personId, projectId, ContributionRole.Lead, now);
            await SetRoleAsync(write, actor.PersonId!.Value, projectId, formerLeadRole, now);
            await EnqueueAsync(write, ProjectNotices.LeadGiven(project, target!), null, now);
            return project;
        }, cancellationToken);

    public Task<Project> AssignLeadAsync(Guid projectId, Guid personId, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var project = await write.ProjectAsync(projectId, "projectId");
            var target = await write.PersonOrNullAsync(personId);
            var facts = await JoinFactsAsync(write, projectId, personId);
            await write.AuditAsync(now, actor.PersonId, ProjectRules.AssignLead(actor, facts.Leads, target, facts.Contribution));
            await SetRoleAsync(write, personId, projectId, ContributionRole.Lead, now);
            await EnqueueAsync(write, ProjectNotices.LeadGiven(project, target!), null, now);
            return project;
        }, cancellationToken);

    public async Task<IReadOnlyList<JoinRequest>> GetJoinRequestsOfPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        [.. Neo4jRecord.All(await ReadAsync("get-join-requests-of-person", cancellationToken, ("personId", Id(personId)))).Select(r => JoinRequest(r.Map("request")))];

    public async Task<IReadOnlyList<JoinRequest>> GetJoinRequestsAwaitingAsync(Viewer viewer, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var rows = Neo4jRecord.All(await ReadAsync("get-join-requests-awaiting", cancellationToken, ("personId", Id(viewer.PersonId)), ("everyRequest", viewer.IsNetworkManager)))
            .Select(r => (Request: JoinRequest(r.Map("request")), Leads: Leads(r), Visibility: r.Enum<Visibility>("personVisibility")));
        return [.. rows.Where(row => ProjectRules.AwaitsDecisionBy(viewer, row.Request, row.Leads, row.Visibility)).Select(row => row.Request).Take(limit)];
    }

    /// <summary>The facts of get-join-facts: the project's leads, the person's agreed contribution and their pending one.</summary>
    private static async Task<(List<ProjectLead> Leads, Contribution? Contribution, JoinRequest? Pending)> JoinFactsAsync(Neo4jWork write, Guid projectId, Guid personId)
    {
        var row = await write.FirstAsync("get-join-facts", ("projectId", Id(projectId)), ("personId", Id(personId)))
            ?? throw new NotFoundException("projectId", ErrorTexts.NoSuchProject);
        return (Leads(row), row["contribution"] is { ValueKind: System.Text.Json.JsonValueKind.Object } ? Neo4jMapping.Contribution(row.Map("contribution")) : null,
            row["pending"] is { ValueKind: System.Text.Json.JsonValueKind.Object } ? JoinRequest(row.Map("pending")) : null);
    }

    private static async Task<JoinRequest> CreatePendingAsync(Neo4jWork write, Contribution contribution, JoinRequestKind kind, DateTimeOffset now) =>
        JoinRequest((await write.FirstAsync("create-pending-contribution", ("personId", Id(contribution.PersonId)), ("projectId", Id(contribution.ProjectId)),
            ("kind", EnumText.Name(kind)), ("role", EnumText.Name(contribution.Role)), ("from", Date(contribution.From)), ("to", Date(contribution.To)),
            ("now", Timestamp(now))))!.Value.Map("request"));

    /// <summary>A contributor's role changes: their profile's contributions change with it.</summary>
    private static async Task SetRoleAsync(Neo4jWork write, Guid personId, Guid projectId, ContributionRole role, DateTimeOffset now)
    {
        await write.RunAsync("set-contribution-role", ("personId", Id(personId)), ("projectId", Id(projectId)), ("role", EnumText.Name(role)));
        await write.TouchPersonAsync(personId, now);
    }

    private static List<ProjectLead> Leads(Neo4jRecord row) =>
        [.. row.Maps("leads").Select(l => new ProjectLead(l.Id("id"), l.Enum<Visibility>("visibility")))];

    private static JoinRequest JoinRequest(Neo4jRecord r) =>
        new(r.Id("personId"), r.Id("projectId"), r.Enum<ContributionRole>("role"), r.DateOrNull("from"), r.DateOrNull("to"), r.Enum<JoinRequestKind>("kind"),
            r.Timestamp("requestedAt"), r.Text("personName"));

    /// <summary>
    /// A request to join is news to those who decide it: the project's leads, and the recorded network managers who decide
    /// where it has no lead they may see (ProjectRules.ManagersToTell). In the request's transaction.
    /// </summary>
    private static async Task TellDecidersAsync(Neo4jWork write, Project project, JoinRequest request, IReadOnlyList<ProjectLead> leads, DateTimeOffset now)
    {
        foreach (var lead in leads)
        {
            await EnqueueAsync(write, ProjectNotices.Requested(project, request, await write.PersonAsync(lead.PersonId)), null, now);
        }

        var managers = Neo4jRecord.All(await write.RunAsync("get-network-managers")).Select(r => new RecordedManager(r.Id("id"), r.Bool("admin"))).ToList();
        foreach (var manager in ProjectRules.ManagersToTell(managers, leads, request.PersonId))
        {
            await EnqueueAsync(write, ProjectNotices.RequestedOfManager(project, request, await write.PersonAsync(manager)), null, now);
        }
    }
}
