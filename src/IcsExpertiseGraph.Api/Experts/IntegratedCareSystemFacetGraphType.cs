using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class IntegratedCareSystemFacetGraphType : ObjectGraphType<FacetCount<Guid>>
{
    public IntegratedCareSystemFacetGraphType()
    {
        Name = "IntegratedCareSystemFacet";
        Field<NonNullGraphType<IdGraphType>>("value").Description("The ICS id, ready for filter.icsIds.").Resolve(c => GlobalId.Encode("IntegratedCareSystem", c.Source.Value));
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem").Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.Value));
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
