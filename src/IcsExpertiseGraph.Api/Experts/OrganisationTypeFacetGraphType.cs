using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class OrganisationTypeFacetGraphType : ObjectGraphType<FacetCount<OrganisationType>>
{
    public OrganisationTypeFacetGraphType()
    {
        Name = "OrganisationTypeFacet";
        Field<NonNullGraphType<EnumerationGraphType<OrganisationType>>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}
