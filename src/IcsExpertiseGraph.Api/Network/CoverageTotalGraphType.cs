using GraphQL.Types;

namespace IcsExpertiseGraph.Api.Network;

public sealed class CoverageTotalGraphType : ObjectGraphType<CoverageTotal>
{
    public CoverageTotalGraphType()
    {
        Name = "CoverageTotal";
        Description = "Each person once across all the rows of a heatmap.";
        Field<NonNullGraphType<IntGraphType>>("peopleCounted").Description("Distinct people in at least one row.").Resolve(c => c.Source.PeopleCounted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageCellGraphType>>>>("cells")
            .Description("One per quality domain, in the enum's order: distinct people at expert or coach level, and at practitioner level only.")
            .Resolve(c => c.Source.Cells);
    }
}
