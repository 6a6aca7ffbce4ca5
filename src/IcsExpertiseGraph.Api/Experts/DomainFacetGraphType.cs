using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class DomainFacetGraphType : ObjectGraphType<FacetCount<QualityDomain>>
{
    public DomainFacetGraphType()
    {
        Name = "DomainFacet";
        Field<NonNullGraphType<EnumerationGraphType<QualityDomain>>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
