using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Projects;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>The root of all reads: each feature's <c>Add…Queries</c>, in the order the schema prints them.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        this.AddCatalogQueries();
        this.AddProjectQueries();
        this.AddExpertQueries();
        this.AddProfileQueries();
        this.AddNetworkQueries();
        this.AddInvitationQueries();
        this.AddSignInQueries();
    }
}
