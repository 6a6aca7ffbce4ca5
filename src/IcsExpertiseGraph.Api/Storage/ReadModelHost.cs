namespace IcsExpertiseGraph.Api.Storage;

/// <summary>An immutable in-memory view built from the store, stamped with the change it reflects.</summary>
public interface IReadModel
{
    /// <summary>The store's change sequence this model reflects.</summary>
    long Sequence { get; }
}

/// <summary>
/// Holds the current snapshot of a read model. The first use (or start-up) builds it; afterwards the store's
/// change sequence is checked at most once a second and a changed store is rebuilt in the background while
/// the previous snapshot keeps answering. After a write, a model that builds quickly (under a quarter of a
/// second) is rebuilt before the writer's response; a slow one is rebuilt in the background, and the writer's own
/// reads wait for a snapshot that includes their write (<see cref="ReadYourWrites"/>), so a writer always reads
/// their own write.
/// </summary>
public abstract class ReadModelHost<TModel>(IExpertiseStore store, TimeProvider clock, ReadModelOptions options, ILogger logger) : IDisposable
    where TModel : class, IReadModel
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim building = new(1, 1);
    private volatile TModel? current;
    private long checkedAtTicks;
    private int refreshing;
    private double lastBuildMilliseconds;

    /// <summary>The store the model is built from.</summary>
    protected IExpertiseStore Store { get; } = store;

    protected TimeProvider Clock { get; } = clock;

    /// <summary>The model's name in log lines.</summary>
    protected abstract string Name { get; }

    /// <summary>The current snapshot; one older than <paramref name="atLeast"/> (a writer's own last change) is rebuilt first.</summary>
    public async ValueTask<TModel> GetAsync(CancellationToken cancellationToken, long atLeast = 0)
    {
        var model = current;
        if (model is null || model.Sequence < atLeast)
        {
            return await RefreshAsync(cancellationToken);
        }

        if (Clock.GetUtcNow().UtcTicks - Volatile.Read(ref checkedAtTicks) >= CheckEvery.Ticks && Interlocked.Exchange(ref refreshing, 1) == 0)
        {
            Volatile.Write(ref checkedAtTicks, Clock.GetUtcNow().UtcTicks);
            _ = Task.Run(async () =>
            {
                try
                {
                    if (await Store.GetChangeSequenceAsync(CancellationToken.None) != model.Sequence)
                    {
                        await RefreshAsync(CancellationToken.None);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ReadModelLog.RefreshFailed(logger, Name, e);
                }
                finally
                {
                    Volatile.Write(ref refreshing, 0);
                }
            }, CancellationToken.None);
        }

        return model;
    }

    /// <summary>Rebuilds the model from the store unless it already reflects the store's latest change.</summary>
    public async Task<TModel> RefreshAsync(CancellationToken cancellationToken)
    {
        await building.WaitAsync(cancellationToken);
        try
        {
            var sequence = await Store.GetChangeSequenceAsync(cancellationToken);
            if (current is { } fresh && fresh.Sequence == sequence)
            {
                return fresh;
            }

            var started = Clock.GetTimestamp();
            var model = await BuildAsync(cancellationToken);
            current = model;
            Volatile.Write(ref checkedAtTicks, Clock.GetUtcNow().UtcTicks);
            lastBuildMilliseconds = Clock.GetElapsedTime(started).TotalMilliseconds;
            ReadModelLog.Built(logger, Name, model.Sequence, lastBuildMilliseconds);
            OnBuilt(model);
            return model;
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>After a committed write: rebuild now if that is quick, else let the next read start a background rebuild.</summary>
    public async Task AfterWriteAsync(CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return;
        }

        if (lastBuildMilliseconds < options.QuickBuildMilliseconds)
        {
            await RefreshAsync(cancellationToken);
            return;
        }

        Volatile.Write(ref checkedAtTicks, 0);
    }

    public void Dispose()
    {
        building.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<TModel> BuildAsync(CancellationToken cancellationToken);

    /// <summary>A hook for work that follows a new snapshot (derived figures computed in the background).</summary>
    protected virtual void OnBuilt(TModel model)
    {
    }
}

internal static partial class ReadModelLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} built at change {Sequence} in {Milliseconds:F0} ms")]
    public static partial void Built(ILogger logger, string model, long sequence, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the {Model} failed; the previous snapshot keeps serving")]
    public static partial void RefreshFailed(ILogger logger, string model, Exception exception);
}

public sealed class ReadModelOptions
{
    public const string Section = "ReadModels";

    /// <summary>Read models that rebuild faster than this are rebuilt before a writer's response; slower ones in the background.</summary>
    public double QuickBuildMilliseconds { get; set; } = 250;
}
