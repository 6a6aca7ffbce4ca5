using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>Bound to <see cref="CreateProjectInput"/>.</summary>
public sealed class CreateProjectInputGraphType : InputObjectGraphType<CreateProjectInput>
{
    public CreateProjectInputGraphType()
    {
        Name = "CreateProjectInput";
        Field<NonNullGraphType<StringGraphType>>("title").Description($"1 to {ProjectMutations.TitleMax} characters.");
        Field<StringGraphType>("aim");
        Field<EnumerationGraphType<ProjectStatus>>("status").Description("PLANNED when left out.");
        Field<DateScalar>("startDate");
        Field<DateScalar>("endDate");
        Field<StringGraphType>("outcomeSummary");
        Field<IdGraphType>("hostOrganisationId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("methodSkillIds").Description("The skills (methods) the project uses.");
    }
}
