using GraphQL.Types;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Network;

public sealed class BrokerGraphType : ObjectGraphType<Broker>
{
    public BrokerGraphType()
    {
        Name = "Broker";
        Field<NonNullGraphType<PersonGraphType>>("person").Resolve(c => c.Request().People.Load(c.Source.PersonId));
        Field<NonNullGraphType<FloatGraphType>>("betweenness").Description("How many shortest collaboration chains pass through them (sampled on large graphs).")
            .Resolve(c => c.Source.Betweenness);
        Field<NonNullGraphType<IntGraphType>>("organisationsBridged").Description("Distinct organisations among them and the people they work with.")
            .Resolve(c => c.Source.OrganisationsBridged);
        Field<NonNullGraphType<DateTimeScalar>>("computedAt")
            .Description("When these figures were computed: they are recomputed in the background after the network changes, at most every 30 seconds, so they can trail the latest changes by that much.")
            .Resolve(c => c.Source.ComputedAt);
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the person most chains pass through, in this list (one ICS, or everyone).")
            .Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<FloatGraphType>>("chainShare")
            .Description("The share (0 to 1) of shortest collaboration chains between other members of the network that pass through them: betweenness over the number of such pairs.")
            .Resolve(c => c.Source.ChainShare);
    }
}
