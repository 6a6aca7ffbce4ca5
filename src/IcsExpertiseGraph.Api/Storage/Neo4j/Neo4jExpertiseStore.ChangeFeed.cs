namespace IcsExpertiseGraph.Api.Storage.Neo4j;

// PLACEHOLDER while the Neo4j change feed is written (branch neo4j-feed): every method says so.
public sealed partial class Neo4jExpertiseStore
{
    public Task<ChangeBatch> ReadChangesAsync(long afterSequence, int maxEntries, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Neo4j change feed is not written yet.");

    public Task<int> PruneChangesAsync(long throughSequence, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Neo4j change feed is not written yet.");

    public Task<SearchSource> LoadSearchSourceAsync(SourceScope scope, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Neo4j change feed is not written yet.");

    public Task<CollaborationSource> LoadCollaborationSourceAsync(SourceScope scope, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Neo4j change feed is not written yet.");
}
