using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

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
