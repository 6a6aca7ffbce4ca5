using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's source of the collaboration graph: people, organisations, projects and who contributed to what, read in one transaction.</summary>
public sealed partial class Neo4jExpertiseStore
{
    public Task<CollaborationSource> LoadCollaborationSourceAsync(CancellationToken cancellationToken) =>
        LoadCollaborationSourceAsync(SourceScope.Everything, cancellationToken);

    public Task<CollaborationSource> LoadCollaborationSourceAsync(SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return client.InTransactionAsync(async transaction =>
        {
            var read = new Neo4jWork(transaction, cypher, cancellationToken);
            var sequence = (await read.FirstAsync("read-change-sequence"))!.Value.Long("value");
            var people = Neo4jRecord.All(await PartAsync(read, "all-people", "scoped-people", scope.People)).Select(r => (r.Id("id"), r.Enum<Visibility>("visibility"))).ToList();
            var organisations = Neo4jRecord.All(await PartAsync(read, "all-organisations", "scoped-organisations", scope.Organisations))
                .Select(r => (r.Id("id"), r.IdOrNull("integratedCareSystemId"))).ToList();
            // One organisation per person: the primary current employer, else the first current one (they come primary first).
            var seen = new HashSet<Guid>();
            var primary = (await CurrentEmploymentsAsync(read, scope)).Where(e => seen.Add(e.PersonId)).ToList();
            var contributions = Neo4jRecord.All(await PartAsync(read, "all-contributions", "scoped-contributions", scope.People))
                .Select(r => (PersonId: r.Id("personId"), ProjectId: r.Id("projectId"))).ToList();
            // A scope's projects: all of them when it leaves projects whole, else those it names and those its people
            // contribute to (a new project arrives with its first member).
            var projects = Neo4jRecord.All(scope.Projects is not { } named
                    ? await read.RunAsync("all-projects")
                    : await read.RunAsync("scoped-projects", ("ids", Ids(named.Concat(contributions.Select(c => c.ProjectId)).Distinct()))))
                .Select(r => (r.Id("id"), r.DateOrNull("lastActive"))).ToList();
            return new CollaborationSource(sequence, people, organisations, primary, projects, [.. contributions.Select(c => (c.PersonId, c.ProjectId))]);
        }, cancellationToken, options.LongRequestTimeout);
    }
}
