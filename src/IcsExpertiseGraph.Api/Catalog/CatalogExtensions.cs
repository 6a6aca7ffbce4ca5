namespace IcsExpertiseGraph.Api.Catalog;

public static class CatalogExtensions
{
    /// <summary>The catalogue: the skill taxonomy kept in memory, and who may list people (<c>Directory:AllowAnonymousSearch</c>).</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SkillCatalog>();
        services.Configure<DirectoryOptions>(configuration.GetSection(DirectoryOptions.Section));
        return services;
    }
}
