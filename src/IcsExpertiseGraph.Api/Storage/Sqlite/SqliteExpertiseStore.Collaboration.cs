using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

public sealed partial class SqliteExpertiseStore
{
    public async Task<CollaborationSource> LoadCollaborationSourceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: true);
        var sequence = 0L;
        await ReadAsync(connection, transaction, "SELECT value FROM change_sequence WHERE id = 1", r => sequence = r.GetInt64(0), cancellationToken);

        var people = new List<(Guid, Visibility)>();
        var personIds = new Dictionary<long, Guid>();
        await ReadAsync(connection, transaction, "SELECT pk, id, visibility FROM person ORDER BY pk", r =>
        {
            var id = r.GetId(1);
            personIds[r.GetInt64(0)] = id;
            people.Add((id, r.GetEnum<Visibility>(2)));
        }, cancellationToken);

        var organisations = new List<(Guid, Guid?)>();
        var organisationIds = new Dictionary<long, Guid>();
        await ReadAsync(connection, transaction, "SELECT o.pk, o.id, i.id FROM organisation o LEFT JOIN integrated_care_system i ON i.pk = o.ics_pk ORDER BY o.pk", r =>
        {
            var id = r.GetId(1);
            organisationIds[r.GetInt64(0)] = id;
            organisations.Add((id, r.GetIdOrNull(2)));
        }, cancellationToken);

        // One organisation per person: the primary current employer, else the first current one.
        var employments = new List<(Guid, Guid)>();
        var seen = new HashSet<long>();
        await ReadAsync(connection, transaction,
            CurrentEmploymentsInOrder,
            r =>
            {
                if (seen.Add(r.GetInt64(0)))
                {
                    employments.Add((personIds[r.GetInt64(0)], organisationIds[r.GetInt64(1)]));
                }
            }, cancellationToken, ("$today", Today()));

        var projects = new List<(Guid, DateOnly?)>();
        var projectIds = new Dictionary<long, Guid>();
        await ReadAsync(connection, transaction, "SELECT pk, id, coalesce(end_date, start_date) FROM project ORDER BY pk", r =>
        {
            var id = r.GetId(1);
            projectIds[r.GetInt64(0)] = id;
            projects.Add((id, r.GetDateOrNull(2)));
        }, cancellationToken);

        var contributions = new List<(Guid, Guid)>();
        await ReadAsync(connection, transaction, "SELECT person_pk, project_pk FROM contributed_to ORDER BY project_pk, person_pk",
            r => contributions.Add((personIds[r.GetInt64(0)], projectIds[r.GetInt64(1)])), cancellationToken);

        return new CollaborationSource(sequence, people, organisations, employments, projects, contributions);
    }
}
