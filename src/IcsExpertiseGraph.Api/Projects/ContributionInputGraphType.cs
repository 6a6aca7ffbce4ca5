using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>Bound to <see cref="ContributionInput"/>.</summary>
public sealed class ContributionInputGraphType : InputObjectGraphType<ContributionInput>
{
    public ContributionInputGraphType()
    {
        Name = "ContributionInput";
        Field<NonNullGraphType<IdGraphType>>("projectId");
        Field<NonNullGraphType<EnumerationGraphType<ContributionRole>>>("role");
        Field<DateScalar>("from");
        Field<DateScalar>("to");
    }
}
