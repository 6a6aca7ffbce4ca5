using GraphQL;

namespace IcsExpertiseGraph.Api.GraphQL;

/// <summary>
/// Builds the schema and runs one trivial query while the read models are still loading, on the core they leave
/// free: otherwise the first caller pays for building the schema and compiling the GraphQL pipeline (a quarter of a
/// second at start). Started before the read-model warm-up and not awaited by it; a request that comes first simply
/// builds the schema itself.
/// </summary>
public sealed class GraphQLWarmup(IServiceScopeFactory scopes, IDocumentExecuter<ExpertiseSchema> executer) : IHostedService
{
    private Task? warming;

    public Task StartAsync(CancellationToken cancellationToken)
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

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (warming is not null)
        {
            await warming.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
