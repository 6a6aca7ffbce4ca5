using IcsExpertiseGraph.Api.Experts;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Holds the current snapshot of a read model and keeps it current from the store's change feed: built whole at start
/// (or first use), then each batch of changes is applied to the snapshot to make the next one, at a cost proportional
/// to what changed (<see cref="ApplyAsync"/>). Readers are never blocked and never see a half-applied model: a new
/// snapshot replaces the old in one step. The model is rebuilt whole, once, and the log says why, when the feed cannot
/// be followed: this instance fell behind the pruned part of the feed, the network was replaced, a change could not be
/// applied, or a gap in the feed did not close.
/// </summary>
public abstract class ReadModelHost<TModel>(IExpertiseStore store, TimeProvider clock, ReadModelOptions options, ILogger logger) : IDisposable
    where TModel : class, IReadModel
{
    private readonly SemaphoreSlim changing = new(1, 1);
    private volatile TModel? current;
    private long gapSeenAt;

    /// <summary>The store the model is built from.</summary>
    protected IExpertiseStore Store { get; } = store;

    protected TimeProvider Clock { get; } = clock;

    /// <summary>The model's name in log lines.</summary>
    protected abstract string Name { get; }

    /// <summary>The current snapshot, if one was built.</summary>
    public TModel? Current => current;

    /// <summary>
    /// The current snapshot; built first if there is none, and caught up with the feed first when it is older than
    /// <paramref name="atLeast"/> (a writer's own last change).
    /// </summary>
    public async ValueTask<TModel> GetAsync(CancellationToken cancellationToken, long atLeast = 0)
    {
        var model = current;
        return model is null || model.Sequence < atLeast ? await CatchUpAsync(cancellationToken) : model;
    }

    /// <summary>
    /// Applies every change the feed holds beyond the current snapshot (building it first if there is none). One caller
    /// at a time does the work; the others then find nothing left to do.
    /// </summary>
    public async Task<TModel> CatchUpAsync(CancellationToken cancellationToken)
    {
        await changing.WaitAsync(cancellationToken);
        try
        {
            if (current is not { } model)
            {
                return await RebuildAsync(null, cancellationToken);
            }

            while (true)
            {
                ChangeBatch batch;
                try
                {
                    batch = await Store.ReadChangesAsync(model.Sequence, options.MaxBatchEntries, cancellationToken);
                }
                catch (FormatException e)
                {
                    ReadModelLog.CannotApply(logger, Name, e);
                    return await RebuildAsync("a change of a kind this build does not know", cancellationToken);
                }

                if (batch.Latest == model.Sequence)
                {
                    return model;
                }

                if (batch.Latest < model.Sequence)
                {
                    return await RebuildAsync("the store is at an earlier change than this model (restored from a backup?)", cancellationToken);
                }

                if (!batch.CanFollowFrom(model.Sequence))
                {
                    return await RebuildAsync($"this instance fell behind the pruned change feed (at {model.Sequence}, pruned through {batch.PrunedThrough})", cancellationToken);
                }

                if (batch.Entries.Any(e => e.Kind == ChangeKind.Network))
                {
                    return await RebuildAsync("the network was replaced", cancellationToken);
                }

                var (through, entries) = Contiguous(model.Sequence, batch);
                if (through == model.Sequence)
                {
                    // The next sequence's entries are not visible yet (a store that reads committed data statement by
                    // statement can show a later write first); wait for them, but not for ever.
                    var now = Clock.GetTimestamp();
                    if (gapSeenAt == 0)
                    {
                        gapSeenAt = now;
                    }

                    return Clock.GetElapsedTime(gapSeenAt, now) < options.GapTimeout
                        ? model
                        : await RebuildAsync($"the change feed has a gap after {model.Sequence} that did not close", cancellationToken);
                }

                gapSeenAt = 0;
                var scope = SourceScope.Of(entries);
                if (scope.People!.Count > options.MaxIncrementalPeople)
                {
                    return await RebuildAsync($"{scope.People.Count} people changed at once (a bulk import)", cancellationToken);
                }

                var started = Clock.GetTimestamp();
                try
                {
                    model = await ApplyAsync(model, scope, through, cancellationToken);
                }
                catch (ReadModelChangeException e)
                {
                    ReadModelLog.CannotApply(logger, Name, e);
                    return await RebuildAsync("a change could not be applied", cancellationToken);
                }

                current = model;
                var applied = Clock.GetElapsedTime(started).TotalMilliseconds;
                ReadModelLog.Applied(logger, Name, entries.Count, model.Sequence, applied);
                OnChanged(model, rebuilt: false);
                if (through >= batch.Latest)
                {
                    return model;
                }
            }
        }
        finally
        {
            changing.Release();
        }
    }

    public void Dispose()
    {
        changing.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The whole model, from the store.</summary>
    protected abstract Task<TModel> BuildAsync(CancellationToken cancellationToken);

    /// <summary>The next snapshot: <paramref name="model"/> with the changes of <paramref name="scope"/>, stamped <paramref name="through"/>.</summary>
    protected abstract Task<TModel> ApplyAsync(TModel model, SourceScope scope, long through, CancellationToken cancellationToken);

    /// <summary>A hook for work that follows a new snapshot (derived figures computed in the background).</summary>
    protected virtual void OnChanged(TModel model, bool rebuilt)
    {
    }

    private async Task<TModel> RebuildAsync(string? why, CancellationToken cancellationToken)
    {
        if (why is not null)
        {
            ReadModelLog.Rebuilding(logger, Name, why);
        }

        var started = Clock.GetTimestamp();
        var model = await BuildAsync(cancellationToken);
        current = model;
        gapSeenAt = 0;
        var built = Clock.GetElapsedTime(started).TotalMilliseconds;
        ReadModelLog.Built(logger, Name, model.Sequence, built);
        OnChanged(model, rebuilt: true);
        return model;
    }

    /// <summary>The entries of the sequences that follow <paramref name="from"/> without a gap, and the last of them.</summary>
    private static (long Through, List<ChangeEntry> Entries) Contiguous(long from, ChangeBatch batch)
    {
        var last = from;
        var taken = new List<ChangeEntry>(batch.Entries.Count);
        foreach (var entry in batch.Entries)
        {
            if (entry.Sequence == last + 1)
            {
                last++;
            }
            else if (entry.Sequence != last || last == from)
            {
                break;
            }

            taken.Add(entry);
        }

        return (last, taken);
    }
}

