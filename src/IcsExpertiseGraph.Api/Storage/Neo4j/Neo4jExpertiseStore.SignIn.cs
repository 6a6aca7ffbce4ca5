using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Projects;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's sign-in writes: linking a sign-in to its profile, explicit creation, the record that keeps an erasure final, and the record of
/// who signs in as a network manager (so requests on projects without a lead reach them).</summary>
public sealed partial class Neo4jExpertiseStore
{
    public Task<Person?> LinkProfileAsync(SignedInIdentity identity, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync<Person?>(async write =>
        {
            if (await write.FirstAsync("get-person-by-external-id", ("externalId", identity.ExternalId)) is { } linked)
            {
                return Neo4jMapping.Person(linked.Map("person"));
            }

            if (!identity.EmailVerified || identity.Email is not { } email
                || await write.FirstAsync("find-person-by-email", ("email", email)) is not { } holder || holder.Bool("linked"))
            {
                return null;
            }

            var unlinked = holder.Id("id");
            await write.RunAsync("link-identity", ("id", Id(unlinked)), ("externalId", identity.ExternalId), ("now", Timestamp(now)));
            await write.AuditAsync(now, unlinked, ProfileRules.LinkedByEmail(unlinked));
            return await write.PersonAsync(unlinked);
        }, cancellationToken);

    public Task<Person> CreateProfileAsync(SignedInIdentity identity, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            if (await write.FirstAsync("get-person-by-external-id", ("externalId", identity.ExternalId)) is not null)
            {
                throw ProfileRules.AlreadyHasProfile();
            }

            var id = Guid.CreateVersion7(now);
            var name = ProfileStart.DisplayName(identity);
            var freeEmail = identity.EmailVerified && await write.EmailIsFreeAsync(identity.Email) ? identity.Email : null;
            await write.RunAsync("create-member-profile", ("id", Id(id)), ("displayName", name), ("email", freeEmail),
                ("externalId", identity.ExternalId), ("now", Timestamp(now)));
            write.Changed(ChangeKind.Person, id);
            await write.AuditAsync(now, id, ProfileRules.Created(id, name));
            return await write.PersonAsync(id);
        }, cancellationToken);

    public async Task<DateTimeOffset?> GetErasureAsync(string externalId, CancellationToken cancellationToken) =>
        Neo4jRecord.First(await ReadAsync("get-erasure", cancellationToken, ("identityHash", ErasedSignIn.HashOf(externalId))))?.TimestampOrNull("erasedAt");

    /// <summary>In the erasure's own transaction: remembers (hashed) the sign-in linked to the profile, if any.</summary>
    private static async Task RecordErasureAsync(Neo4jWork write, Person erased, DateTimeOffset now)
    {
        if (erased.ExternalId is { } externalId)
        {
            await write.RunAsync("record-erasure", ("identityHash", ErasedSignIn.HashOf(externalId)), ("erasedAt", Timestamp(now)));
        }
    }

    public async Task RecordManagerRoleAsync(Viewer signedIn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        // Nearly every sign-in's role is as recorded: a read, and the write lock (shared by every instance) only for a change.
        if (signedIn.PersonId is not { } id
            || ProjectRules.RecordRole(signedIn, ManagerRecord(id, Neo4jRecord.First(await ReadAsync("get-manager-record", cancellationToken, ("personId", Id(id)))))) is null)
        {
            return;
        }

        await SideWriteAsync(async write =>
        {
            if (await write.FirstAsync("get-manager-record", ("personId", Id(id))) is not { } row
                || ProjectRules.RecordRole(signedIn, ManagerRecord(id, row)) is not { } audit)
            {
                return false;
            }

            if (ProjectRules.ManagerRecordOf(signedIn) is { } manager)
            {
                await write.RunAsync("record-network-manager", ("personId", Id(id)), ("admin", manager.IsAdmin), ("now", Timestamp(now)));
            }
            else
            {
                await write.RunAsync("drop-network-manager", ("personId", Id(id)));
            }

            await write.AuditAsync(now, id, audit);
            return true;
        }, cancellationToken);
    }

    /// <summary>What get-manager-record says: the person's record as a network manager, if any (none for no such person).</summary>
    private static RecordedManager? ManagerRecord(Guid id, Neo4jRecord? row) =>
        row is { } found && found.Bool("manager") ? new RecordedManager(id, found.Bool("admin")) : null;
}
