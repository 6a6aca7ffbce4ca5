using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Network;

public sealed class NetworkNodeGraphType : ObjectGraphType<NetworkNode>
{
    public NetworkNodeGraphType()
    {
        Name = "NetworkNode";
        Field<NonNullGraphType<PersonGraphType>>("person").Resolve(c => c.Request().People.Load(c.Source.PersonId));
        Field<OrganisationGraphType>("organisation").Description("Their primary current employer.")
            .Resolve(c => c.Source.OrganisationId is { } id ? c.Request().Organisations.Load(id) : null);
        Field<NonNullGraphType<FloatGraphType>>("betweenness")
            .Description("How many shortest collaboration chains pass through them (sampled on large graphs); the same figure brokers gives.")
            .Resolve(c => c.Source.Betweenness);
        Field<DateTimeScalar>("betweennessComputedAt")
            .Description("When betweenness was computed (in the background after the network changes, at most every 30 seconds); null when betweenness was not asked for.")
            .Resolve(c => c.Source.BetweennessComputedAt);
        Field<NonNullGraphType<FloatGraphType>>("chainShare")
            .Description("The share (0 to 1) of shortest collaboration chains between other members of the network that pass through them.")
            .Resolve(c => c.Source.ChainShare);
    }
}
