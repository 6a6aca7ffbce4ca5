using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>A sign-in and its profile: linking, explicit creation, and the record that keeps an erasure final.</summary>
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
            await write.AuditAsync(now, unlinked, "LINK_IDENTITY", unlinked, null, new { linkedBy = "verified email" });
            return await write.PersonAsync(unlinked);
        }, cancellationToken);

    public Task<Person> CreateProfileAsync(SignedInIdentity identity, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            if (await write.FirstAsync("get-person-by-external-id", ("externalId", identity.ExternalId)) is not null)
            {
                throw new DuplicateException("me", "Your sign-in already has a profile.");
            }

            var id = Guid.CreateVersion7(now);
            var name = ProfileStart.DisplayName(identity);
            var freeEmail = identity.EmailVerified && await write.EmailIsFreeAsync(identity.Email) ? identity.Email : null;
            await write.RunAsync("create-member-profile", ("id", Id(id)), ("displayName", name), ("email", freeEmail),
                ("externalId", identity.ExternalId), ("now", Timestamp(now)));
            write.Changed(ChangeKind.Person, id);
            await write.AuditAsync(now, id, "CREATE_PROFILE", id, null, new { displayName = name, visibility = "PRIVATE" });
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
}
