using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Projects;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's sign-in writes: linking a sign-in to its profile, explicit creation, the record that keeps an erasure final, and the record of
/// who signs in as a network manager (so requests on projects without a lead reach them).</summary>
public sealed partial class SqliteExpertiseStore
{
    public Task<Person?> LinkProfileAsync(SignedInIdentity identity, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            if (write.PersonByExternalId(identity.ExternalId) is { } linked)
            {
                return linked;
            }

            if (!identity.EmailVerified || identity.Email is not { } email
                || write.SingleValue("SELECT id FROM person WHERE email = $email COLLATE NOCASE AND external_id IS NULL", r => r.GetId(0), ("$email", email)) is not { } unlinked)
            {
                return null;
            }

            write.Execute("UPDATE person SET external_id = $externalId, updated_at = $now WHERE id = $id",
                ("$externalId", identity.ExternalId), ("$now", Timestamp(now)), ("$id", Id(unlinked)));
            write.Audit(now, unlinked, ProfileRules.LinkedByEmail(unlinked));
            return write.Person(unlinked);
        }, cancellationToken);

    public Task<Person> CreateProfileAsync(SignedInIdentity identity, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            if (write.PersonByExternalId(identity.ExternalId) is not null)
            {
                throw ProfileRules.AlreadyHasProfile();
            }

            var id = Guid.CreateVersion7(now);
            var name = ProfileStart.DisplayName(identity);
            write.Execute("""
                INSERT INTO person (id, display_name, email, visibility, availability_status, open_to_cross_organisation, external_id, version, created_at, updated_at)
                VALUES ($id, $name, $email, 'PRIVATE', 'NOT_AVAILABLE', 0, $externalId, 1, $now, $now)
                """,
                ("$id", Id(id)), ("$name", name), ("$email", identity.EmailVerified && write.EmailIsFree(identity.Email) ? identity.Email : null),
                ("$externalId", identity.ExternalId), ("$now", Timestamp(now)));
            write.RefreshText(id);
            write.Audit(now, id, ProfileRules.Created(id, name));
            return write.Person(id);
        }, cancellationToken);

    public async Task<DateTimeOffset?> GetErasureAsync(string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT erased_at FROM erased_identity WHERE identity_hash = $hash";
        command.With("$hash", ErasedSignIn.HashOf(externalId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetTimestampOrNull(0) : null;
    }

    /// <summary>In the erasure's own transaction, before the person row goes: remembers (hashed) the sign-in linked to it, if any.</summary>
    private static void RecordErasure(Write write, Guid personId, DateTimeOffset now)
    {
        if (write.Person(personId).ExternalId is { } externalId)
        {
            write.Execute("""
                INSERT INTO erased_identity (identity_hash, erased_at) VALUES ($hash, $now)
                ON CONFLICT (identity_hash) DO UPDATE SET erased_at = excluded.erased_at
                """, ("$hash", ErasedSignIn.HashOf(externalId)), ("$now", Timestamp(now)));
        }
    }

    /// <summary>The person's record as a network manager, if any: read first outside a write, then again inside one.</summary>
    private const string ManagerRecordOfPerson = "SELECT m.admin FROM network_manager m JOIN person p ON p.pk = m.person_pk WHERE p.id = $id";

    public async Task RecordManagerRoleAsync(Viewer signedIn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        if (signedIn.PersonId is not { } id)
        {
            return;
        }

        // Nearly every sign-in's role is as recorded: a read, and no write lock taken for it.
        var known = await ListAsync(ManagerRecordOfPerson, r => new RecordedManager(id, r.GetInt64(0) == 1), cancellationToken, ("$id", Id(id)));
        if (ProjectRules.RecordRole(signedIn, known.SingleOrDefault()) is null)
        {
            return;
        }

        await WriteAsync(write =>
        {
            if (write.SingleValue("SELECT pk FROM person WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id))) is not { } pk
                || ProjectRules.RecordRole(signedIn, write.Single(ManagerRecordOfPerson, r => new RecordedManager(id, r.GetInt64(0) == 1), ("$id", Id(id)))) is not { } audit)
            {
                return false;
            }

            if (ProjectRules.ManagerRecordOf(signedIn) is { } manager)
            {
                write.Execute("""
                    INSERT INTO network_manager (person_pk, admin, recorded_at) VALUES ($pk, $admin, $now)
                    ON CONFLICT (person_pk) DO UPDATE SET admin = excluded.admin, recorded_at = excluded.recorded_at
                    """, ("$pk", pk), ("$admin", manager.IsAdmin ? 1 : 0), ("$now", Timestamp(now)));
            }
            else
            {
                write.Execute("DELETE FROM network_manager WHERE person_pk = $pk", ("$pk", pk));
            }

            write.Audit(now, id, audit);
            return true;
        }, changesReadModels: false, cancellationToken);
    }
}
