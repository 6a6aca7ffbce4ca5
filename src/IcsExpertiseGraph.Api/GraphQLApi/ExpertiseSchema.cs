using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Projects;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>The schema: the Query and Mutation roots (<see cref="QueryGraphType"/>, <see cref="MutationGraphType"/>), whose fields each feature adds.</summary>
public sealed class ExpertiseSchema : Schema
{
    public ExpertiseSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        RegisterType(typeof(PersonGraphType));
        RegisterType(typeof(OrganisationGraphType));
        RegisterType(typeof(IntegratedCareSystemGraphType));
        RegisterType(typeof(PlaceGraphType));
        RegisterType(typeof(SkillGraphType));
        RegisterType(typeof(ProjectGraphType));
    }
}
