using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Catalog;

public static class CatalogExtensions
{
    /// <summary>The catalogue: the skill taxonomy kept in memory, who may list people (<c>Directory:AllowAnonymousSearch</c>), and its graph types.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SkillCatalog>();
        services.AddGraphTypesOf(typeof(CatalogQueries));
        services.Configure<DirectoryOptions>(configuration.GetSection(DirectoryOptions.Section));
        return services;
    }
}
