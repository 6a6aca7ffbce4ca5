using System.Text.Json;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using Microsoft.Data.Sqlite;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>
/// The embedded adapter of the store port: one SQLite file in WAL mode. Reads run concurrently on
/// pooled connections; writes are serialised in-process and each is one IMMEDIATE transaction.
/// The rules a write obeys are not here: the adapter reads the facts, a store-independent rule (<c>ProfileRules</c>,
/// <c>SkillRules</c>, <c>ProjectRules</c>, <c>OrganisationRules</c>, <c>InvitationRules</c>) decides and names the error
/// and the audit event, and the adapter writes. This file holds the write transaction (<see cref="Write"/>); the partial
/// files, the same in both adapters, hold Reads, Search, Collaboration, ChangeFeed, SignIn (linking and creating a profile,
/// erasure records), Profiles (profile, skills, endorsements), Projects, Organisations, Invitations, Outbox, Audit, DataRights (export, delete, bulk people
/// import) and Import (a whole network).
/// </summary>
public sealed partial class SqliteExpertiseStore(SqliteConnectionFactory connections) : IExpertiseStore, IDisposable
{
    private readonly SemaphoreSlim writeGate = new(1, 1);

    public void Dispose() => writeGate.Dispose();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await SqliteMigrator.MigrateAsync(connection, cancellationToken);
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM change_sequence WHERE id = 1";
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        await ScalarLongAsync("SELECT (SELECT count(*) FROM integrated_care_system) + (SELECT count(*) FROM person)", cancellationToken) == 0;

    public Task<long> GetChangeSequenceAsync(CancellationToken cancellationToken) =>
        ScalarLongAsync("SELECT value FROM change_sequence WHERE id = 1", cancellationToken);

    private async Task<long> ScalarLongAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The visibility rule in SQL, over a person aliased <c>p</c>; binds $viewerMember, $viewerSelf, $viewerAdmin.</summary>
    private const string VisibleToViewer =
        "(p.visibility = 'PUBLIC' OR ($viewerMember = 1 AND p.visibility = 'NETWORK') OR p.id = $viewerSelf OR $viewerAdmin = 1)";

    private static SqliteCommand WithViewer(SqliteCommand command, Viewer viewer) => command
        .With("$viewerMember", viewer.IsMember ? 1 : 0)
        .With("$viewerSelf", viewer.PersonId is { } self ? SqliteValues.Id(self) : DBNull.Value)
        .With("$viewerAdmin", viewer.IsAdmin ? 1 : 0);

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
            ?? throw new NotFoundException("id", ErrorTexts.NoSuchPerson);

        public Person? PersonByExternalId(string externalId) =>
            Single($"SELECT {PersonColumns} FROM person p WHERE p.external_id = $externalId", ReadPerson, ("$externalId", externalId));

        public long PersonPk(Guid id, string field = "id") =>
            SingleValue("SELECT pk FROM person WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id)))
            ?? throw new NotFoundException(field, ErrorTexts.NoSuchPerson);

        public long SkillPk(Guid id, string field) =>
            SingleValue("SELECT pk FROM skill WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id)))
            ?? throw new NotFoundException(field, ErrorTexts.NoSuchSkill);

        public long ProjectPk(Guid id, string field) =>
            SingleValue("SELECT pk FROM project WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id)))
            ?? throw new NotFoundException(field, ErrorTexts.NoSuchProject);

        public long OrganisationPk(Guid id, string field) =>
            SingleValue("SELECT pk FROM organisation WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id)))
            ?? throw new NotFoundException(field, ErrorTexts.NoSuchOrganisation);

        public Project Project(Guid id) =>
            Single($"SELECT {ProjectColumns} FROM project j WHERE j.id = $id", ReadProject, ("$id", Id(id)))
            ?? throw new NotFoundException("id", ErrorTexts.NoSuchProject);

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

        /// <summary>Records the audit event a rule decided, in this write's transaction.</summary>
        public void Audit(DateTimeOffset at, Guid? actor, AuditEntry entry) =>
            Execute("INSERT INTO audit_event (at, actor_id, action, subject_type, subject_id, before, after) VALUES ($at, $actor, $action, $subjectType, $subject, $before, $after)",
                ("$at", Timestamp(at)), ("$actor", actor is { } a ? Id(a) : null), ("$action", entry.Action), ("$subjectType", entry.SubjectType), ("$subject", Id(entry.Subject)),
                ("$before", entry.Before is null ? null : JsonSerializer.Serialize(entry.Before)), ("$after", entry.After is null ? null : JsonSerializer.Serialize(entry.After)));

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
