using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;

namespace IcsExpertiseGraph.Api.Catalog;

/// <summary>Mutation fields for organisations (network managers).</summary>
public static class OrganisationMutations
{
    public static void AddOrganisationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<OrganisationGraphType>>("upsertOrganisation")
            .Description("Network managers: creates an organisation, or updates the one with this id (else this ODS code).")
            .Argument<NonNullGraphType<OrganisationInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var draft = c.GetArgument<OrganisationInput>("input").ToDraft();
                return await Me.WriteAsync(c, (store, me, now, ct) => store.UpsertOrganisationAsync(draft, me, now, ct));
            });
    }
}
