using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's source of the collaboration graph: people, organisations, projects and who contributed to what, read in one transaction.</summary>
public sealed partial class SqliteExpertiseStore
{
    public Task<CollaborationSource> LoadCollaborationSourceAsync(CancellationToken cancellationToken) =>
        LoadCollaborationSourceAsync(SourceScope.Everything, cancellationToken);

    public async Task<CollaborationSource> LoadCollaborationSourceAsync(SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: true);
        var sequence = await ReadSequenceAsync(connection, transaction, cancellationToken);
        var parameters = ScopeParameters(scope);

        var people = new List<(Guid, Visibility)>();
        var personIds = new Dictionary<long, Guid>();
        await ReadAsync(connection, transaction, $"SELECT pk, id, visibility FROM person WHERE {PeopleIn(scope, "pk")} ORDER BY pk", r =>
        {
            var id = r.GetId(1);
            personIds[r.GetInt64(0)] = id;
            people.Add((id, r.GetEnum<Visibility>(2)));
        }, cancellationToken, parameters);

        var organisations = new List<(Guid, Guid?)>();
        await ReadAsync(connection, transaction,
            $"SELECT o.id, i.id FROM organisation o LEFT JOIN integrated_care_system i ON i.pk = o.ics_pk WHERE {OrganisationsIn(scope, "o.pk")} ORDER BY o.pk",
            r => organisations.Add((r.GetId(0), r.GetIdOrNull(1))), cancellationToken, parameters);

        // One organisation per person: the primary current employer, else the first current one.
        var employments = new List<(Guid, Guid)>();
        var seen = new HashSet<long>();
        await ReadAsync(connection, transaction,
            CurrentEmploymentsInOrder.Replace("$scope", PeopleIn(scope, "w.person_pk"), StringComparison.Ordinal),
            r =>
            {
                if (seen.Add(r.GetInt64(0)))
                {
                    employments.Add((personIds[r.GetInt64(0)], r.GetId(2)));
                }
            }, cancellationToken, ScopeParameters(scope, ("$today", Today())));

        // A scope's projects: all of them when it leaves projects whole, else those it names and those its people
        // contribute to (a new project arrives with its first member).
        var projectFilter = scope.Projects is null ? "1 = 1" : $"""
            pk IN (SELECT project_pk FROM contributed_to WHERE {PeopleIn(scope, "person_pk")})
            OR id IN (SELECT value FROM json_each($scopeProjects))
            """;
        var projects = new List<(Guid, DateOnly?)>();
        var projectIds = new Dictionary<long, Guid>();
        await ReadAsync(connection, transaction, $"SELECT pk, id, coalesce(end_date, start_date) FROM project WHERE {projectFilter} ORDER BY pk", r =>
        {
            var id = r.GetId(1);
            projectIds[r.GetInt64(0)] = id;
            projects.Add((id, r.GetDateOrNull(2)));
        }, cancellationToken, parameters);

        var contributions = new List<(Guid, Guid)>();
        await ReadAsync(connection, transaction, $"SELECT person_pk, project_pk FROM contributed_to WHERE {PeopleIn(scope, "person_pk")} ORDER BY project_pk, person_pk",
            r => contributions.Add((personIds[r.GetInt64(0)], projectIds[r.GetInt64(1)])), cancellationToken, parameters);

        return new CollaborationSource(sequence, people, organisations, employments, projects, contributions);
    }
}
