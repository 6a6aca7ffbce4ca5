using IcsExpertiseGraph.Api.Storage.Neo4j;
using IcsExpertiseGraph.Api.Storage.Sqlite;
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
                services.AddSingleton<IExpertiseStore, SqliteExpertiseStore>();
                break;
            case "NEO4J":
                services.AddOptions<Neo4jOptions>().Bind(configuration.GetSection(Neo4jOptions.Section))
                    .Validate(o => o.Uri is { IsAbsoluteUri: true }, "Storage:Neo4j:Uri must be the server's HTTP address, e.g. http://localhost:7474.")
                    .ValidateOnStart();
                services.AddSingleton<CypherStatements>();
                services.AddSingleton(sp => sp.GetRequiredService<IOptions<Neo4jOptions>>().Value);
                services.AddSingleton(sp => new Neo4jQueryClient(Neo4jHttp.Create(), sp.GetRequiredService<Neo4jOptions>()));
                services.AddSingleton<IExpertiseStore, Neo4jExpertiseStore>();
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{provider}' is not known; use 'Sqlite' (embedded, the default) or 'Neo4j'.");
        }

        services.AddHostedService<StoreInitializer>();
        return services;
    }
}
