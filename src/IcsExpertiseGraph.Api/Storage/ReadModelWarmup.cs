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
        // Both at once: each reads the store and builds on its own core, so start-up waits for the slower one only;
        // broker scores wait until both are built.
        graph.HoldBrokers();
        try
        {
            await Task.WhenAll(options.Value.MemoryIndex ? host.CatchUpAsync(cancellationToken) : Task.CompletedTask, graph.CatchUpAsync(cancellationToken));
        }
        catch (StoreUnavailableException)
        {
            // The first request builds them once the store answers.
        }
        finally
        {
            graph.ReleaseBrokers();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
