using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Network;

public sealed class OrganisationCollaborationGraphType : ObjectGraphType<OrganisationCollaboration>
{
    public OrganisationCollaborationGraphType()
    {
        Name = "OrganisationCollaboration";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationLinkGraphType>>>>("links").Resolve(c => c.Source.Links);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationShareGraphType>>>>("organisations").Resolve(c => c.Source.Organisations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationGraphType>>>>("isolated")
            .Description("Organisations whose people share no project with anyone in another organisation.")
            .Resolve(c => c.Request().Organisations.LoadMany(c.Source.Isolated));
    }
}
