using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Serve search from the in-memory index (the default); false asks the store every time.</summary>
    public bool MemoryIndex { get; set; } = true;

    /// <summary>Keep recent rankings with the index snapshot (see SearchResultCache); false ranks every request afresh.</summary>
    public bool ResultCache { get; set; } = true;
}

/// <summary>Holds the current <see cref="ExpertIndex"/>, built from the store and kept current from its change feed.</summary>
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

    protected override async Task<ExpertIndex> ApplyAsync(ExpertIndex model, SourceScope scope, long through, CancellationToken cancellationToken) =>
        model.Apply(await Store.LoadSearchSourceAsync(scope, cancellationToken), scope, through);
}
