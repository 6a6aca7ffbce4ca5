using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

public sealed class DomainCoverageGraphType : ObjectGraphType<DomainCoverage>
{
    public DomainCoverageGraphType()
    {
        Name = "DomainCoverage";
        Field<NonNullGraphType<EnumerationGraphType<QualityDomain>>>("domain").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<IntGraphType>>("expertCount").Description("People with a skill in this domain at expert or coach level.").Resolve(c => c.Source.ExpertCount);
        Field<NonNullGraphType<IntGraphType>>("practitionerCount").Description("People at practitioner level in it (and not expert).").Resolve(c => c.Source.PractitionerCount);
        Field<NonNullGraphType<IntGraphType>>("organisationCount").Resolve(c => c.Source.OrganisationCount);
        Field<NonNullGraphType<IntGraphType>>("placeCount").Resolve(c => c.Source.PlaceCount);
        Field<NonNullGraphType<FloatGraphType>>("share").Description("This domain's part of all practitioner-or-deeper skills in the ICS.").Resolve(c => c.Source.Share);
    }
}
