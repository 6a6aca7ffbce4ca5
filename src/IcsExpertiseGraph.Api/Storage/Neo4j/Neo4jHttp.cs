namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>
/// The one HttpClient the adapter keeps for its life: pooled connections, renewed every few minutes so a server that
/// moved (DNS, a cluster member replaced) is found again. Timeouts are per request, set by the query client.
/// </summary>
internal static class Neo4jHttp
{
    public static HttpClient Create() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
