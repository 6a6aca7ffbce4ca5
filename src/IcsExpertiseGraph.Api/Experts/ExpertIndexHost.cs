using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Serve search from the in-memory index (the default); false asks the store every time.</summary>
    public bool MemoryIndex { get; set; } = true;
}

/// <summary>
/// Holds the current <see cref="ExpertIndex"/>. The first search (or start-up) builds it; afterwards the
/// store's change sequence is checked at most once a second and a changed store is re-indexed in the
/// background while the previous snapshot keeps answering. Writers call <see cref="RefreshAsync"/> to
/// read their own writes.
/// </summary>
public sealed partial class ExpertIndexHost(IExpertiseStore store, SkillCatalog catalog, TimeProvider clock, ILogger<ExpertIndexHost> logger) : IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim building = new(1, 1);
    private volatile ExpertIndex? current;
    private long checkedAtTicks;
    private int refreshing;
    private double lastBuildMilliseconds;

    public async ValueTask<ExpertIndex> GetAsync(CancellationToken cancellationToken)
    {
        var index = current;
        if (index is null)
        {
            return await RefreshAsync(cancellationToken);
        }

        if (clock.GetUtcNow().UtcTicks - Volatile.Read(ref checkedAtTicks) >= CheckEvery.Ticks && Interlocked.Exchange(ref refreshing, 1) == 0)
        {
            Volatile.Write(ref checkedAtTicks, clock.GetUtcNow().UtcTicks);
            _ = Task.Run(async () =>
            {
                try
                {
                    if (await store.GetChangeSequenceAsync(CancellationToken.None) != index.Sequence)
                    {
                        await RefreshAsync(CancellationToken.None);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, e);
                }
                finally
                {
                    Volatile.Write(ref refreshing, 0);
                }
            }, CancellationToken.None);
        }

        return index;
    }

    /// <summary>Rebuilds the index from the store unless it already reflects the store's latest change.</summary>
    public async Task<ExpertIndex> RefreshAsync(CancellationToken cancellationToken)
    {
        await building.WaitAsync(cancellationToken);
        try
        {
            var sequence = await store.GetChangeSequenceAsync(cancellationToken);
            if (current is { } fresh && fresh.Sequence == sequence)
            {
                return fresh;
            }

            var started = clock.GetTimestamp();
            var taxonomy = await catalog.GetAsync(cancellationToken);
            var source = await store.LoadSearchSourceAsync(cancellationToken);
            var index = new ExpertIndex(source, taxonomy);
            current = index;
            Volatile.Write(ref checkedAtTicks, clock.GetUtcNow().UtcTicks);
            var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
            lastBuildMilliseconds = elapsed;
            LogBuilt(logger, index.PeopleCount, index.Sequence, elapsed);
            return index;
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>
    /// After a committed write: a small index is rebuilt before the writer's response, so they read their own
    /// write in search; a large one (a rebuild over a quarter of a second) is rebuilt in the background.
    /// </summary>
    public async Task AfterWriteAsync(CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return;
        }

        if (lastBuildMilliseconds < 250)
        {
            await RefreshAsync(cancellationToken);
            return;
        }

        Volatile.Write(ref checkedAtTicks, 0);
    }

    public void Dispose() => building.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {People} people at change {Sequence} in {Milliseconds:F0} ms")]
    private static partial void LogBuilt(ILogger logger, int people, long sequence, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the search index failed; the previous snapshot keeps serving")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

/// <summary>Builds the index before the server takes requests, so the first search is as fast as the rest.</summary>
public sealed class ExpertIndexWarmup(ExpertIndexHost host, Microsoft.Extensions.Options.IOptions<SearchOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MemoryIndex)
        {
            await host.RefreshAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
