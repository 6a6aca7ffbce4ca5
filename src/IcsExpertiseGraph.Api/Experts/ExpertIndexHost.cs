using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Serve search from the in-memory index (the default); false asks the store every time.</summary>
    public bool MemoryIndex { get; set; } = true;
}

/// <summary>Holds the current <see cref="ExpertIndex"/>, rebuilt from the store as it changes.</summary>
public sealed class ExpertIndexHost(
    IExpertiseStore store, SkillCatalog catalog, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ReadModelOptions> options, ILogger<ExpertIndexHost> logger)
    : ReadModelHost<ExpertIndex>(store, clock, options.Value, logger)
{
    protected override string Name => "Search index";

    protected override async Task<ExpertIndex> BuildAsync(CancellationToken cancellationToken)
    {
        var taxonomy = await catalog.GetAsync(cancellationToken);
        var source = await Store.LoadSearchSourceAsync(cancellationToken);
        return new ExpertIndex(source, taxonomy);
    }
}

/// <summary>Builds the read models before the server takes requests, so the first search or path is as fast as the rest.</summary>
public sealed class ExpertIndexWarmup(ExpertIndexHost host, Network.CollaborationGraphHost graph, Microsoft.Extensions.Options.IOptions<SearchOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MemoryIndex)
        {
            await host.RefreshAsync(cancellationToken);
        }

        await graph.RefreshAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
