using System.Text.Json;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Profiles;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's a person's own data: export, deletion (contributions kept under an anonymous former member), and the admins' bulk people import.</summary>
public sealed partial class SqliteExpertiseStore
{
    public async Task<string> ExportPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var endorsements = new List<ExportedEndorsement>();
        await using (var connection = await connections.OpenAsync(cancellationToken))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT CASE WHEN e.endorser_pk = p.pk THEN 'GIVEN' ELSE 'RECEIVED' END,
                       CASE WHEN other.visibility IN ('PUBLIC', 'NETWORK') THEN other.display_name END, s.id, e.at
                FROM person p JOIN endorsed e ON e.endorser_pk = p.pk OR e.endorsee_pk = p.pk
                JOIN person other ON other.pk = CASE WHEN e.endorser_pk = p.pk THEN e.endorsee_pk ELSE e.endorser_pk END
                JOIN skill s ON s.pk = e.skill_pk
                WHERE p.id = $id ORDER BY e.at
                """;
            command.With("$id", Id(personId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                endorsements.Add(new ExportedEndorsement(reader.GetString(0), reader.GetTextOrNull(1), reader.GetId(2), reader.GetTimestampOrNull(3)!.Value));
            }
        }

        return await PersonExport.WriteAsync(this, personId, endorsements, cancellationToken);
    }

    public Task DeletePersonAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var pk = write.PersonPk(personId);
            RecordErasure(write, personId, now);
            write.Changed(ChangeKind.PersonRemoved, personId);
            // Endorsements the person gave go with them: the people they endorsed change too.
            foreach (var endorsee in write.All("SELECT DISTINCT p.id FROM endorsed e JOIN person p ON p.pk = e.endorsee_pk WHERE e.endorser_pk = $pk", r => r.GetId(0), ("$pk", pk)))
            {
                write.Changed(ChangeKind.Person, endorsee);
            }

            if (write.SingleValue("SELECT count(*) FROM contributed_to WHERE person_pk = $pk", r => r.GetInt64(0), ("$pk", pk)) > 0)
            {
                // Projects keep their history: the contributions move to an anonymous, hidden former member.
                var former = Guid.CreateVersion7(now);
                write.Execute("""
                    INSERT INTO person (id, display_name, visibility, availability_status, open_to_cross_organisation, version, created_at, updated_at)
                    VALUES ($id, 'Former member', 'PRIVATE', 'NOT_AVAILABLE', 0, 1, $now, $now)
                    """, ("$id", Id(former)), ("$now", Timestamp(now)));
                // Nobody leads through a placeholder: a project whose lead leaves is left without one, for a network manager to give it one.
                write.Execute("UPDATE contributed_to SET person_pk = $former, role = CASE role WHEN 'LEAD' THEN 'MEMBER' ELSE role END WHERE person_pk = $pk",
                    ("$former", write.PersonPk(former)), ("$pk", pk));
                write.Changed(ChangeKind.Person, former);
            }

            // Invitations to and from the person carry their words and their contacts; they go, with their notifications.
            // So do notifications naming them to others (asking to join a project), and their own pending requests to join.
            write.Execute("""
                DELETE FROM outbox_message
                WHERE recipient_id = $id OR about_person_id = $id OR invitation_id IN (SELECT id FROM invitation WHERE inviter_id = $id OR invitee_id = $id)
                """, ("$id", Id(personId)));
            write.Execute("DELETE FROM join_request WHERE person_pk = $pk", ("$pk", pk));
            write.Execute("DELETE FROM network_manager WHERE person_pk = $pk", ("$pk", pk));
            write.Execute("DELETE FROM invitation WHERE inviter_id = $id OR invitee_id = $id", ("$id", Id(personId)));
            write.Execute("DELETE FROM endorsed WHERE endorser_pk = $pk OR endorsee_pk = $pk", ("$pk", pk));
            write.Execute("DELETE FROM has_skill WHERE person_pk = $pk", ("$pk", pk));
            write.Execute("DELETE FROM works_at WHERE person_pk = $pk", ("$pk", pk));
            write.Execute("DELETE FROM person_text WHERE rowid = $pk", ("$pk", pk));
            write.Execute("DELETE FROM person WHERE pk = $pk", ("$pk", pk));
            // The trail keeps that changes happened, not what they said or who the person was.
            write.Execute("UPDATE audit_event SET before = NULL, after = NULL WHERE subject_id = $id OR instr(coalesce(before, '') || coalesce(after, ''), $id) > 0", ("$id", Id(personId)));
            write.Execute("UPDATE audit_event SET actor_id = NULL WHERE actor_id = $id", ("$id", Id(personId)));
            write.Audit(now, null, ProfileRules.Deleted(personId));
            return 0;
        }, cancellationToken);

    public Task<ImportSummary> ImportPeopleAsync(IReadOnlyList<PersonImport> people, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            int created = 0, updated = 0, unchanged = 0;
            for (var row = 0; row < people.Count; row++)
            {
                var import = people[row];
                var organisation = import.OrganisationOdsCode is { } code
                    ? write.SingleValue("SELECT pk FROM organisation WHERE ods_code = $code COLLATE NOCASE", r => r.GetInt64(0), ("$code", code))
                      ?? throw ProfileRules.UnknownOrganisation(row, code)
                    : (long?)null;
                var existing = write.SingleValue("SELECT id FROM person WHERE email = $email COLLATE NOCASE", r => r.GetId(0), ("$email", import.Email));
                var id = existing ?? Guid.CreateVersion7(now);
                var changedProfile = false;
                if (existing is null)
                {
                    write.Execute("""
                        INSERT INTO person (id, display_name, headline, bio, email, visibility, availability_status, open_to_cross_organisation, version, created_at, updated_at)
                        VALUES ($id, $name, $headline, $bio, $email, $visibility, 'NOT_AVAILABLE', 0, 1, $now, $now)
                        """,
                        ("$id", Id(id)), ("$name", import.DisplayName), ("$headline", Text(import.Headline)), ("$bio", Text(import.Bio)), ("$email", import.Email),
                        ("$visibility", EnumText.Name(import.Visibility ?? Visibility.Network)), ("$now", Timestamp(now)));
                }
                else
                {
                    changedProfile = write.Execute("""
                        UPDATE person SET display_name = $name, headline = coalesce($headline, headline), bio = coalesce($bio, bio), version = version + 1, updated_at = $now
                        WHERE id = $id AND (display_name IS NOT $name OR headline IS NOT coalesce($headline, headline) OR bio IS NOT coalesce($bio, bio))
                        """,
                        ("$id", Id(id)), ("$name", import.DisplayName), ("$headline", Text(import.Headline)), ("$bio", Text(import.Bio)),
                        ("$now", Timestamp(now))) > 0;
                }

                // A current employment at the named organisation, added once; the first current one is primary.
                var employed = organisation is { } org && write.Execute("""
                    INSERT INTO works_at (person_pk, organisation_pk, role, since, is_primary)
                    SELECT p.pk, $org, $role, $since, NOT EXISTS (SELECT 1 FROM works_at w WHERE w.person_pk = p.pk AND w.until IS NULL AND w.is_primary = 1)
                    FROM person p WHERE p.id = $id
                      AND NOT EXISTS (SELECT 1 FROM works_at w WHERE w.person_pk = p.pk AND w.organisation_pk = $org AND w.until IS NULL)
                    """, ("$org", org), ("$role", Text(import.Role)), ("$since", Date(DateOnly.FromDateTime(now.UtcDateTime))), ("$id", Id(id))) > 0;
                if (existing is not null && !changedProfile && !employed)
                {
                    unchanged++;
                    continue;
                }

                if (existing is null)
                {
                    created++;
                }
                else
                {
                    updated++;
                }

                write.RefreshText(id);
                write.Audit(now, actorId, ProfileRules.Imported(id, created: existing is null, import));
            }

            return new ImportSummary(created, updated, unchanged);
        }, cancellationToken);
}
