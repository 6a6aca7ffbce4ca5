using IcsExpertiseGraph.Api.Seeding;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Runs before the server accepts requests: brings the schema up to date and, on an empty store, seeds
/// the demo network so a fresh clone has something to search.
/// </summary>
public sealed partial class StoreInitializer(
    IExpertiseStore store, IOptions<SeedOptions> seedOptions, StoreReadiness readiness, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The store was empty: seeded the demo network ({People} people, {Relationships} relationships) in {Seconds:F1} s")]
    private static partial void LogDemoSeeded(ILogger logger, int people, long relationships, double seconds);
}
