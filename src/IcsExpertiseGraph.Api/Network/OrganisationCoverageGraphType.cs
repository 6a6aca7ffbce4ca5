using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

public sealed class OrganisationCoverageGraphType : ObjectGraphType<OrganisationCoverage>
{
    public OrganisationCoverageGraphType()
    {
        Name = "OrganisationCoverage";
        Field<NonNullGraphType<OrganisationGraphType>>("organisation").Resolve(c => c.Source.Organisation);
        Field<NonNullGraphType<IntGraphType>>("peopleCounted").Description("People you may see who currently work here.").Resolve(c => c.Source.PeopleCounted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageCellGraphType>>>>("cells").Description("One per quality domain, in the enum's order.")
            .Resolve(c => c.Source.Cells);
    }
}
