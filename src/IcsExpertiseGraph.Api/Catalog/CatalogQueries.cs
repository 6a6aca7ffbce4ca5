using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Projects;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Catalog;

/// <summary>Query fields for the catalogue: ICSs, places, organisations and skills, and <c>node</c> (any object by its id).</summary>
public static class CatalogQueries
{
    public static void AddCatalogQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Any object by its global id; null when it does not exist or the caller may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var raw = c.GetArgument<string>("id");
                if (!GlobalId.TryDecode(raw, out var type, out var id))
                {
                    throw new BadUserInputError("id", $"'{raw}' is not a valid id.");
                }

                var request = c.Request();
                return type switch
                {
                    "Person" => await request.People.Load(id).GetResultAsync(c.CancellationToken),
                    "Organisation" => await request.Organisations.Load(id).GetResultAsync(c.CancellationToken),
                    "IntegratedCareSystem" => await request.IntegratedCareSystems.Load(id).GetResultAsync(c.CancellationToken),
                    "Place" => await request.Places.Load(id).GetResultAsync(c.CancellationToken),
                    "Project" => await request.Projects.Load(id).GetResultAsync(c.CancellationToken),
                    "Skill" => (await Catalog(c).GetAsync(c.CancellationToken)).Find(id),
                    _ => throw new BadUserInputError("id", $"'{raw}' is not a valid id."),
                };
            });

        query.Field<OrganisationGraphType>("organisation").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Request().Organisations.Load(c.IdArgument("Organisation")));
        query.Field<IntegratedCareSystemGraphType>("integratedCareSystem").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Request().IntegratedCareSystems.Load(c.IdArgument("IntegratedCareSystem")));
        query.Field<PlaceGraphType>("place").Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Request().Places.Load(c.IdArgument("Place")));
        query.Field<SkillGraphType>("skill").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => (await Catalog(c).GetAsync(c.CancellationToken)).Find(c.IdArgument("Skill")));

        query.Field<NonNullGraphType<ConnectionGraphType<IntegratedCareSystemGraphType, IntegratedCareSystem>>>("integratedCareSystems")
            .Description("The ICSs of England, by name.")
            .PagingArguments(defaultFirst: 50)
            .ResolveAsync(async c => (await c.Request().Store.ListIntegratedCareSystemsAsync(c.PageRequest(), c.CancellationToken)).ToConnection());

        query.Field<NonNullGraphType<ConnectionGraphType<OrganisationGraphType, Organisation>>>("organisations")
            .Description("Organisations by name, optionally filtered.")
            .Argument<OrganisationFilterInputGraphType>("filter")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var page = c.PageRequest();
                var input = c.GetArgument<Dictionary<string, object?>?>("filter");
                var name = input?.GetValueOrDefault("nameContains") as string;
                if (name?.Length > 200)
                {
                    throw new BadUserInputError("filter.nameContains", "nameContains is longer than 200 characters.");
                }

                var filter = new OrganisationFilter(
                    c.IdListArgument(input, "icsIds", "IntegratedCareSystem", "filter.icsIds"),
                    input?.GetValueOrDefault("types") is IEnumerable<object?> types ? [.. types.OfType<OrganisationType>()] : [],
                    string.IsNullOrWhiteSpace(name) ? null : name.Trim());
                return (await c.Request().Store.ListOrganisationsAsync(filter, page, c.CancellationToken)).ToConnection();
            });

        query.Field<NonNullGraphType<ConnectionGraphType<SkillGraphType, Skill>>>("skills")
            .Description("The skill taxonomy by name; query matches names and aliases, ignoring case and punctuation: an exact name or alias first, then names starting with the words, then names containing them, then alias matches.")
            .Argument<StringGraphType>("query")
            .Argument<EnumerationGraphType<QualityDomain>>("domain")
            .PagingArguments(defaultFirst: 50)
            .ResolveAsync(async c =>
            {
                var page = c.PageRequest();
                var text = c.GetArgument<string?>("query");
                if (text?.Length > 200)
                {
                    throw new BadUserInputError("query", "query is longer than 200 characters.");
                }

                var domain = c.GetArgument<QualityDomain?>("domain");
                var taxonomy = await Catalog(c).GetAsync(c.CancellationToken);
                var matching = SkillPickerOrder.Find(taxonomy, taxonomy.All.Where(s => domain is null || s.Domain == domain), text);
                return new Page<Skill>([.. matching.Skip(page.Offset).Take(page.Limit)], matching.Count, page.Offset).ToConnection();
            });
    }

    private static SkillCatalog Catalog(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<SkillCatalog>();
}
