using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

public sealed class ProjectGraphType : ObjectGraphType<Project>
{
    public ProjectGraphType()
    {
        Name = "Project";
        this.AsNode(x => x.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("aim").Resolve(c => c.Source.Aim);
        Field<NonNullGraphType<EnumerationGraphType<ProjectStatus>>>("status").Resolve(c => c.Source.Status);
        Field<DateScalar>("startDate").Resolve(c => c.Source.StartDate);
        Field<DateScalar>("endDate").Resolve(c => c.Source.EndDate);
        Field<StringGraphType>("outcomeSummary").Resolve(c => c.Source.OutcomeSummary);
        Field<OrganisationGraphType>("hostOrganisation")
            .Resolve(c => c.Source.HostOrganisationId is { } id ? c.Request().Organisations.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("methods").Description("The skills the project used.")
            .Resolve(c => c.Request().MethodsOfProjects.Load(c.Source.Id).Then(async (ids, ct) =>
            {
                var catalog = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(ct);
                return (ids ?? []).Select(catalog.Find).OfType<Skill>().ToList();
            }));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContributionGraphType>>>>("contributors")
            .Description("Who contributed, leads first; people you may not see are left out.")
            .Resolve(c => c.Request().ContributionsToProjects.Load(c.Source.Id).Then(list => list ?? []));
    }
}
