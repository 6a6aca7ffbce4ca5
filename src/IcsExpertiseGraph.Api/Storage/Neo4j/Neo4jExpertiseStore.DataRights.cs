using System.Text.Json;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

public sealed partial class Neo4jExpertiseStore
{
    /// <summary>Rows per request of a bulk people import: large enough to keep round trips few, small enough for modest heaps.</summary>
    private const int PeopleImportBatch = 2_000;

    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<string> ExportPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var admin = new Viewer(null, true, true);
        var person = (await GetPeopleAsync([personId], admin, cancellationToken)).GetValueOrDefault(personId)
            ?? throw new NotFoundException("id", "There is no such person.");
        var skills = (await GetSkillsOfPeopleAsync([personId], cancellationToken)).GetValueOrDefault(personId) ?? [];
        var employments = (await GetEmploymentsOfPeopleAsync([personId], cancellationToken)).GetValueOrDefault(personId) ?? [];
        var contributions = (await GetContributionsOfPeopleAsync([personId], cancellationToken)).GetValueOrDefault(personId) ?? [];
        var organisations = await GetOrganisationsAsync([.. employments.Select(e => e.OrganisationId)], cancellationToken);
        var projects = await GetProjectsAsync([.. contributions.Select(c => c.ProjectId)], cancellationToken);
        var skillNames = (await GetAllSkillsAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var endorsements = Neo4jRecord.All(await ReadAsync("get-endorsements-of-person", cancellationToken, ("id", Id(personId))))
            .Select(r => new
            {
                direction = r.Text("direction"), otherPerson = r.TextOrNull("otherPerson") ?? "a member whose profile is private",
                skill = r.IdOrNull("skillId") is { } skill ? skillNames.GetValueOrDefault(skill) : null, at = r.Timestamp("at"),
            }).ToList();
        var trail = await GetAuditTrailAsync(personId, int.MaxValue, cancellationToken);
        var invitations = Invitations.InvitationExport.Of(
            await GetInvitationsOfPersonAsync(personId, InvitationSide.Received, int.MaxValue, cancellationToken),
            await GetInvitationsOfPersonAsync(personId, InvitationSide.Sent, int.MaxValue, cancellationToken),
            await GetNotificationsAsync(personId, int.MaxValue, cancellationToken));
        return JsonSerializer.Serialize(new
        {
            exportedAt = DateTimeOffset.UtcNow,
            person = new
            {
                id = person.Id, person.DisplayName, person.Headline, person.Bio, person.Email, person.Orcid, visibility = EnumText.Name(person.Visibility),
                availability = new { status = EnumText.Name(person.Availability.Status), person.Availability.HoursPerMonth, person.Availability.OpenToCrossOrganisation, person.Availability.Terms },
                person.LastConfirmedAt, signInLinked = person.ExternalId is not null, person.Version, person.CreatedAt, person.UpdatedAt,
            },
            skills = skills.Select(s => new { skill = skillNames.GetValueOrDefault(s.SkillId), level = EnumText.Name(s.Level), evidence = Name(s.Evidence), s.Years, s.Verified, s.Since }),
            employments = employments.Select(e => new { organisation = organisations.GetValueOrDefault(e.OrganisationId)?.Name, e.Role, e.Since, e.Until, e.Primary }),
            contributions = contributions.Select(c => new { project = projects.GetValueOrDefault(c.ProjectId)?.Title, role = EnumText.Name(c.Role), c.From, c.To }),
            endorsements,
            invitations,
            auditTrail = trail.Select(a => new { a.At, a.Action, a.Before, a.After }),
        }, ExportJson);
    }

    public Task DeletePersonAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId);
            if ((await write.FirstAsync("count-contributions", ("id", Id(personId))))?.Long("contributions") > 0)
            {
                // Projects keep their history: the contributions move to an anonymous, hidden former member.
                var former = Guid.CreateVersion7(now);
                await write.RunAsync("create-former-member", ("id", Id(former)), ("now", Timestamp(now)));
                await write.RunAsync("move-contributions", ("id", Id(personId)), ("formerId", Id(former)));
            }

            await write.RunAsync("delete-invitations-of-person", ("id", Id(personId)));
            await write.RunAsync("delete-person", ("id", Id(personId)));
            // The trail keeps that changes happened, not what they said or who the person was.
            await write.RunAsync("scrub-audit-trail", ("id", Id(personId)));
            await write.AuditAsync(now, null, "DELETE_PROFILE", personId, null, null);
            return 0;
        }, cancellationToken);

    public Task<ImportSummary> ImportPeopleAsync(IReadOnlyList<PersonImport> people, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            // Unknown organisations refuse the whole import before anything is written, naming the first row at fault.
            var codes = people.Select(p => p.OrganisationOdsCode?.ToUpperInvariant()).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            var known = Neo4jRecord.All(await write.RunAsync("find-organisations-by-ods-codes", ("odsCodes", codes))).Select(r => r.Text("odsCode")).ToHashSet(StringComparer.OrdinalIgnoreCase);
            for (var row = 0; row < people.Count; row++)
            {
                if (people[row].OrganisationOdsCode is { } code && !known.Contains(code))
                {
                    throw new RuleViolationException($"rows[{row}].organisationOdsCode", $"Row {row + 1}: no organisation has ODS code {code}.");
                }
            }

            int created = 0, updated = 0, unchanged = 0;
            foreach (var batch in Batches(people))
            {
                var rows = batch.Select(r => new Dictionary<string, object?>
                {
                    ["index"] = r.Index, ["id"] = Id(Guid.CreateVersion7(now)), ["email"] = r.Row.Email, ["displayName"] = r.Row.DisplayName,
                    ["headline"] = r.Row.Headline, ["bio"] = r.Row.Bio, ["visibility"] = EnumText.Name(r.Row.Visibility ?? Visibility.Network),
                    ["odsCode"] = r.Row.OrganisationOdsCode, ["role"] = r.Row.Role,
                }).ToList();
                var outcomes = Neo4jRecord.All(await write.RunAsync("import-people", ("rows", rows), ("now", Timestamp(now)), ("today", Date(DateOnly.FromDateTime(now.UtcDateTime)))))
                    .Select(r => (Index: r.Int("index"), Id: r.Id("id"), Outcome: r.Text("outcome"))).ToList();
                var events = new List<Dictionary<string, object?>>();
                foreach (var (index, id, outcome) in outcomes)
                {
                    if (outcome == "UNCHANGED")
                    {
                        unchanged++;
                        continue;
                    }

                    // No skill text to refresh: names, headlines and bios are indexed as they are.
                    _ = outcome == "CREATED" ? created++ : updated++;
                    events.Add(Neo4jWork.Event(now, actorId, outcome == "CREATED" ? "IMPORT_CREATE" : "IMPORT_UPDATE", id, null,
                        new { people[index].DisplayName, organisation = people[index].OrganisationOdsCode }));
                }

                await write.AuditAsync(events);
            }

            return new ImportSummary(created, updated, unchanged);
        }, cancellationToken);

    /// <summary>
    /// Rows in order, cut into batches; an email seen earlier in the batch starts a new one, because one statement
    /// matches every row against the store as it was before the statement (a second row must see the first's person).
    /// </summary>
    private static IEnumerable<List<(int Index, PersonImport Row)>> Batches(IReadOnlyList<PersonImport> people)
    {
        var batch = new List<(int, PersonImport)>();
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < people.Count; i++)
        {
            if (batch.Count == PeopleImportBatch || !emails.Add(people[i].Email))
            {
                yield return batch;
                batch = [];
                emails.Clear();
                emails.Add(people[i].Email);
            }

            batch.Add((i, people[i]));
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
