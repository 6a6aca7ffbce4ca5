using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Profiles;

public static class ProfilesExtensions
{
    /// <summary>
    /// Profiles: the caller's own profile (<c>me</c>, its mutations, data rights, the audit trail) and bulk import; their
    /// graph types. Its root fields join the schema in <see cref="QueryGraphType"/> and <see cref="MutationGraphType"/>.
    /// </summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services) =>
        services.AddGraphTypesOf(typeof(ProfileQueries));
}
