using IcsExpertiseGraph.Api.GraphQLApi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IcsExpertiseGraph.Api.Experts;

public static class ExpertsExtensions
{
    /// <summary>Expert search over the in-memory index (<c>Search:*</c>), similar experts and team proposals, and their graph types.</summary>
    public static IServiceCollection AddExperts(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton<ExpertIndexHost>();
        services.AddSingleton<ExpertSearch>();
        services.AddSingleton<SimilarExperts>();
        services.AddSingleton<TeamAssembler>();
        services.AddGraphTypesOf(typeof(ExpertQueries));
        return services;
    }
}
