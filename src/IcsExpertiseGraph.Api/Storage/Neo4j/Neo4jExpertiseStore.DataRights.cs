using System.Text.Json;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

public sealed partial class Neo4jExpertiseStore
{
    /// <summary>Rows per request of a bulk people import: large enough to keep round trips few, small enough for modest heaps.</summary>
    private const int PeopleImportBatch = 2_000;

    public async Task<string> ExportPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var endorsements = Neo4jRecord.All(await ReadAsync("get-endorsements-of-person", cancellationToken, ("id", Id(personId))))
            .Select(r => new ExportedEndorsement(r.Text("direction"), r.TextOrNull("otherPerson"), r.Id("skillId"), r.Timestamp("at"))).ToList();
        return await PersonExport.WriteAsync(this, personId, endorsements, cancellationToken);
    }

    public Task DeletePersonAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await RecordErasureAsync(write, await write.PersonAsync(personId), now);
            write.Changed(ChangeKind.PersonRemoved, personId);
            Guid? former = null;
            if ((await write.FirstAsync("count-contributions", ("id", Id(personId))))?.Long("contributions") > 0)
            {
                // Projects keep their history: the contributions move to an anonymous, hidden former member.
                former = Guid.CreateVersion7(now);
                await write.RunAsync("create-former-member", ("id", Id(former)), ("now", Timestamp(now)));
                await write.RunAsync("move-contributions", ("id", Id(personId)), ("formerId", Id(former)));
            }

            await write.RunAsync("delete-invitations-of-person", ("id", Id(personId)));
            // Endorsements the person gave go with them: the people they endorsed change too.
            foreach (var endorsee in (await write.FirstAsync("delete-person", ("id", Id(personId))))?.List("endorsed") ?? [])
            {
                write.Changed(ChangeKind.Person, Guid.Parse(endorsee.GetString()!));
            }

            if (former is { } holder)
            {
                write.Changed(ChangeKind.Person, holder);
            }

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
                    write.Changed(ChangeKind.Person, id);
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
