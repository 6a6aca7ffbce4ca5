using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's audit trail: read newest first (each write records its own events, <see cref="Neo4jWork.AuditAsync(DateTimeOffset, Guid?, AuditEntry)"/>).</summary>
public sealed partial class Neo4jExpertiseStore
{
    public async Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(Guid personId, int limit, CancellationToken cancellationToken) =>
        [.. Neo4jRecord.All(await ReadAsync("get-audit-trail", cancellationToken, ("subjectId", Id(personId)), ("limit", limit)))
            .Select(r => Neo4jMapping.AuditEvent(r.Map("event")))];
}
