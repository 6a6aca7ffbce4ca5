using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Health;

public static class HealthEndpoints
{
    /// <summary>GET /healthz: 200 when the configured store answers, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IExpertiseStore store, CancellationToken cancellationToken) =>
            await store.IsReachableAsync(cancellationToken)
                ? Results.Text("healthy", "text/plain")
                : Results.Text("store unreachable", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }
}
