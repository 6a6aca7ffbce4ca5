using System.Text.Json;
using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The statements one unit of work (a write, or a consistent multi-statement read) runs inside its transaction, and the checks writes share.</summary>
internal sealed class Neo4jWork(Neo4jTransaction transaction, CypherStatements cypher, CancellationToken cancellationToken)
{
    private readonly List<(ChangeKind Kind, Guid Id)> changes = [];
    private readonly HashSet<(ChangeKind Kind, Guid Id)> noted = [];
    private readonly Dictionary<Guid, long> versionsRead = [];

    /// <summary>Notes that this write changed something a read model holds, once each; <see cref="RecordChangesAsync"/> records them.</summary>
    public void Changed(ChangeKind kind, Guid id)
    {
        if (noted.Add((kind, id)))
        {
            changes.Add((kind, id));
        }
    }

    /// <summary>
    /// The write's last statement, when it changed something the read models hold: bumps the change sequence and records
    /// what changed under it, in the write's own transaction (a write that changed nothing leaves both alone).
    /// </summary>
    public Task RecordChangesAsync() =>
        changes.Count == 0 ? Task.CompletedTask : RunAsync("record-changes", ("changes", changes.Select(c => new Dictionary<string, object?>
        {
            ["kind"] = EnumText.Name(c.Kind), ["id"] = Id(c.Id),
        }).ToList()));

    public Task<Neo4jResult> RunAsync(string statement, params (string Name, object? Value)[] parameters) =>
        transaction.RunAsync(cypher[statement], parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), cancellationToken);

    public async Task<Neo4jRecord?> FirstAsync(string statement, params (string Name, object? Value)[] parameters) =>
        Neo4jRecord.First(await RunAsync(statement, parameters));

    public async Task<Person?> PersonOrNullAsync(Guid id)
    {
        var person = await FirstAsync("get-person", ("id", Id(id))) is { } row ? Neo4jMapping.Person(row.Map("person")) : null;
        if (person is not null)
        {
            versionsRead[id] = person.Version;
        }

        return person;
    }

    /// <summary>
    /// Checked in C# after every statement that moves a profile's version on (it returns the version it wrote): that must
    /// be the one after the version this transaction read, if it read one. Anything else (no row, or a profile that had
    /// moved on under a statement whose own guard let it through) refuses the write, and the exception rolls it back.
    /// </summary>
    public void VersionWritten(Guid id, Neo4jRecord? row)
    {
        var read = versionsRead.TryGetValue(id, out var version) ? version : (long?)null;
        if (row?.Long("version") is not { } written || (read is not null && written != read + 1))
        {
            throw new VersionConflictException(row?.Long("version") - 1 ?? read ?? 0);
        }

        versionsRead[id] = written;
    }

    public async Task<Person> PersonAsync(Guid id, string field = "id") =>
        await PersonOrNullAsync(id) ?? throw new NotFoundException(field, ErrorTexts.NoSuchPerson);

    public async Task<Project> ProjectAsync(Guid id, string field) =>
        await FirstAsync("get-projects", ("ids", new[] { Id(id) })) is { } row ? Neo4jMapping.Project(row) : throw new NotFoundException(field, ErrorTexts.NoSuchProject);

    public async Task RequireSkillsAsync(IReadOnlyCollection<Guid> ids, string field)
    {
        var found = Neo4jRecord.All(await RunAsync("find-skills", ("ids", Ids(ids)))).Select(r => r.Id("id")).ToHashSet();
        if (ids.Any(id => !found.Contains(id)))
        {
            throw new NotFoundException(field, ErrorTexts.NoSuchSkill);
        }
    }

    public async Task RequireOrganisationAsync(Guid? id, string field)
    {
        if (id is { } organisation && await FirstAsync("get-organisations", ("ids", new[] { Id(organisation) })) is null)
        {
            throw new NotFoundException(field, ErrorTexts.NoSuchOrganisation);
        }
    }

    /// <summary>Whether no profile holds this email (compared case-insensitively, as the unique emailKey does).</summary>
    public async Task<bool> EmailIsFreeAsync(string? email) => email is null || await FirstAsync("find-person-by-email", ("email", email)) is null;

    public async Task TouchPersonAsync(Guid id, DateTimeOffset now)
    {
        Changed(ChangeKind.Person, id);
        VersionWritten(id, await FirstAsync("touch-person", ("id", Id(id)), ("now", Timestamp(now))));
    }

    public Task RefreshTextAsync(Guid id)
    {
        Changed(ChangeKind.Person, id);
        return RunAsync("refresh-person-text", ("id", Id(id)));
    }

    /// <summary>Records the audit event a rule decided, in this write's transaction.</summary>
    public Task AuditAsync(DateTimeOffset at, Guid? actor, AuditEntry entry) => AuditAsync([Event(at, actor, entry)]);

    public Task AuditAsync(IReadOnlyList<Dictionary<string, object?>> events) =>
        events.Count == 0 ? Task.CompletedTask : RunAsync("record-audit-events", ("events", events));

    /// <summary>One audit event as the record-audit-events statement takes it; before and after as JSON text, as the embedded store keeps them.</summary>
    public static Dictionary<string, object?> Event(DateTimeOffset at, Guid? actor, AuditEntry entry) => new()
    {
        ["at"] = Timestamp(at), ["actorId"] = Id(actor), ["action"] = entry.Action, ["subjectType"] = entry.SubjectType, ["subjectId"] = Id(entry.Subject),
        ["before"] = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before), ["after"] = entry.After is null ? null : JsonSerializer.Serialize(entry.After),
    };
}
