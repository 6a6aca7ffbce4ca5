using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Profiles;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's profile writes: the sign-in id lookup and the token verb's link, the profile itself, skills, endorsements and verification.</summary>
public sealed partial class Neo4jExpertiseStore
{
    public async Task<Guid?> FindPersonIdByExternalIdAsync(string externalId, CancellationToken cancellationToken) =>
        Neo4jRecord.First(await ReadAsync("get-person-by-external-id", cancellationToken, ("externalId", externalId)))?.Map("person").Id("id");

    public Task<Person> LinkIdentityAsync(Guid personId, string externalId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var person = await write.PersonAsync(personId);
            if (person.ExternalId is null)
            {
                await write.RunAsync("link-identity", ("id", Id(personId)), ("externalId", externalId), ("now", Timestamp(now)));
                await write.AuditAsync(now, personId, ProfileRules.LinkedByLocalIssuer(personId));
            }

            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> UpdateProfileAsync(Guid personId, ProfileChanges changes, long? expectedVersion, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var before = await write.PersonAsync(personId);
            var (after, audit) = ProfileRules.Update(before, changes, expectedVersion, emailTaken: !await write.EmailIsFreeAsync(ProfileRules.EmailToCheck(before, changes)));
            var availability = after.Availability;
            var fields = new Dictionary<string, object?>
            {
                ["displayName"] = after.DisplayName, ["headline"] = after.Headline, ["bio"] = after.Bio, ["orcid"] = after.Orcid, ["email"] = after.Email,
                ["visibility"] = EnumText.Name(after.Visibility), ["availabilityStatus"] = EnumText.Name(availability.Status),
                ["hoursPerMonth"] = availability.HoursPerMonth, ["openToCrossOrganisation"] = availability.OpenToCrossOrganisation,
                ["availabilityTerms"] = availability.Terms,
            };
            // The writing statement checks the version again itself (no row back means the profile moved on), and the
            // version it reports is checked here too: the next one after the version read above, or the write is refused.
            write.VersionWritten(personId, await write.FirstAsync("update-profile", ("id", Id(personId)), ("expectedVersion", expectedVersion), ("fields", fields), ("now", Timestamp(now))));

            write.Changed(ChangeKind.Person, personId);
            await write.AuditAsync(now, actorId, audit);
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> ConfirmProfileAsync(Guid personId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var before = await write.PersonAsync(personId);
            write.VersionWritten(personId, await write.FirstAsync("confirm-profile", ("id", Id(personId)), ("now", Timestamp(now))));
            write.Changed(ChangeKind.Person, personId);
            await write.AuditAsync(now, actorId, ProfileRules.Confirmed(before, now));
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> SetSkillAsync(Guid personId, SkillClaim claim, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId);
            await write.RequireSkillsAsync([claim.SkillId], "skillId");
            var held = await write.FirstAsync("get-holding", ("personId", Id(personId)), ("skillId", Id(claim.SkillId)));
            var before = held is { } h ? new SkillHolding((SkillLevel)h.Int("level"), h.TextOrNull("evidence"), h.IntOrNull("years"), h.Bool("verified")) : null;
            var (verified, audit) = SkillRules.Set(personId, claim, before);
            await write.RunAsync("set-skill", ("personId", Id(personId)), ("skillId", Id(claim.SkillId)), ("level", (int)claim.Level), ("evidence", Name(claim.Evidence)),
                ("years", claim.Years), ("verified", verified), ("since", Date(DateOnly.FromDateTime(now.UtcDateTime))));
            await write.TouchPersonAsync(personId, now);
            await write.RefreshTextAsync(personId);
            await write.AuditAsync(now, actorId, audit);
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> RemoveSkillAsync(Guid personId, Guid skillId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId);
            await write.RequireSkillsAsync([skillId], "skillId");
            // Endorsements were of the claim; without the claim they go too (the statement removes both).
            var audit = SkillRules.Remove(personId, skillId, listed: (await write.FirstAsync("remove-skill", ("personId", Id(personId)), ("skillId", Id(skillId))))?.Long("removed") > 0);
            await write.TouchPersonAsync(personId, now);
            await write.RefreshTextAsync(personId);
            await write.AuditAsync(now, actorId, audit);
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> EndorseSkillAsync(Guid endorserId, Guid endorseeId, Guid skillId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            SkillRules.CheckEndorser(endorserId, endorseeId);
            await write.PersonAsync(endorserId);
            await write.PersonAsync(endorseeId, "personId");
            await write.RequireSkillsAsync([skillId], "skillId");
            SkillRules.CheckEndorsee(await write.FirstAsync("get-holding", ("personId", Id(endorseeId)), ("skillId", Id(skillId))) is not null);
            var created = (await write.FirstAsync("endorse-skill", ("endorserId", Id(endorserId)), ("endorseeId", Id(endorseeId)), ("skillId", Id(skillId)), ("at", Timestamp(now))))?.Long("created") > 0;
            var audit = SkillRules.Endorse(endorseeId, skillId, created);
            write.Changed(ChangeKind.Person, endorseeId);
            await write.AuditAsync(now, endorserId, audit);
            return await write.PersonAsync(endorseeId);
        }, cancellationToken);

    public Task<Person> VerifySkillAsync(Guid personId, Guid skillId, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId, "personId");
            await write.RequireSkillsAsync([skillId], "skillId");
            var audit = SkillRules.Verify(personId, skillId, listed: (await write.FirstAsync("verify-skill", ("personId", Id(personId)), ("skillId", Id(skillId))))?.Long("verified") > 0);
            await write.TouchPersonAsync(personId, now);
            await write.AuditAsync(now, actorId, audit);
            return await write.PersonAsync(personId);
        }, cancellationToken);

}
