using IcsExpertiseGraph.Api.Seeding;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Runs before the server accepts requests: brings the schema up to date and, on an empty store, seeds the demo
/// network so a fresh clone has something to search. A store that cannot be reached (a Neo4j server down, wrong
/// credentials) is reported in one log line, /healthz fails, and preparation is retried in the background until it
/// succeeds, instead of the process dying with a stack trace.
/// </summary>
public sealed partial class StoreInitializer(
    IExpertiseStore store, IOptions<SeedOptions> seedOptions, StoreReadiness readiness, IHostApplicationLifetime lifetime,
    ILogger<StoreInitializer> logger) : IHostedService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(10);
    private Task? retrying;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PrepareAsync(cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            LogUnavailable(logger, e.Message, RetryEvery.TotalSeconds);
            readiness.MarkUnavailableAtStart();
            retrying = RetryAsync(lifetime.ApplicationStopping);
        }
    }

    /// <summary>The retry loop ends with the application (ApplicationStopping is cancelled before hosted services stop).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (retrying is not null)
        {
            await retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryEvery, cancellationToken);
                await PrepareAsync(cancellationToken);
                LogRecovered(logger);
                return;
            }
            catch (StoreUnavailableException)
            {
                // Still down: the first line said so; /healthz keeps failing until the store answers.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        var options = seedOptions.Value;
        if (options.DemoOnEmpty && await store.IsEmptyAsync(cancellationToken))
        {
            var started = TimeProvider.System.GetTimestamp();
            var network = new NetworkGenerator(options.DemoSeed, DateOnly.FromDateTime(DateTime.UtcNow)).Generate(options.DemoPeople);
            await store.ImportAsync(network, replaceExisting: false, progress: null, cancellationToken);
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            LogDemoSeeded(logger, network.People.Count, network.RelationshipCount, seconds);
        }

        readiness.MarkMigrated();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The store was empty: seeded the demo network ({People} people, {Relationships} relationships) in {Seconds:F1} s")]
    private static partial void LogDemoSeeded(ILogger logger, int people, long relationships, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store is unavailable: {Reason} /healthz reports 503; retrying every {Seconds:F0} s.")]
    private static partial void LogUnavailable(ILogger logger, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is available again: schema applied.")]
    private static partial void LogRecovered(ILogger logger);
}
