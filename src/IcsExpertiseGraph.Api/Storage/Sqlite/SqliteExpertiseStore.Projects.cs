using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

public sealed partial class SqliteExpertiseStore
{
    public Task<Person> AddContributionAsync(Guid personId, Contribution contribution, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var person = write.PersonPk(personId);
            var project = write.ProjectPk(contribution.ProjectId, "projectId");
            if (contribution.From > contribution.To)
            {
                throw new RuleViolationException("from", "from must not be after to.");
            }

            if (contribution.Role == ContributionRole.Lead
                && write.SingleValue("SELECT 1 FROM contributed_to WHERE project_pk = $project AND role = 'LEAD'", r => r.GetInt64(0), ("$project", project)) is not null)
            {
                // Leads may edit the project; a project that has one is led by whoever its leads are.
                throw new ForbiddenException("This project already has a lead; join it as a member, coach, sponsor or advisor.");
            }

            if (write.Execute("INSERT OR IGNORE INTO contributed_to (person_pk, project_pk, role, from_date, to_date) VALUES ($person, $project, $role, $from, $to)",
                    ("$person", person), ("$project", project), ("$role", EnumText.Name(contribution.Role)), ("$from", Date(contribution.From)), ("$to", Date(contribution.To))) == 0)
            {
                throw new DuplicateException("projectId", "You are already a contributor to this project; remove the contribution to change it.");
            }

            write.TouchPerson(personId, now);
            write.Audit(now, actorId, "ADD_CONTRIBUTION", personId, null,
                new { projectId = contribution.ProjectId, role = EnumText.Name(contribution.Role), contribution.From, contribution.To });
            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> RemoveContributionAsync(Guid personId, Guid projectId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var removed = write.Execute("DELETE FROM contributed_to WHERE person_pk = $person AND project_pk = $project",
                ("$person", write.PersonPk(personId)), ("$project", write.ProjectPk(projectId, "projectId")));
            if (removed == 0)
            {
                throw new NotFoundException("projectId", "You are not a contributor to that project.");
            }

            write.TouchPerson(personId, now);
            write.Audit(now, actorId, "REMOVE_CONTRIBUTION", personId, new { projectId }, null);
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
                ("$person", creator), ("$project", project), ("$from", Date(draft.StartDate ?? DateOnly.FromDateTime(now.UtcDateTime))));
            write.TouchPerson(creatorId, now);
            write.Changed(ChangeKind.Project, id);
            write.Audit(now, creatorId, "CREATE_PROJECT", creatorId, null, new { projectId = id, draft.Title, role = "LEAD" });
            return write.Project(id);
        }, cancellationToken);

    public Task<Project> UpdateProjectAsync(Guid projectId, ProjectChanges changes, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var before = write.Project(projectId);
            var project = write.ProjectPk(projectId, "id");
            if (write.SingleValue("SELECT 1 FROM contributed_to WHERE project_pk = $project AND person_pk = $person AND role = 'LEAD'", r => r.GetInt64(0),
                    ("$project", project), ("$person", write.PersonPk(actorId))) is null)
            {
                throw new ForbiddenException("Only the project's leads may change it.");
            }

            var after = changes.ApplyTo(before);
            if (after.StartDate > after.EndDate)
            {
                throw new RuleViolationException("endDate", "endDate must not be before startDate.");
            }

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

            write.Audit(now, actorId, "UPDATE_PROJECT", actorId, new { projectId, before.Title, before.Status }, new { projectId, after.Title, after.Status });
            return write.Project(projectId);
        }, cancellationToken);

    public Task<Organisation> UpsertOrganisationAsync(OrganisationDraft draft, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var existing = draft.Id is { } id
                ? write.SingleValue("SELECT pk FROM organisation WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id))) ?? throw new NotFoundException("id", "There is no organisation with that id.")
                : draft.OdsCode is { } code ? write.SingleValue("SELECT pk FROM organisation WHERE ods_code = $code COLLATE NOCASE", r => r.GetInt64(0), ("$code", code)) : null;
            if (draft.OdsCode is { } ods && write.SingleValue("SELECT pk FROM organisation WHERE ods_code = $code COLLATE NOCASE", r => r.GetInt64(0), ("$code", ods)) is { } holder && holder != existing)
            {
                throw new DuplicateException("odsCode", "Another organisation already has that ODS code.");
            }

            object? ics = draft.IntegratedCareSystemId is { } system
                ? write.SingleValue("SELECT pk FROM integrated_care_system WHERE id = $id", r => r.GetInt64(0), ("$id", Id(system))) ?? throw new NotFoundException("integratedCareSystemId", "There is no ICS with that id.")
                : null;
            var organisationId = draft.Id ?? (existing is { } pk ? write.SingleValue("SELECT id FROM organisation WHERE pk = $pk", r => r.GetId(0), ("$pk", pk))!.Value : Guid.CreateVersion7(now));
            if (existing is null)
            {
                write.Execute("INSERT INTO organisation (id, ods_code, name, type, ics_pk) VALUES ($id, $code, $name, $type, $ics)",
                    ("$id", Id(organisationId)), ("$code", Text(draft.OdsCode)), ("$name", draft.Name), ("$type", EnumText.Name(draft.Type)), ("$ics", ics));
            }
            else
            {
                // Fields left out of the request stay as they are.
                write.Execute("UPDATE organisation SET ods_code = coalesce($code, ods_code), name = $name, type = $type, ics_pk = coalesce($ics, ics_pk) WHERE pk = $pk",
                    ("$code", Text(draft.OdsCode)), ("$name", draft.Name), ("$type", EnumText.Name(draft.Type)), ("$ics", ics), ("$pk", existing));
            }

            write.Changed(ChangeKind.Organisation, organisationId);
            write.Execute("INSERT INTO audit_event (at, actor_id, action, subject_type, subject_id, after) VALUES ($at, $actor, $action, 'Organisation', $subject, $after)",
                ("$at", Timestamp(now)), ("$actor", actorId is { } a ? Id(a) : null), ("$action", existing is null ? "CREATE_ORGANISATION" : "UPDATE_ORGANISATION"),
                ("$subject", Id(organisationId)), ("$after", System.Text.Json.JsonSerializer.Serialize(new { draft.OdsCode, draft.Name, Type = EnumText.Name(draft.Type) })));
            return write.Single($"SELECT {OrganisationColumns} FROM organisation o WHERE o.id = $id", ReadOrganisation, ("$id", Id(organisationId)))!;
        }, cancellationToken);
}
