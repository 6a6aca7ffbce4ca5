using GraphQL.Types;

namespace IcsExpertiseGraph.Api.Network;

public sealed class CoverageBalanceGraphType : ObjectGraphType<CoverageBalance>
{
    public CoverageBalanceGraphType()
    {
        Name = "CoverageBalance";
        Field<NonNullGraphType<FloatGraphType>>("assuranceShare").Resolve(c => c.Source.AssuranceShare);
        Field<NonNullGraphType<FloatGraphType>>("planningImprovementControlShare").Resolve(c => c.Source.PlanningImprovementControlShare);
        Field<NonNullGraphType<BooleanGraphType>>("assuranceDominates").Resolve(c => c.Source.AssuranceDominates);
        Field<NonNullGraphType<StringGraphType>>("statement").Resolve(c => c.Source.Statement);
    }
}
