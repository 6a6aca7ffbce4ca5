using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>Query fields for projects: one by id, and a page of them by title, optionally filtered.</summary>
public static class ProjectQueries
{
    public const int QueryMax = 200;

    public static void AddProjectQueries(this ObjectGraphType query)
    {
        query.Field<ProjectGraphType>("project").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Request().Projects.Load(c.IdArgument("Project")));

        query.Field<NonNullGraphType<ConnectionGraphType<ProjectGraphType, Project>>>("projects")
            .Description("Improvement projects by title, optionally filtered.")
            .Argument<ProjectFilterInputGraphType>("filter")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var page = c.PageRequest();
                var input = c.GetArgument<Dictionary<string, object?>?>("filter");
                var query = InputText.Optional(input?.GetValueOrDefault("query") as string, "filter.query", QueryMax);
                var filter = new ProjectFilter(
                    input?.GetValueOrDefault("statuses") is IEnumerable<object?> statuses ? [.. statuses.OfType<ProjectStatus>()] : [],
                    c.IdListArgument(input, "hostOrganisationIds", "Organisation", "filter.hostOrganisationIds"),
                    c.IdListArgument(input, "methodSkillIds", "Skill", "filter.methodSkillIds"))
                {
                    Words = [.. (query ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)],
                    WithoutLeadFor = input?.GetValueOrDefault("withoutLead") is true ? c.Request().Viewer : null,
                };
                return (await c.Request().Store.ListProjectsAsync(filter, page, c.CancellationToken)).ToConnection();
            });
    }
}
