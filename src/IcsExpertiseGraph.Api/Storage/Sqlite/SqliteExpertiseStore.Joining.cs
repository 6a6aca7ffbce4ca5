using System.Text.Json;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Projects;
using Microsoft.Data.Sqlite;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>
/// The embedded store's joining and leading of projects: pending contributions (join_request) asked for, added, decided;
/// the lead role handed over or assigned. ProjectRules decides each from the facts read here; a pending one touches no
/// read model (it is not a contribution), an agreed one is written to contributed_to and recorded in the change feed.
/// </summary>
public sealed partial class SqliteExpertiseStore
{
    private const string JoinRequestColumns = "p.id, j.id, r.role, r.from_date, r.to_date, r.kind, r.requested_at, p.display_name";

    private const string JoinRequestFrom = "FROM join_request r JOIN person p ON p.pk = r.person_pk JOIN project j ON j.pk = r.project_pk";

    /// <summary>The leads of the project r names, with their visibility, as a JSON array of [id, visibility] pairs.</summary>
    private const string LeadsOfRequestProject = """
        (SELECT json_group_array(json_array(lp.id, lp.visibility)) FROM contributed_to lc JOIN person lp ON lp.pk = lc.person_pk
         WHERE lc.project_pk = r.project_pk AND lc.role = 'LEAD')
        """;

    public Task<JoinRequest> RequestToJoinAsync(Contribution contribution, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var person = write.PersonPk(contribution.PersonId);
            var project = write.ProjectPk(contribution.ProjectId, "projectId");
            var audit = ProjectRules.RequestToJoin(contribution, write.Contributes(person, project), write.Pending(person, project));
            var request = write.InsertPending(person, project, contribution, JoinRequestKind.Request, now);
            write.Audit(now, contribution.PersonId, audit);
            write.TellDeciders(contribution.ProjectId, request, write.Leads(project), now);
            return request;
        }, changesReadModels: false, cancellationToken);

    public Task<JoinRequest> AddToProjectAsync(Contribution contribution, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var project = write.ProjectPk(contribution.ProjectId, "projectId");
            var person = write.PersonOrNull(contribution.PersonId);
            var personPk = person is null ? (long?)null : write.PersonPk(person.Id);
            var audit = ProjectRules.AddToProject(actor, contribution, person, write.Leads(project),
                personPk is { } contributor && write.Contributes(contributor, project), personPk is { } asked ? write.Pending(asked, project) : null);
            var request = write.InsertPending(personPk!.Value, project, contribution, JoinRequestKind.Addition, now);
            write.Audit(now, actor.PersonId, audit);
            write.Enqueue(ProjectNotices.Added(write.Project(contribution.ProjectId), request, person!), null, now);
            return request;
        }, changesReadModels: false, cancellationToken);

    public Task<Project> DecideJoinRequestAsync(Guid projectId, Guid personId, JoinDecision decision, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var project = write.ProjectPk(projectId, "projectId");
            var person = write.SingleValue("SELECT pk FROM person WHERE id = $id", r => r.GetInt64(0), ("$id", Id(personId)));
            var pending = person is { } asked ? write.Pending(asked, project) : null;
            var decided = ProjectRules.Decide(actor, pending, write.Leads(project), decision);
            write.Execute("DELETE FROM join_request WHERE person_pk = $person AND project_pk = $project", ("$person", person), ("$project", project));
            if (decided.Joins)
            {
                write.Execute("INSERT INTO contributed_to (person_pk, project_pk, role, from_date, to_date) VALUES ($person, $project, $role, $from, $to)",
                    ("$person", person), ("$project", project), ("$role", EnumText.Name(pending!.Role)), ("$from", Date(pending.From)), ("$to", Date(pending.To)));
                write.TouchPerson(personId, now);
            }

            write.Audit(now, actor.PersonId, decided.Audit);
            var projectRow = write.Project(projectId);
            if (decided.Notice is { } kind)
            {
                var recipients = decided.NoticeToLeads ? write.Leads(project).Select(l => l.PersonId) : [personId];
                foreach (var recipient in recipients)
                {
                    write.Enqueue(ProjectNotices.Decided(kind, projectRow, pending!, write.Person(recipient)), null, now);
                }
            }

            return projectRow;
        }, cancellationToken);

    public Task<Project> HandOverLeadAsync(Guid projectId, Guid personId, ContributionRole formerLeadRole, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var project = write.ProjectPk(projectId, "projectId");
            var (target, contribution) = write.Contributor(personId, project);
            foreach (var audit in ProjectRules.HandOver(actor, write.Leads(project), target, contribution, formerLeadRole))
            {
                write.Audit(now, actor.PersonId, audit);
            }

            write.SetRole(personId, project, ContributionRole.Lead, now);
            write.SetRole(actor.PersonId!.Value, project, formerLeadRole, now);
            var projectRow = write.Project(projectId);
            write.Enqueue(ProjectNotices.LeadGiven(projectRow, target!), null, now);
            return projectRow;
        }, cancellationToken);

    public Task<Project> AssignLeadAsync(Guid projectId, Guid personId, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var project = write.ProjectPk(projectId, "projectId");
            var (target, contribution) = write.Contributor(personId, project);
            write.Audit(now, actor.PersonId, ProjectRules.AssignLead(actor, write.Leads(project), target, contribution));
            write.SetRole(personId, project, ContributionRole.Lead, now);
            var projectRow = write.Project(projectId);
            write.Enqueue(ProjectNotices.LeadGiven(projectRow, target!), null, now);
            return projectRow;
        }, cancellationToken);

    public Task<IReadOnlyList<JoinRequest>> GetJoinRequestsOfPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {JoinRequestColumns} {JoinRequestFrom} WHERE p.id = $person ORDER BY r.requested_at DESC, j.id DESC",
            ReadJoinRequest, cancellationToken, ("$person", Id(personId)));

    public async Task<IReadOnlyList<JoinRequest>> GetJoinRequestsAwaitingAsync(Viewer viewer, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        // The candidates: everything on projects the viewer leads, and for a network manager every request; the rule then
        // keeps those that wait on them (a manager decides only where no lead they may see does).
        var rows = await ListAsync($"""
            SELECT {JoinRequestColumns}, {LeadsOfRequestProject}, p.visibility {JoinRequestFrom}
            WHERE EXISTS (SELECT 1 FROM contributed_to lc JOIN person lp ON lp.pk = lc.person_pk WHERE lc.project_pk = r.project_pk AND lc.role = 'LEAD' AND lp.id = $me)
               OR ($manager = 1 AND r.kind = 'REQUEST')
            ORDER BY r.requested_at DESC, p.id DESC
            """, r => (Request: ReadJoinRequest(r), Leads: ReadLeads(r.GetString(8)), Visibility: r.GetEnum<Visibility>(9)), cancellationToken,
            ("$me", viewer.PersonId is { } me ? Id(me) : null), ("$manager", viewer.IsNetworkManager ? 1 : 0));
        return [.. rows.Where(row => ProjectRules.AwaitsDecisionBy(viewer, row.Request, row.Leads, row.Visibility)).Select(row => row.Request).Take(limit)];
    }

    private static JoinRequest ReadJoinRequest(SqliteDataReader r) => new(
        r.GetId(0), r.GetId(1), r.GetEnum<ContributionRole>(2), r.GetDateOrNull(3), r.GetDateOrNull(4), r.GetEnum<JoinRequestKind>(5),
        r.GetTimestampOrNull(6)!.Value, r.GetString(7));

    private static List<ProjectLead> ReadLeads(string json) =>
        [.. JsonSerializer.Deserialize<string[][]>(json)!.Select(l => new ProjectLead(Guid.Parse(l[0]), EnumText.Parse<Visibility>(l[1])))];

    /// <summary>The joining-related statements of a write.</summary>
    private sealed partial class Write
    {
        public Person? PersonOrNull(Guid id) => Single($"SELECT {PersonColumns} FROM person p WHERE p.id = $id", ReadPerson, ("$id", Id(id)));

        public List<ProjectLead> Leads(long project) =>
            All("SELECT p.id, p.visibility FROM contributed_to c JOIN person p ON p.pk = c.person_pk WHERE c.project_pk = $project AND c.role = 'LEAD' ORDER BY p.id",
                r => new ProjectLead(r.GetId(0), r.GetEnum<Visibility>(1)), ("$project", project));

        public bool Contributes(long person, long project) =>
            SingleValue("SELECT 1 FROM contributed_to WHERE person_pk = $person AND project_pk = $project", r => r.GetInt64(0), ("$person", person), ("$project", project)) is not null;

        public JoinRequest? Pending(long person, long project) =>
            Single($"SELECT {JoinRequestColumns} {JoinRequestFrom} WHERE r.person_pk = $person AND r.project_pk = $project", ReadJoinRequest,
                ("$person", person), ("$project", project));

        public JoinRequest InsertPending(long person, long project, Contribution contribution, JoinRequestKind kind, DateTimeOffset now)
        {
            Execute("""
                INSERT INTO join_request (person_pk, project_pk, kind, role, from_date, to_date, requested_at)
                VALUES ($person, $project, $kind, $role, $from, $to, $now)
                """, ("$person", person), ("$project", project), ("$kind", EnumText.Name(kind)), ("$role", EnumText.Name(contribution.Role)),
                ("$from", Date(contribution.From)), ("$to", Date(contribution.To)), ("$now", Timestamp(now)));
            return Pending(person, project)!;
        }

        /// <summary>The person, if any, and their agreed contribution to the project, if any.</summary>
        public (Person? Person, Contribution? Contribution) Contributor(Guid personId, long project)
        {
            var person = PersonOrNull(personId);
            var contribution = person is null ? null : Single("""
                SELECT p.id, j.id, c.role, c.from_date, c.to_date FROM contributed_to c JOIN person p ON p.pk = c.person_pk JOIN project j ON j.pk = c.project_pk
                WHERE p.id = $person AND c.project_pk = $project
                """, ReadContribution, ("$person", Id(personId)), ("$project", project));
            return (person, contribution);
        }

        /// <summary>A contributor's role changes: their profile's contributions change with it.</summary>
        public void SetRole(Guid personId, long project, ContributionRole role, DateTimeOffset now)
        {
            Execute("UPDATE contributed_to SET role = $role WHERE project_pk = $project AND person_pk = (SELECT pk FROM person WHERE id = $person)",
                ("$role", EnumText.Name(role)), ("$project", project), ("$person", Id(personId)));
            TouchPerson(personId, now);
        }

        /// <summary>
        /// A request to join is news to those who decide it: the project's leads, and the recorded network managers who
        /// decide where it has no lead they may see (ProjectRules.ManagersToTell). In the request's transaction.
        /// </summary>
        public void TellDeciders(Guid projectId, JoinRequest request, IReadOnlyList<ProjectLead> leads, DateTimeOffset now)
        {
            var project = Project(projectId);
            foreach (var lead in leads)
            {
                Enqueue(ProjectNotices.Requested(project, request, Person(lead.PersonId)), null, now);
            }

            var managers = All("SELECT p.id, m.admin FROM network_manager m JOIN person p ON p.pk = m.person_pk ORDER BY p.id",
                r => new RecordedManager(r.GetId(0), r.GetInt64(1) == 1));
            foreach (var manager in ProjectRules.ManagersToTell(managers, leads, request.PersonId))
            {
                Enqueue(ProjectNotices.RequestedOfManager(project, request, Person(manager)), null, now);
            }
        }
    }
}
