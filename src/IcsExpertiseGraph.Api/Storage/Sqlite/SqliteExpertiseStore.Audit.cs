using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's audit trail: read newest first (each write records its own events, <see cref="Write.Audit"/>).</summary>
public sealed partial class SqliteExpertiseStore
{
    public async Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(Guid personId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pk, at, actor_id, action, subject_type, subject_id, before, after FROM audit_event WHERE subject_id = $id ORDER BY pk DESC LIMIT $limit";
        command.With("$id", Id(personId)).With("$limit", limit);
        var events = new List<AuditEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AuditEvent(reader.GetInt64(0), reader.GetTimestampOrNull(1)!.Value, reader.GetIdOrNull(2), reader.GetString(3), reader.GetString(4),
                reader.GetId(5), reader.GetTextOrNull(6), reader.GetTextOrNull(7)));
        }

        return events;
    }
}
