namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>
/// The store contract against a Neo4j server (NEO4J_URI and friends); skipped with instructions when none is
/// configured. All tests share the server's one database, so they run alone, one at a time, and each replaces
/// the whole network at its start.
/// </summary>
[NeedsNeo4jServer]
[Collection(Neo4jContractRun.Name)]
public sealed class Neo4jStoreContract : StoreContract
{
    protected override Task<ContractStore> OpenStoreAsync() => ContractStore.OpenAsync(
        (Neo4jServer.FromEnvironment() ?? throw new InvalidOperationException(Neo4jServer.SkipReason)).Settings());
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Neo4jContractRun
{
    public const string Name = "Neo4j store contract";
}
