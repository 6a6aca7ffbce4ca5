using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

public sealed partial class Neo4jExpertiseStore
{
    public Task<Person> LinkIdentityAsync(Guid personId, string externalId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var person = await write.PersonAsync(personId);
            if (person.ExternalId is null)
            {
                await write.RunAsync("link-identity", ("id", Id(personId)), ("externalId", externalId), ("now", Timestamp(now)));
                await write.AuditAsync(now, personId, "LINK_IDENTITY", personId, null, new { linkedBy = "local issuer" });
            }

            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> UpdateProfileAsync(Guid personId, ProfileChanges changes, long? expectedVersion, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var before = await write.PersonAsync(personId);
            if (expectedVersion is { } expected && expected != before.Version)
            {
                throw new VersionConflictException(before.Version);
            }

            var email = changes.Email.Or(before.Email);
            if (changes.Email.IsSet && email is not null && !string.Equals(email, before.Email, StringComparison.OrdinalIgnoreCase) && !await write.EmailIsFreeAsync(email))
            {
                throw new DuplicateException("email", "That email address belongs to another profile.");
            }

            var after = changes.ApplyTo(before);
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
            var (was, becomes) = ProfileAudit.Changed(before, after);
            await write.AuditAsync(now, actorId, "UPDATE_PROFILE", personId, was, becomes);
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> ConfirmProfileAsync(Guid personId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var before = await write.PersonAsync(personId);
            write.VersionWritten(personId, await write.FirstAsync("confirm-profile", ("id", Id(personId)), ("now", Timestamp(now))));
            write.Changed(ChangeKind.Person, personId);
            await write.AuditAsync(now, actorId, "CONFIRM_PROFILE", personId, new { before.LastConfirmedAt }, new { LastConfirmedAt = now });
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> SetSkillAsync(Guid personId, SkillClaim claim, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId);
            await write.RequireSkillsAsync([claim.SkillId], "skillId");
            var held = await write.FirstAsync("get-holding", ("personId", Id(personId)), ("skillId", Id(claim.SkillId)));
            var before = held is { } h
                ? new { Level = EnumText.Name((SkillLevel)h.Int("level")), Evidence = h.TextOrNull("evidence"), Years = h.IntOrNull("years"), Verified = h.Bool("verified") }
                : null;
            var evidence = Name(claim.Evidence);
            // A verified claim stays verified only while the claim itself is unchanged.
            var keepsVerification = before is { Verified: true } && before.Level == EnumText.Name(claim.Level) && before.Evidence == evidence && before.Years == claim.Years;
            await write.RunAsync("set-skill", ("personId", Id(personId)), ("skillId", Id(claim.SkillId)), ("level", (int)claim.Level), ("evidence", evidence),
                ("years", claim.Years), ("verified", keepsVerification), ("since", Date(DateOnly.FromDateTime(now.UtcDateTime))));
            await write.TouchPersonAsync(personId, now);
            await write.RefreshTextAsync(personId);
            await write.AuditAsync(now, actorId, "SET_SKILL", personId, before is null ? null : new { skillId = claim.SkillId, before },
                new { skillId = claim.SkillId, level = EnumText.Name(claim.Level), evidence, years = claim.Years, verified = keepsVerification });
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> RemoveSkillAsync(Guid personId, Guid skillId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId);
            await write.RequireSkillsAsync([skillId], "skillId");
            // Endorsements were of the claim; without the claim they go too (the statement removes both).
            if ((await write.FirstAsync("remove-skill", ("personId", Id(personId)), ("skillId", Id(skillId))))?.Long("removed") is not > 0)
            {
                throw new NotFoundException("skillId", "Your profile does not list that skill.");
            }

            await write.TouchPersonAsync(personId, now);
            await write.RefreshTextAsync(personId);
            await write.AuditAsync(now, actorId, "REMOVE_SKILL", personId, new { skillId }, null);
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> EndorseSkillAsync(Guid endorserId, Guid endorseeId, Guid skillId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            if (endorserId == endorseeId)
            {
                throw new RuleViolationException("personId", "You cannot endorse your own skills.");
            }

            await write.PersonAsync(endorserId);
            await write.PersonAsync(endorseeId, "personId");
            await write.RequireSkillsAsync([skillId], "skillId");
            if (await write.FirstAsync("get-holding", ("personId", Id(endorseeId)), ("skillId", Id(skillId))) is null)
            {
                throw new RuleViolationException("skillId", "That person does not list this skill, so it cannot be endorsed.");
            }

            if ((await write.FirstAsync("endorse-skill", ("endorserId", Id(endorserId)), ("endorseeId", Id(endorseeId)), ("skillId", Id(skillId)), ("at", Timestamp(now))))?.Long("created") is not > 0)
            {
                throw new DuplicateException("skillId", "You have already endorsed this skill of this person.");
            }

            write.Changed(ChangeKind.Person, endorseeId);
            await write.AuditAsync(now, endorserId, "ENDORSE_SKILL", endorseeId, null, new { skillId });
            return await write.PersonAsync(endorseeId);
        }, cancellationToken);

    public Task<Person> VerifySkillAsync(Guid personId, Guid skillId, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId, "personId");
            await write.RequireSkillsAsync([skillId], "skillId");
            if ((await write.FirstAsync("verify-skill", ("personId", Id(personId)), ("skillId", Id(skillId))))?.Long("verified") is not > 0)
            {
                throw new NotFoundException("skillId", "That person does not list this skill.");
            }

            await write.TouchPersonAsync(personId, now);
            await write.AuditAsync(now, actorId, "VERIFY_SKILL", personId, new { skillId, verified = false }, new { skillId, verified = true });
            return await write.PersonAsync(personId);
        }, cancellationToken);

}
