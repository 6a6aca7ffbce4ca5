using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>Bound to <see cref="AddProjectContributorInput"/>.</summary>
public sealed class AddProjectContributorInputGraphType : InputObjectGraphType<AddProjectContributorInput>
{
    public AddProjectContributorInputGraphType()
    {
        Name = "AddProjectContributorInput";
        Field<NonNullGraphType<IdGraphType>>("projectId").Description("A project you lead.");
        Field<NonNullGraphType<IdGraphType>>("personId").Description("Someone you may see.");
        Field<EnumerationGraphType<ContributionRole>>("role").Description("MEMBER when left out; never LEAD (hand the lead over once they have confirmed).");
        Field<DateScalar>("from");
        Field<DateScalar>("to");
    }
}
