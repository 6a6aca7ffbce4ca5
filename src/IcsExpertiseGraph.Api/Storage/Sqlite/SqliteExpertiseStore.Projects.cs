using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Projects;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's project writes: leaving a project, and projects their leads create and change (joining is in the Joining part).</summary>
public sealed partial class SqliteExpertiseStore
{
    public Task<Person> RemoveContributionAsync(Guid personId, Guid projectId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var removed = write.Execute("DELETE FROM contributed_to WHERE person_pk = $person AND project_pk = $project",
                ("$person", write.PersonPk(personId)), ("$project", write.ProjectPk(projectId, "projectId")));
            var audit = ProjectRules.RemoveContribution(personId, projectId, contributed: removed > 0);
            write.TouchPerson(personId, now);
            write.Audit(now, actorId, audit);
            return write.Person(personId);
        }, cancellationToken);

    public Task<Project> CreateProjectAsync(ProjectDraft draft, Guid creatorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var creator = write.PersonPk(creatorId);
            var id = Guid.CreateVersion7(now);
            write.Execute("""
                INSERT INTO project (id, title, aim, status, start_date, end_date, outcome_summary, host_organisation_pk)
                VALUES ($id, $title, $aim, $status, $start, $end, $outcome, $host)
                """,
                ("$id", Id(id)), ("$title", draft.Title), ("$aim", Text(draft.Aim)), ("$status", EnumText.Name(draft.Status)), ("$start", Date(draft.StartDate)),
                ("$end", Date(draft.EndDate)), ("$outcome", Text(draft.OutcomeSummary)),
                ("$host", draft.HostOrganisationId is { } host ? write.OrganisationPk(host, "hostOrganisationId") : null));
            var project = write.ProjectPk(id, "id");
            write.SetMethods(project, draft.MethodSkillIds);
            write.Execute("INSERT INTO contributed_to (person_pk, project_pk, role, from_date) VALUES ($person, $project, 'LEAD', $from)",
                ("$person", creator), ("$project", project), ("$from", Date(ProjectRules.LeadFrom(draft, now))));
            write.TouchPerson(creatorId, now);
            write.Changed(ChangeKind.Project, id);
            write.Audit(now, creatorId, ProjectRules.Created(creatorId, id, draft));
            return write.Project(id);
        }, cancellationToken);

    public Task<Project> UpdateProjectAsync(Guid projectId, ProjectChanges changes, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var before = write.Project(projectId);
            var project = write.ProjectPk(projectId, "id");
            var after = ProjectRules.Update(before, changes,
                actorLeads: write.SingleValue("SELECT 1 FROM contributed_to WHERE project_pk = $project AND person_pk = $person AND role = 'LEAD'", r => r.GetInt64(0),
                    ("$project", project), ("$person", write.PersonPk(actorId))) is not null);

            write.Execute("""
                UPDATE project SET title = $title, aim = $aim, status = $status, start_date = $start, end_date = $end, outcome_summary = $outcome, host_organisation_pk = $host
                WHERE pk = $pk
                """,
                ("$title", after.Title), ("$aim", Text(after.Aim)), ("$status", EnumText.Name(after.Status)), ("$start", Date(after.StartDate)), ("$end", Date(after.EndDate)),
                ("$outcome", Text(after.OutcomeSummary)), ("$host", after.HostOrganisationId is { } host ? write.OrganisationPk(host, "hostOrganisationId") : null), ("$pk", project));
            if (changes.MethodSkillIds.IsSet)
            {
                write.Execute("DELETE FROM used_method WHERE project_pk = $pk", ("$pk", project));
                write.SetMethods(project, changes.MethodSkillIds.Value);
                // The methods a project used are evidence for each contributor's skills.
                foreach (var contributor in write.All("SELECT p.id FROM contributed_to c JOIN person p ON p.pk = c.person_pk WHERE c.project_pk = $pk", r => r.GetId(0), ("$pk", project)))
                {
                    write.Changed(ChangeKind.Person, contributor);
                }
            }

            write.Changed(ChangeKind.Project, projectId);
            write.Audit(now, actorId, ProjectRules.Updated(actorId, before, after));
            return write.Project(projectId);
        }, cancellationToken);
}
