using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Projects;

public sealed class ProjectFilterInputGraphType : InputObjectGraphType
{
    public ProjectFilterInputGraphType()
    {
        Name = "ProjectFilter";
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<ProjectStatus>>>>("statuses").Description("In any of these statuses.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("hostOrganisationIds").Description("Hosted by any of these organisations.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("methodSkillIds").Description("Used any of these skills.");
    }
}
