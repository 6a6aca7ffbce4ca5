using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Network;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Builds the read models before the server takes requests, so the first search or path is as fast as the rest.
/// With the store unavailable (already reported by the StoreInitializer) they are built on first use instead.
/// </summary>
public sealed class ReadModelWarmup(ExpertIndexHost host, CollaborationGraphHost graph, Microsoft.Extensions.Options.IOptions<SearchOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (options.Value.MemoryIndex)
            {
                await host.RefreshAsync(cancellationToken);
            }

            await graph.RefreshAsync(cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // The first request builds them once the store answers.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
