using System.Text.Json;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using Microsoft.Data.Sqlite;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

public sealed partial class SqliteExpertiseStore
{
    public async Task<Guid?> FindPersonIdByExternalIdAsync(string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM person WHERE external_id = $externalId";
        command.With("$externalId", externalId);
        return await command.ExecuteScalarAsync(cancellationToken) is string id ? Guid.Parse(id) : null;
    }

    public Task<Person> LinkIdentityAsync(Guid personId, string externalId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var person = write.Person(personId);
            if (person.ExternalId is null)
            {
                write.Execute("UPDATE person SET external_id = $externalId, updated_at = $now WHERE id = $id",
                    ("$externalId", externalId), ("$now", Timestamp(now)), ("$id", Id(personId)));
                write.Audit(now, personId, "LINK_IDENTITY", personId, null, new { linkedBy = "local issuer" });
            }

            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> UpdateProfileAsync(Guid personId, ProfileChanges changes, long? expectedVersion, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var before = write.Person(personId);
            if (expectedVersion is { } expected && expected != before.Version)
            {
                throw new VersionConflictException(before.Version);
            }

            var email = changes.Email.Or(before.Email);
            if (changes.Email.IsSet && email is not null && !string.Equals(email, before.Email, StringComparison.OrdinalIgnoreCase) && !write.EmailIsFree(email))
            {
                throw new DuplicateException("email", "That email address belongs to another profile.");
            }

            var after = changes.ApplyTo(before);
            var availability = after.Availability;
            write.Execute("""
                UPDATE person SET display_name = $name, headline = $headline, bio = $bio, orcid = $orcid, email = $email, visibility = $visibility,
                    availability_status = $status, hours_per_month = $hours, open_to_cross_organisation = $open, availability_terms = $terms,
                    version = version + 1, updated_at = $now
                WHERE id = $id
                """,
                ("$name", after.DisplayName), ("$headline", Text(after.Headline)), ("$bio", Text(after.Bio)), ("$orcid", Text(after.Orcid)),
                ("$email", Text(after.Email)), ("$visibility", EnumText.Name(after.Visibility)), ("$status", EnumText.Name(availability.Status)),
                ("$hours", Int(availability.HoursPerMonth)), ("$open", availability.OpenToCrossOrganisation ? 1 : 0), ("$terms", Text(availability.Terms)),
                ("$now", Timestamp(now)), ("$id", Id(personId)));
            write.RefreshText(personId);
            // The trail keeps what changed: the fields whose values differ, before and after.
            var (was, becomes) = ProfileAudit.Changed(before, after);
            write.Audit(now, actorId, "UPDATE_PROFILE", personId, was, becomes);
            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> ConfirmProfileAsync(Guid personId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var before = write.Person(personId);
            write.Execute("UPDATE person SET last_confirmed_at = $now, version = version + 1, updated_at = $now WHERE id = $id", ("$now", Timestamp(now)), ("$id", Id(personId)));
            write.Changed(ChangeKind.Person, personId);
            write.Audit(now, actorId, "CONFIRM_PROFILE", personId, new { before.LastConfirmedAt }, new { LastConfirmedAt = now });
            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> SetSkillAsync(Guid personId, SkillClaim claim, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            write.Person(personId);
            var skillPk = write.SkillPk(claim.SkillId, "skillId");
            var before = write.Single("SELECT level, evidence, years, verified FROM has_skill WHERE person_pk = $person AND skill_pk = $skill",
                r => new { Level = EnumText.Name((SkillLevel)r.GetInt32(0)), Evidence = r.GetTextOrNull(1), Years = r.GetIntOrNull(2), Verified = r.GetInt64(3) == 1 },
                ("$person", write.PersonPk(personId)), ("$skill", skillPk));
            var evidence = claim.Evidence is { } e ? EnumText.Name(e) : null;
            // A verified claim stays verified only while the claim itself is unchanged.
            var keepsVerification = before is { Verified: true } && before.Level == EnumText.Name(claim.Level) && before.Evidence == evidence && before.Years == claim.Years;
            write.Execute("""
                INSERT INTO has_skill (person_pk, skill_pk, level, evidence, years, verified, since) VALUES ($person, $skill, $level, $evidence, $years, $verified, $since)
                ON CONFLICT (person_pk, skill_pk) DO UPDATE SET level = excluded.level, evidence = excluded.evidence, years = excluded.years, verified = excluded.verified
                """,
                ("$person", write.PersonPk(personId)), ("$skill", skillPk), ("$level", (int)claim.Level), ("$evidence", Text(evidence)),
                ("$years", Int(claim.Years)), ("$verified", keepsVerification ? 1 : 0), ("$since", Date(DateOnly.FromDateTime(now.UtcDateTime))));
            write.TouchPerson(personId, now);
            write.RefreshText(personId);
            write.Audit(now, actorId, "SET_SKILL", personId, before is null ? null : new { skillId = claim.SkillId, before },
                new { skillId = claim.SkillId, level = EnumText.Name(claim.Level), evidence, years = claim.Years, verified = keepsVerification });
            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> RemoveSkillAsync(Guid personId, Guid skillId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            write.Person(personId);
            var skillPk = write.SkillPk(skillId, "skillId");
            var removed = write.Execute("DELETE FROM has_skill WHERE person_pk = $person AND skill_pk = $skill", ("$person", write.PersonPk(personId)), ("$skill", skillPk));
            if (removed == 0)
            {
                throw new NotFoundException("skillId", "Your profile does not list that skill.");
            }

            // Endorsements were of the claim; without the claim they go too.
            write.Execute("DELETE FROM endorsed WHERE endorsee_pk = $person AND skill_pk = $skill", ("$person", write.PersonPk(personId)), ("$skill", skillPk));
            write.TouchPerson(personId, now);
            write.RefreshText(personId);
            write.Audit(now, actorId, "REMOVE_SKILL", personId, new { skillId }, null);
            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> EndorseSkillAsync(Guid endorserId, Guid endorseeId, Guid skillId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            if (endorserId == endorseeId)
            {
                throw new RuleViolationException("personId", "You cannot endorse your own skills.");
            }

            var endorser = write.PersonPk(endorserId);
            var endorsee = write.PersonPk(endorseeId, "personId");
            var skillPk = write.SkillPk(skillId, "skillId");
            if (write.SingleValue("SELECT 1 FROM has_skill WHERE person_pk = $person AND skill_pk = $skill", r => r.GetInt64(0), ("$person", endorsee), ("$skill", skillPk)) is null)
            {
                throw new RuleViolationException("skillId", "That person does not list this skill, so it cannot be endorsed.");
            }

            if (write.Execute("INSERT OR IGNORE INTO endorsed (endorser_pk, endorsee_pk, skill_pk, at) VALUES ($endorser, $endorsee, $skill, $at)",
                    ("$endorser", endorser), ("$endorsee", endorsee), ("$skill", skillPk), ("$at", Timestamp(now))) == 0)
            {
                throw new DuplicateException("skillId", "You have already endorsed this skill of this person.");
            }

            write.Changed(ChangeKind.Person, endorseeId);
            // The actor is the endorser; the actor field shows them only to those who may see them.
            write.Audit(now, endorserId, "ENDORSE_SKILL", endorseeId, null, new { skillId });
            return write.Person(endorseeId);
        }, cancellationToken);

    public Task<Person> VerifySkillAsync(Guid personId, Guid skillId, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var person = write.PersonPk(personId, "personId");
            var skillPk = write.SkillPk(skillId, "skillId");
            if (write.Execute("UPDATE has_skill SET verified = 1 WHERE person_pk = $person AND skill_pk = $skill", ("$person", person), ("$skill", skillPk)) == 0)
            {
                throw new NotFoundException("skillId", "That person does not list this skill.");
            }

            write.TouchPerson(personId, now);
            write.Audit(now, actorId, "VERIFY_SKILL", personId, new { skillId, verified = false }, new { skillId, verified = true });
            return write.Person(personId);
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(Guid personId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pk, at, actor_id, action, subject_type, subject_id, before, after FROM audit_event WHERE subject_id = $id ORDER BY pk DESC LIMIT $limit";
        command.With("$id", Id(personId)).With("$limit", limit);
        var events = new List<AuditEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AuditEvent(reader.GetInt64(0), reader.GetTimestampOrNull(1)!.Value, reader.GetIdOrNull(2), reader.GetString(3), reader.GetString(4),
                reader.GetId(5), reader.GetTextOrNull(6), reader.GetTextOrNull(7)));
        }

        return events;
    }


    /// <summary>
    /// Runs one write: serialised in-process, one IMMEDIATE transaction, the change sequence bumped with it.
    /// An exception rolls everything back, so a refused request changes nothing.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<Write, T> body, CancellationToken cancellationToken) => WriteAsync(body, changesReadModels: true, cancellationToken);

    /// <summary>
    /// A write; what it changed for the read models (<see cref="Write.Changed"/>) is recorded in the change feed with
    /// the next change sequence, in the same transaction. One that changes nothing the read models hold (invitations,
    /// the outbox, a sign-in link) leaves the sequence alone, so no read model does anything for it.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<Write, T> body, bool changesReadModels, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction(deferred: false);
            var write = new Write(connection, transaction);
            var result = body(write);
            if (changesReadModels && write.HasChanges)
            {
                write.RecordChanges();
            }

            transaction.Commit();
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>The statements a write is made of, inside its transaction.</summary>
    private sealed partial class Write(SqliteConnection connection, SqliteTransaction transaction)
    {
        private readonly HashSet<(ChangeKind Kind, Guid Id)> changes = [];

        /// <summary>Whether this write changed anything a read model holds.</summary>
        public bool HasChanges => changes.Count > 0;

        /// <summary>Notes that this write changed something a read model holds (recorded in the change feed at commit).</summary>
        public void Changed(ChangeKind kind, Guid id) => changes.Add((kind, id));

        /// <summary>Bumps the change sequence and records this write's changes under it.</summary>
        public void RecordChanges()
        {
            Execute("UPDATE change_sequence SET value = value + 1 WHERE id = 1");
            using var insert = Command("INSERT INTO change_log (sequence, kind, id) VALUES ((SELECT value FROM change_sequence WHERE id = 1), $kind, $id)", []);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            foreach (var change in changes)
            {
                kind.Value = EnumText.Name(change.Kind);
                id.Value = Id(change.Id);
                insert.ExecuteNonQuery();
            }
        }

        public int Execute(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = Command(sql, parameters);
            return command.ExecuteNonQuery();
        }

        /// <summary>The first row, or null when there is none.</summary>
        public T? Single<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters) where T : class
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            return reader.Read() ? read(reader) : null;
        }

        /// <summary>The first row's value, or null when there is none (never a default 0 or empty id that looks like a row).</summary>
        public T? SingleValue<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters) where T : struct
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            return reader.Read() ? read(reader) : null;
        }

        public Person Person(Guid id) =>
            Single($"SELECT {PersonColumns} FROM person p WHERE p.id = $id", ReadPerson, ("$id", Id(id)))
            ?? throw new NotFoundException("id", "There is no such person.");

        public Person? PersonByExternalId(string externalId) =>
            Single($"SELECT {PersonColumns} FROM person p WHERE p.external_id = $externalId", ReadPerson, ("$externalId", externalId));

        public long PersonPk(Guid id, string field = "id") =>
            SingleValue("SELECT pk FROM person WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id)))
            ?? throw new NotFoundException(field, "There is no such person.");

        public long SkillPk(Guid id, string field) =>
            SingleValue("SELECT pk FROM skill WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id)))
            ?? throw new NotFoundException(field, "There is no such skill in the taxonomy.");

        public long ProjectPk(Guid id, string field) =>
            SingleValue("SELECT pk FROM project WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id)))
            ?? throw new NotFoundException(field, "There is no such project.");

        public long OrganisationPk(Guid id, string field) =>
            SingleValue("SELECT pk FROM organisation WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id)))
            ?? throw new NotFoundException(field, "There is no such organisation.");

        public Project Project(Guid id) =>
            Single($"SELECT {ProjectColumns} FROM project j WHERE j.id = $id", ReadProject, ("$id", Id(id)))
            ?? throw new NotFoundException("id", "There is no such project.");

        public void SetMethods(long project, IEnumerable<Guid> skills)
        {
            foreach (var skill in skills.Distinct())
            {
                Execute("INSERT INTO used_method (project_pk, skill_pk) VALUES ($project, $skill)", ("$project", project), ("$skill", SkillPk(skill, "methodSkillIds")));
            }
        }

        public bool EmailIsFree(string? email) =>
            email is null || SingleValue("SELECT 1 FROM person WHERE email = $email COLLATE NOCASE", r => r.GetInt64(0), ("$email", email)) is null;

        /// <summary>A change to a profile's skills is a change to the profile: new version, new timestamp.</summary>
        public void TouchPerson(Guid id, DateTimeOffset now)
        {
            Execute("UPDATE person SET version = version + 1, updated_at = $now WHERE id = $id", ("$now", Timestamp(now)), ("$id", Id(id)));
            Changed(ChangeKind.Person, id);
        }

        /// <summary>Keeps the person's full-text row in step with the profile and its skills, in the same transaction.</summary>
        public void RefreshText(Guid id)
        {
            Changed(ChangeKind.Person, id);
            var pk = PersonPk(id);
            Execute("DELETE FROM person_text WHERE rowid = $pk", ("$pk", pk));
            Execute("""
                INSERT INTO person_text (rowid, display_name, headline, bio, skills)
                SELECT p.pk, p.display_name, p.headline, p.bio,
                       coalesce((SELECT group_concat(s.name || coalesce(' ' || (SELECT group_concat(a.alias, ' ') FROM skill_alias a WHERE a.skill_pk = s.pk), ''), ' | ')
                                 FROM has_skill hs JOIN skill s ON s.pk = hs.skill_pk WHERE hs.person_pk = p.pk), '')
                FROM person p WHERE p.pk = $pk
                """, ("$pk", pk));
        }

        public void Audit(DateTimeOffset at, Guid? actor, string action, Guid subject, object? before, object? after, string subjectType = "Person") =>
            Execute("INSERT INTO audit_event (at, actor_id, action, subject_type, subject_id, before, after) VALUES ($at, $actor, $action, $subjectType, $subject, $before, $after)",
                ("$at", Timestamp(at)), ("$actor", actor is { } a ? Id(a) : null), ("$action", action), ("$subjectType", subjectType), ("$subject", Id(subject)),
                ("$before", before is null ? null : JsonSerializer.Serialize(before)), ("$after", after is null ? null : JsonSerializer.Serialize(after)));

        private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.With(name, value);
            }

            return command;
        }
    }
}
