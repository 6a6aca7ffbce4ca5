using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

public sealed class PlaceCoverageGraphType : ObjectGraphType<PlaceCoverage>
{
    public PlaceCoverageGraphType()
    {
        Name = "PlaceCoverage";
        Field<NonNullGraphType<PlaceGraphType>>("place").Resolve(c => c.Source.Place);
        Field<NonNullGraphType<IntGraphType>>("peopleCounted").Description("People you may see with a current employer in the ICS that serves this place.")
            .Resolve(c => c.Source.PeopleCounted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageCellGraphType>>>>("cells").Description("One per quality domain, in the enum's order.")
            .Resolve(c => c.Source.Cells);
    }
}
