using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class AvailabilityGraphType : ObjectGraphType<Availability>
{
    public AvailabilityGraphType()
    {
        Name = "Availability";
        Field<NonNullGraphType<EnumerationGraphType<AvailabilityStatus>>>("status").Resolve(c => c.Source.Status);
        Field<IntGraphType>("hoursPerMonth").Resolve(c => c.Source.HoursPerMonth);
        Field<NonNullGraphType<BooleanGraphType>>("openToCrossOrganisation").Description("Willing to help organisations other than their own.")
            .Resolve(c => c.Source.OpenToCrossOrganisation);
        Field<StringGraphType>("terms").Resolve(c => c.Source.Terms);
    }
}
