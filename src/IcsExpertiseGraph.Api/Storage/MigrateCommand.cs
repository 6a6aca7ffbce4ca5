namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// <c>migrate</c>: brings the configured store's schema up to date (SQLite migrations; Neo4j constraints and indexes,
/// all idempotent) and exits. The service does the same at start; operators run it ahead of a deployment.
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IExpertiseStore>();
        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"The {provider} store is unavailable: {e.Message}");
            return 1;
        }

        Console.WriteLine($"The {provider} store's schema is up to date (change sequence {await store.GetChangeSequenceAsync(cancellationToken)}).");
        return 0;
    }
}
