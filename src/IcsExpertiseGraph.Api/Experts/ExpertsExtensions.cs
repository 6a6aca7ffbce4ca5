using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IcsExpertiseGraph.Api.Experts;

public static class ExpertsExtensions
{
    /// <summary>Expert search over the in-memory index (<c>Search:*</c>), similar experts and team proposals.</summary>
    public static IServiceCollection AddExperts(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton<ExpertIndexHost>();
        services.AddSingleton<ExpertSearch>();
        services.AddSingleton<SimilarExperts>();
        services.AddSingleton<TeamAssembler>();
        return services;
    }
}
