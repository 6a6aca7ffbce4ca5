using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQL;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>Query fields for finding people: <c>person</c>, <c>people</c> and <c>searchExperts</c>.</summary>
public static class ExpertQueries
{
    public static void AddExpertQueries(this ObjectGraphType query)
    {
        query.Field<PersonGraphType>("person")
            .Description("A person by id; null when there is no such person or the caller may not see them.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Request().People.Load(c.IdArgument("Person")));

        query.Field<NonNullGraphType<ConnectionGraphType<PersonGraphType, Person>>>("people")
            .Description("Everyone the caller may see, by name.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var request = c.Request();
                var page = await request.Store.ListPeopleAsync(request.Viewer, c.PageRequest(), c.CancellationToken);
                return page.ToConnection();
            });

        query.Field<NonNullGraphType<ExpertSearchConnectionGraphType>>("searchExperts")
            .Description("Experts ranked for a need in plain words, narrowed by the filter; people the caller may not see are never counted.")
            .Argument<StringGraphType>("query", $"Plain words, up to {SearchText.MaxQueryLength} characters, e.g. \"SPC and systems thinking\".")
            .Argument<ExpertFilterInputGraphType>("filter")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var query = c.GetArgument<string?>("query");
                if (query?.Length > SearchText.MaxQueryLength)
                {
                    throw new BadUserInputError("query", $"query is longer than {SearchText.MaxQueryLength} characters.");
                }

                var page = c.PageRequest();
                var filter = ExpertFilterInputGraphType.Read(c, c.GetArgument<Dictionary<string, object?>?>("filter"));
                var request = c.Request();
                var ranked = await c.RequestServices!.GetRequiredService<ExpertSearch>().SearchAsync(query, filter, request.Viewer, c.CancellationToken);
                var items = ranked.Skip(page.Offset).Take(page.Limit).ToList();
                return new Page<RankedExpert>(items, ranked.Count, page.Offset).ToConnection();
            });
    }
}

public sealed class ExpertFilterInputGraphType : InputObjectGraphType
{
    public ExpertFilterInputGraphType()
    {
        Name = "ExpertFilter";
        Description = "Values within one field are alternatives (any of them); different fields must all hold.";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("skillIds").Description("Holds any of these skills, or a narrower one.");
        Field<EnumerationGraphType<SkillLevel>>("minLevel").Description("At this level or deeper, in the skills or domains asked for.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<QualityDomain>>>>("domains").Description("Holds a skill in any of these domains.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("icsIds").Description("Works, now, for an organisation in any of these ICSs.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("placeIds").Description("Works, now, for an organisation serving any of these places.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<OrganisationType>>>>("organisationTypes").Description("Works, now, for an organisation of any of these types.");
        Field<BooleanGraphType>("availableOnly").Description("Only people whose availability is OPEN or LIMITED.");
        Field<BooleanGraphType>("openToCrossOrganisation").Description("Only people who are (true) or are not (false) open to work for other organisations.");
    }

    internal static ExpertFilter Read(IResolveFieldContext context, Dictionary<string, object?>? input)
    {
        if (input is null)
        {
            return ExpertFilter.None;
        }

        return new ExpertFilter(
            context.IdListArgument(input, "skillIds", "Skill", "filter.skillIds"),
            input.GetValueOrDefault("minLevel") as SkillLevel?,
            Enums<QualityDomain>(input, "domains"),
            context.IdListArgument(input, "icsIds", "IntegratedCareSystem", "filter.icsIds"),
            context.IdListArgument(input, "placeIds", "Place", "filter.placeIds"),
            Enums<OrganisationType>(input, "organisationTypes"),
            input.GetValueOrDefault("availableOnly") as bool? ?? false,
            input.GetValueOrDefault("openToCrossOrganisation") as bool?);
    }

    private static IReadOnlyList<T> Enums<T>(Dictionary<string, object?> input, string key) where T : struct, Enum =>
        input.GetValueOrDefault(key) is IEnumerable<object?> values ? [.. values.OfType<T>()] : [];
}

public sealed class ExpertSearchEdgeGraphType : ObjectGraphType<Edge<RankedExpert>>
{
    public ExpertSearchEdgeGraphType()
    {
        Name = "ExpertSearchEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Higher ranks first.").Resolve(c => c.Source.Node.Score);
        Field<NonNullGraphType<PersonGraphType>>("node").Resolve(c => c.Request().People.Load(c.Source.Node.PersonId));
    }
}

public sealed class ExpertSearchConnectionGraphType : ObjectGraphType<Connection<RankedExpert>>
{
    public ExpertSearchConnectionGraphType()
    {
        Name = "ExpertSearchConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many visible people match, across every page.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => PageInfo.Of(c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertSearchEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
    }
}
