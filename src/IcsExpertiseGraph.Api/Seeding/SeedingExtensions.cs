namespace IcsExpertiseGraph.Api.Seeding;

public static class SeedingExtensions
{
    /// <summary>The demo network seeded into an empty store at start (<c>Seed:*</c>); the seed verb writes its own.</summary>
    public static IServiceCollection AddSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        return services;
    }
}
