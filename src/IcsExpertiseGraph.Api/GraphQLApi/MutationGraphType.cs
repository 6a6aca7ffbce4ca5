using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Projects;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>The root of all writes: each feature's <c>Add…Mutations</c>, in the order the schema prints them.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        this.AddProfileMutations();
        this.AddProjectMutations();
        this.AddOrganisationMutations();
        this.AddDataRightsMutations();
        this.AddInvitationMutations();
        this.AddSignInMutations();
    }
}
