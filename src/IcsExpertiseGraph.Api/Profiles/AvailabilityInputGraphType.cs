using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Profiles;

public sealed class AvailabilityInputGraphType : InputObjectGraphType
{
    public AvailabilityInputGraphType()
    {
        Name = "AvailabilityInput";
        Field<EnumerationGraphType<AvailabilityStatus>>("status");
        Field<IntGraphType>("hoursPerMonth").Description($"0 to {ProfileValidation.HoursPerMonthMax}.");
        Field<BooleanGraphType>("openToCrossOrganisation");
        Field<StringGraphType>("terms").Description($"At most {ProfileValidation.TermsMax} characters.");
    }
}
