using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IcsExpertiseGraph.Api.GraphQLApi;

public static class FeatureGraphTypes
{
    /// <summary>
    /// Registers the graph types a feature declares: every concrete <see cref="IGraphType"/> in the folder (namespace)
    /// of <paramref name="feature"/>, transient as GraphQL.NET requires (the schema resolves each once as it is built).
    /// Each feature's <c>AddX</c> calls it for its own folder; registering twice changes nothing, so the features may
    /// be added in any order. A type no feature registers stops the schema from being built, at start.
    /// </summary>
    public static IServiceCollection AddGraphTypesOf(this IServiceCollection services, Type feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        foreach (var type in feature.Assembly.GetTypes().Where(type =>
            type.Namespace == feature.Namespace && type.IsClass && !type.IsAbstract && typeof(IGraphType).IsAssignableFrom(type)))
        {
            services.TryAddTransient(type);
        }

        return services;
    }
}
