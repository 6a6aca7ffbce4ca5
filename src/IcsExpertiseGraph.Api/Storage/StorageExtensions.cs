using IcsExpertiseGraph.Api.Storage.Sqlite;

namespace IcsExpertiseGraph.Api.Storage;

public static class StorageExtensions
{
    /// <summary>Registers the configured adapter of the store port (<c>Storage:Provider</c>) and prepares it at start.</summary>
    public static IServiceCollection AddExpertiseStore(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        switch (provider.ToUpperInvariant())
        {
            case "SQLITE":
                services.Configure<SqliteOptions>(configuration.GetSection(SqliteOptions.Section));
                services.AddSingleton<SqliteConnectionFactory>();
                services.AddSingleton<IExpertiseStore, SqliteExpertiseStore>();
                break;
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{provider}' is not available in this build; use 'Sqlite' (the Neo4j adapter is tracked in its own issue).");
        }

        services.AddHostedService<StoreInitializer>();
        return services;
    }
}
