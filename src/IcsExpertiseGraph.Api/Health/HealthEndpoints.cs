using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services) => services.AddSingleton<StoreReadiness>();

    /// <summary>
    /// GET /healthz: liveness, 200 while the process can answer at all (a restart would not help a store that goes down
    /// later), except while the store has been unreachable since start (wrong address or credentials, a server never
    /// up): then 503, so a deployment that never worked shows as failed rather than alive.
    /// GET /readyz: readiness, 200 once migrations are applied and while the store answers; 503 otherwise, so a
    /// load balancer sends no traffic to an instance that cannot serve it.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (StoreReadiness readiness) => readiness.UnavailableSinceStart
            ? Results.Text("store unavailable since start; retrying", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("alive", "text/plain"));
        endpoints.MapGet("/readyz", async (IExpertiseStore store, StoreReadiness readiness, CancellationToken cancellationToken) =>
            !readiness.MigrationsApplied ? NotReady("migrations not applied")
            : !await AnswersAsync(store, cancellationToken) ? NotReady("store unreachable")
            : Results.Text("ready", "text/plain"));
        return endpoints;
    }

    /// <summary>A store that throws (a refused connection, a timeout) is as unreachable as one that says so.</summary>
    private static async Task<bool> AnswersAsync(IExpertiseStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.IsReachableAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    private static IResult NotReady(string reason) => Results.Text(reason, "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
}
