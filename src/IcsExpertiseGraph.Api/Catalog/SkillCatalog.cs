using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Catalog;

/// <summary>
/// The skill taxonomy held in memory: a few hundred rows read by every search and every skill field.
/// It reloads when the store's change sequence moves (checked at most every two seconds), so an import
/// by another process or instance is picked up without a restart.
/// </summary>
public sealed class SkillCatalog(IExpertiseStore store, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim reload = new(1, 1);
    private volatile Loaded? current;

    public async ValueTask<SkillTaxonomy> GetAsync(CancellationToken cancellationToken)
    {
        var loaded = current;
        if (loaded is not null && clock.GetUtcNow() - loaded.CheckedAt < CheckEvery)
        {
            return loaded.Taxonomy;
        }

        await reload.WaitAsync(cancellationToken);
        try
        {
            loaded = current;
            if (loaded is not null && clock.GetUtcNow() - loaded.CheckedAt < CheckEvery)
            {
                return loaded.Taxonomy;
            }

            var sequence = await store.GetChangeSequenceAsync(cancellationToken);
            current = loaded is not null && loaded.Sequence == sequence
                ? loaded with { CheckedAt = clock.GetUtcNow() }
                : new Loaded(new SkillTaxonomy(await store.GetAllSkillsAsync(cancellationToken)), sequence, clock.GetUtcNow());
            return current.Taxonomy;
        }
        finally
        {
            reload.Release();
        }
    }

    public void Dispose() => reload.Dispose();

    private sealed record Loaded(SkillTaxonomy Taxonomy, long Sequence, DateTimeOffset CheckedAt);
}
