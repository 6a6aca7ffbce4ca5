using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

public sealed class CoverageCellGraphType : ObjectGraphType<CoverageCell>
{
    public CoverageCellGraphType()
    {
        Name = "CoverageCell";
        Description = "One domain in one area: people there with a skill in it at expert or coach level, and at practitioner level only.";
        Field<NonNullGraphType<EnumerationGraphType<QualityDomain>>>("domain").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<IntGraphType>>("expertCount").Description("People here with a skill in this domain at expert or coach level.").Resolve(c => c.Source.ExpertCount);
        Field<NonNullGraphType<IntGraphType>>("practitionerCount").Description("People here at practitioner level in it (and not expert).").Resolve(c => c.Source.PractitionerCount);
    }
}
