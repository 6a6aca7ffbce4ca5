using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Directory;

/// <summary>
/// The skill taxonomy held in memory: a few hundred rows read by every search and every skill field.
/// It reloads when the store's change sequence moves (checked at most every two seconds), so an import
/// by another process or instance is picked up without a restart.
/// </summary>
public sealed class SkillCatalog(IExpertiseStore store, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim reload = new(1, 1);
    private volatile Snapshot? current;

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.CheckedAt < CheckEvery)
        {
            return snapshot;
        }

        await reload.WaitAsync(cancellationToken);
        try
        {
            snapshot = current;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.CheckedAt < CheckEvery)
            {
                return snapshot;
            }

            var sequence = await store.GetChangeSequenceAsync(cancellationToken);
            current = snapshot is not null && snapshot.Sequence == sequence
                ? snapshot with { CheckedAt = clock.GetUtcNow() }
                : new Snapshot(await store.GetAllSkillsAsync(cancellationToken), sequence, clock.GetUtcNow());
            return current;
        }
        finally
        {
            reload.Release();
        }
    }

    public void Dispose() => reload.Dispose();

    public sealed record Snapshot(IReadOnlyList<Skill> All, long Sequence, DateTimeOffset CheckedAt)
    {
        private readonly Lazy<IReadOnlyDictionary<Guid, Skill>> byId = new(() => All.ToDictionary(s => s.Id));
        private readonly Lazy<ILookup<Guid, Skill>> narrower = new(() => All.Where(s => s.BroaderId is not null).ToLookup(s => s.BroaderId!.Value));

        public Skill? Find(Guid id) => byId.Value.GetValueOrDefault(id);

        public IEnumerable<Skill> NarrowerThan(Guid id) => narrower.Value[id];

        /// <summary>The skill and everything under it in the taxonomy.</summary>
        public IEnumerable<Guid> WithDescendants(Guid id)
        {
            yield return id;
            foreach (var child in NarrowerThan(id))
            {
                foreach (var descendant in WithDescendants(child.Id))
                {
                    yield return descendant;
                }
            }
        }
    }
}
