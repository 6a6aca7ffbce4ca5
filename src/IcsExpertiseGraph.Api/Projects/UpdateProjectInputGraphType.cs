using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

public sealed class UpdateProjectInputGraphType : InputObjectGraphType
{
    public UpdateProjectInputGraphType()
    {
        Name = "UpdateProjectInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("title");
        Field<StringGraphType>("aim");
        Field<EnumerationGraphType<ProjectStatus>>("status");
        Field<DateScalar>("startDate");
        Field<DateScalar>("endDate");
        Field<StringGraphType>("outcomeSummary");
        Field<IdGraphType>("hostOrganisationId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("methodSkillIds");
    }
}
