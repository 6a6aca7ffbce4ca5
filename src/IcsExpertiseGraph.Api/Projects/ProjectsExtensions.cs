using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

public static class ProjectsExtensions
{
    /// <summary>
    /// Projects and contributions: their graph types. Their root fields join the schema in <see cref="QueryGraphType"/>
    /// and <see cref="MutationGraphType"/>.
    /// </summary>
    public static IServiceCollection AddProjects(this IServiceCollection services) =>
        services.AddGraphTypesOf(typeof(ProjectQueries));
}
