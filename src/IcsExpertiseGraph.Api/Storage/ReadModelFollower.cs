using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Network;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Keeps this instance's read models on the store's change feed: after each of this instance's own writes at once
/// (<see cref="CatchUpAsync"/>, before the writer's response, so every reader here sees a write as soon as its writer
/// does), and for writes made through other instances by looking at the store's change sequence every
/// <see cref="ReadModelOptions.PollInterval"/>. Also prunes the feed now and then, keeping its newest
/// <see cref="ReadModelOptions.RetainSequences"/> sequences.
/// </summary>
public sealed class ReadModelFollower(
    IExpertiseStore store, ExpertIndexHost index, CollaborationGraphHost graph, IOptions<ReadModelOptions> options, IOptions<SearchOptions> search,
    TimeProvider clock, ILogger<ReadModelFollower> logger) : BackgroundService
{
    private readonly ReadModelOptions settings = options.Value;

    /// <summary>
    /// Applies whatever the feed holds beyond the models that are built (a model not built yet is built on first use);
    /// returns the change the built models now all reflect (0 when none is built).
    /// </summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken)
    {
        var reflected = long.MaxValue;
        if (search.Value.MemoryIndex && index.Current is not null)
        {
            reflected = Math.Min(reflected, (await index.CatchUpAsync(cancellationToken)).Sequence);
        }

        if (graph.Current is not null)
        {
            reflected = Math.Min(reflected, (await graph.CatchUpAsync(cancellationToken)).Sequence);
        }

        return reflected == long.MaxValue ? 0 : reflected;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var prunedAt = clock.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
                var latest = await store.GetChangeSequenceAsync(stoppingToken);
                if ((index.Current is { } i && i.Sequence != latest) || (graph.Current is { } g && g.Sequence != latest))
                {
                    await CatchUpAsync(stoppingToken);
                }

                if (clock.GetElapsedTime(prunedAt) >= settings.PruneInterval)
                {
                    prunedAt = clock.GetTimestamp();
                    if (latest - settings.RetainSequences > 0)
                    {
                        await store.PruneChangesAsync(latest - settings.RetainSequences, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store may be down for a while: the snapshots keep serving, and the next round tries again.
                ReadModelLog.FollowFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
