using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Network;

public static class NetworkExtensions
{
    /// <summary>The collaboration graph kept in memory (paths, neighbourhoods, brokers, coverage) and its graph types; its exports are mapped by MapExports.</summary>
    public static IServiceCollection AddNetwork(this IServiceCollection services)
    {
        services.AddSingleton<CollaborationGraphHost>();
        services.AddGraphTypesOf(typeof(NetworkQueries));
        return services;
    }
}
