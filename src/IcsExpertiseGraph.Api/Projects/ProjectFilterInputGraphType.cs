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
        Field<BooleanGraphType>("withoutLead").Description("Only projects with no lead you can see (true): those a network manager may give a lead with assignProjectLead.");
        Field<StringGraphType>("query").Description($"Words each of which the title or the host organisation's name contains, in any case (a project picker's search); up to {ProjectQueries.QueryMax} characters.");
    }
}
