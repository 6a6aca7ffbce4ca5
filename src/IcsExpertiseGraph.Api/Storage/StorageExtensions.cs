using IcsExpertiseGraph.Api.Storage.Neo4j;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
                services.AddStorePort<SqliteExpertiseStore>();
                break;
            case "NEO4J":
                services.AddOptions<Neo4jOptions>().Bind(configuration.GetSection(Neo4jOptions.Section))
                    .Validate(o => o.Uri is { IsAbsoluteUri: true }, "Storage:Neo4j:Uri must be the server's HTTP address, e.g. http://localhost:7474.")
                    .ValidateOnStart();
                services.AddSingleton<CypherStatements>();
                services.AddSingleton(sp => sp.GetRequiredService<IOptions<Neo4jOptions>>().Value);
                services.AddSingleton(sp => new Neo4jQueryClient(Neo4jHttp.Create(), sp.GetRequiredService<Neo4jOptions>()));
                services.AddStorePort<Neo4jExpertiseStore>();
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{provider}' is not known; use 'Sqlite' (embedded, the default) or 'Neo4j'.");
        }

        // The store is migrated (and seeded) before the read models are built from it: hosted services start in the order
        // registered, so both are registered here, together, never by Program.cs's order.
        services.AddHostedService<StoreInitializer>();
        services.AddReadModels(configuration);
        return services;
    }

    /// <summary>
    /// The read models' upkeep (<c>ReadModels:*</c>): built at start, kept current from the change feed, a writer's own
    /// writes applied before its answer. Each model (the expert index, the collaboration graph) is its feature's.
    /// </summary>
    private static IServiceCollection AddReadModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<ReadModelOptions>(configuration.GetSection(ReadModelOptions.Section));
        services.AddSingleton<ReadYourWrites>();
        services.AddHostedService<ReadModelWarmup>();
        services.AddSingleton<ReadModelFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<ReadModelFollower>());
        return services;
    }

    /// <summary>
    /// The port is the adapter wrapped by every <see cref="StoreDecorator"/> registered, whenever it was registered: a
    /// feature that wraps the store (tracing) need not come after the store in Program.cs.
    /// </summary>
    private static void AddStorePort<TAdapter>(this IServiceCollection services) where TAdapter : class, IExpertiseStore
    {
        services.AddSingleton<TAdapter>();
        services.AddSingleton<IExpertiseStore>(provider =>
            provider.GetServices<StoreDecorator>().Aggregate((IExpertiseStore)provider.GetRequiredService<TAdapter>(), (store, decorator) => decorator.Wrap(store)));
    }
}

