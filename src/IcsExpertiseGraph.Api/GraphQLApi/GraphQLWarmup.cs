using GraphQL;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>
/// Builds the schema and runs one trivial query while the read models are still loading, on the core they leave
/// free: otherwise the first caller pays for building the schema and compiling the GraphQL pipeline (a quarter of a
/// second at start). It starts in the hosts' Starting phase, before any service's StartAsync (so before the read-model
/// warm-up, wherever Program.cs registers it), and nothing awaits it; a request that comes first simply builds the
/// schema itself.
/// </summary>
public sealed class GraphQLWarmup(IServiceScopeFactory scopes, IDocumentExecuter<ExpertiseSchema> executer) : IHostedLifecycleService
{
    private Task? warming;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        warming = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await executer.ExecuteAsync(options =>
            {
                options.Query = "{ __typename }";
                options.RequestServices = scope.ServiceProvider;
                options.CancellationToken = cancellationToken;
            });
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (warming is not null)
        {
            await warming.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
