using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Profiles;

namespace IcsExpertiseGraph.Api.GraphQL;

/// <summary>The schema: one Query type whose fields each feature adds.</summary>
public sealed class ExpertiseSchema : Schema
{
    public ExpertiseSchema(IServiceProvider services, QueryGraphType query, Profiles.MutationGraphType mutation) : base(services)
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

public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        this.AddDirectoryQueries();
        this.AddExpertQueries();
        this.AddProfileQueries();
        this.AddNetworkQueries();
        this.AddInvitationOutcomes();
        this.AddSignInQueries();
    }
}
