namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>The Neo4j server the contract runs against, from the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).</summary>
internal sealed record Neo4jServer(string Uri, string User, string Password, string Database)
{
    public const string SkipReason =
        "Neo4j contract run skipped: set NEO4J_URI (e.g. http://localhost:7474), NEO4J_USER and NEO4J_PASSWORD to run it against a Neo4j server (or, with Docker, run tools/neo4j-contract.sh; see README, 'Running the store contract suite against Neo4j').";

    public static Neo4jServer? FromEnvironment() =>
        Environment.GetEnvironmentVariable("NEO4J_URI") is { Length: > 0 } uri
            ? new Neo4jServer(
                uri,
                Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j",
                Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "",
                Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j")
            : null;

    /// <summary>The configuration the application would read; the store is built from it, never by naming the adapter.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "Neo4j",
        ["Storage:Neo4j:Uri"] = Uri,
        ["Storage:Neo4j:User"] = User,
        ["Storage:Neo4j:Password"] = Password,
        ["Storage:Neo4j:Database"] = Database,
    };
}
