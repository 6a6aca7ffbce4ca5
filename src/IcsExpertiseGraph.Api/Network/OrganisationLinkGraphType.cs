using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Network;

public sealed class OrganisationLinkGraphType : ObjectGraphType<OrganisationLink>
{
    public OrganisationLinkGraphType()
    {
        Name = "OrganisationLink";
        Field<NonNullGraphType<OrganisationGraphType>>("from").Resolve(c => c.Request().Organisations.Load(c.Source.From));
        Field<NonNullGraphType<OrganisationGraphType>>("to").Resolve(c => c.Request().Organisations.Load(c.Source.To));
        Field<NonNullGraphType<IntGraphType>>("weight").Description("Shared projects summed over the pairs of people.").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<IntGraphType>>("collaborations").Description("Pairs of people who work together across the two.").Resolve(c => c.Source.Collaborations);
    }
}
