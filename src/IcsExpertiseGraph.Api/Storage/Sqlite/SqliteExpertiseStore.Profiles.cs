using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Profiles;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's profile writes: the sign-in id lookup and the token verb's link, the profile itself, skills, endorsements and verification.</summary>
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
                write.Audit(now, personId, ProfileRules.LinkedByLocalIssuer(personId));
            }

            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> UpdateProfileAsync(Guid personId, ProfileChanges changes, long? expectedVersion, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var before = write.Person(personId);
            var (after, audit) = ProfileRules.Update(before, changes, expectedVersion, emailTaken: !write.EmailIsFree(ProfileRules.EmailToCheck(before, changes)));
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
            write.Audit(now, actorId, audit);
            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> ConfirmProfileAsync(Guid personId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var before = write.Person(personId);
            write.Execute("UPDATE person SET last_confirmed_at = $now, version = version + 1, updated_at = $now WHERE id = $id", ("$now", Timestamp(now)), ("$id", Id(personId)));
            write.Changed(ChangeKind.Person, personId);
            write.Audit(now, actorId, ProfileRules.Confirmed(before, now));
            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> SetSkillAsync(Guid personId, SkillClaim claim, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            write.Person(personId);
            var skillPk = write.SkillPk(claim.SkillId, "skillId");
            var before = write.Single("SELECT level, evidence, years, verified FROM has_skill WHERE person_pk = $person AND skill_pk = $skill",
                r => new SkillHolding((SkillLevel)r.GetInt32(0), r.GetTextOrNull(1), r.GetIntOrNull(2), r.GetInt64(3) == 1),
                ("$person", write.PersonPk(personId)), ("$skill", skillPk));
            var (verified, audit) = SkillRules.Set(personId, claim, before);
            write.Execute("""
                INSERT INTO has_skill (person_pk, skill_pk, level, evidence, years, verified, since) VALUES ($person, $skill, $level, $evidence, $years, $verified, $since)
                ON CONFLICT (person_pk, skill_pk) DO UPDATE SET level = excluded.level, evidence = excluded.evidence, years = excluded.years, verified = excluded.verified
                """,
                ("$person", write.PersonPk(personId)), ("$skill", skillPk), ("$level", (int)claim.Level), ("$evidence", Text(claim.Evidence is { } e ? EnumText.Name(e) : null)),
                ("$years", Int(claim.Years)), ("$verified", verified ? 1 : 0), ("$since", Date(DateOnly.FromDateTime(now.UtcDateTime))));
            write.TouchPerson(personId, now);
            write.RefreshText(personId);
            write.Audit(now, actorId, audit);
            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> RemoveSkillAsync(Guid personId, Guid skillId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            write.Person(personId);
            var skillPk = write.SkillPk(skillId, "skillId");
            var removed = write.Execute("DELETE FROM has_skill WHERE person_pk = $person AND skill_pk = $skill", ("$person", write.PersonPk(personId)), ("$skill", skillPk));
            var audit = SkillRules.Remove(personId, skillId, listed: removed > 0);

            // Endorsements were of the claim; without the claim they go too.
            write.Execute("DELETE FROM endorsed WHERE endorsee_pk = $person AND skill_pk = $skill", ("$person", write.PersonPk(personId)), ("$skill", skillPk));
            write.TouchPerson(personId, now);
            write.RefreshText(personId);
            write.Audit(now, actorId, audit);
            return write.Person(personId);
        }, cancellationToken);

    public Task<Person> EndorseSkillAsync(Guid endorserId, Guid endorseeId, Guid skillId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            SkillRules.CheckEndorser(endorserId, endorseeId);
            var endorser = write.PersonPk(endorserId);
            var endorsee = write.PersonPk(endorseeId, "personId");
            var skillPk = write.SkillPk(skillId, "skillId");
            SkillRules.CheckEndorsee(write.SingleValue("SELECT 1 FROM has_skill WHERE person_pk = $person AND skill_pk = $skill", r => r.GetInt64(0),
                ("$person", endorsee), ("$skill", skillPk)) is not null);
            var created = write.Execute("INSERT OR IGNORE INTO endorsed (endorser_pk, endorsee_pk, skill_pk, at) VALUES ($endorser, $endorsee, $skill, $at)",
                ("$endorser", endorser), ("$endorsee", endorsee), ("$skill", skillPk), ("$at", Timestamp(now))) > 0;
            var audit = SkillRules.Endorse(endorseeId, skillId, created);
            write.Changed(ChangeKind.Person, endorseeId);
            write.Audit(now, endorserId, audit);
            return write.Person(endorseeId);
        }, cancellationToken);

    public Task<Person> VerifySkillAsync(Guid personId, Guid skillId, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var person = write.PersonPk(personId, "personId");
            var skillPk = write.SkillPk(skillId, "skillId");
            var audit = SkillRules.Verify(personId, skillId,
                listed: write.Execute("UPDATE has_skill SET verified = 1 WHERE person_pk = $person AND skill_pk = $skill", ("$person", person), ("$skill", skillPk)) > 0);
            write.TouchPerson(personId, now);
            write.Audit(now, actorId, audit);
            return write.Person(personId);
        }, cancellationToken);
}
