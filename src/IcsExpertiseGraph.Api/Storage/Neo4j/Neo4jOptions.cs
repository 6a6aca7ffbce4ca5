namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>Storage:Neo4j: where the production store is and how to reach it (Query API over HTTP).</summary>
public sealed class Neo4jOptions
{
    public const string Section = "Storage:Neo4j";

    /// <summary>The server's HTTP address, e.g. http://localhost:7474 (the Query API lives under /db/{database}/query/v2).</summary>
    public Uri? Uri { get; set; }

    public string Database { get; set; } = "neo4j";

    public string User { get; set; } = "neo4j";

    public string Password { get; set; } = "";

    /// <summary>How long one HTTP request may take before it is abandoned.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request of the long jobs may take: an import batch, replacing the network, loading a read model, waiting for indexes.</summary>
    public TimeSpan LongRequestTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a transient failure (Neo.TransientError.*, a reset connection) is retried, with doubling backoff.</summary>
    public int MaxRetries { get; set; } = 4;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
