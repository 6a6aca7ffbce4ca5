using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// The collaboration graph: paths and neighbourhoods for any signed-in member; organisation collaboration,
/// brokers, communities and coverage for network managers and admins. Visibility applies throughout.
/// </summary>
public static class NetworkQueries
{
    public const int MaxHops = 6;
    public const int MaxNetworkHops = 3;
    public const int MaxNetworkLimit = 1000;

    public static void AddNetworkQueries(this ObjectGraphType query)
    {
        query.Field<CollaborationPathGraphType>("collaborationPath")
            .Description("The shortest warm-introduction chain between two people, through people you may see; null when there is none within maxHops.")
            .Argument<NonNullGraphType<IdGraphType>>("from")
            .Argument<NonNullGraphType<IdGraphType>>("to")
            .Argument<IntGraphType>("maxHops", $"1..{MaxHops}.", a => a.DefaultValue = MaxHops)
            .ResolveAsync(async c =>
            {
                Access.RequireMember(c);
                var maxHops = c.GetArgument<int?>("maxHops") ?? MaxHops;
                if (maxHops is < 1 or > MaxHops)
                {
                    throw new BadUserInputError("maxHops", $"maxHops must be between 1 and {MaxHops}.");
                }

                var graph = await Graph(c);
                var from = VisiblePosition(c, graph, "from");
                var to = VisiblePosition(c, graph, "to");
                var viewer = c.Request().Viewer;
                var path = GraphAlgorithms.ShortestPath(graph, from, to, maxHops, p => graph.Visible(p, viewer));
                return path is null ? null : new CollaborationPathResult(
                    [.. path.People.Select(graph.PersonId)], [.. path.Links.Select(graph.MostRecentProject)]);
            });

        query.Field<NonNullGraphType<CollaborationNetworkGraphType>>("collaborationNetwork")
            .Description("The people around someone and how they are linked, for drawing.")
            .Argument<NonNullGraphType<IdGraphType>>("around")
            .Argument<IntGraphType>("hops", $"1..{MaxNetworkHops}.", a => a.DefaultValue = 2)
            .Argument<IntGraphType>("limit", $"Most people to return, 1..{MaxNetworkLimit}.", a => a.DefaultValue = 200)
            .ResolveAsync(async c =>
            {
                Access.RequireMember(c);
                var hops = c.GetArgument<int?>("hops") ?? 2;
                var limit = c.GetArgument<int?>("limit") ?? 200;
                if (hops is < 1 or > MaxNetworkHops)
                {
                    throw new BadUserInputError("hops", $"hops must be between 1 and {MaxNetworkHops}.");
                }

                if (limit is < 1 or > MaxNetworkLimit)
                {
                    throw new BadUserInputError("limit", $"limit must be between 1 and {MaxNetworkLimit}.");
                }

                var graph = await Graph(c);
                var centre = VisiblePosition(c, graph, "around");
                var viewer = c.Request().Viewer;
                var found = GraphAlgorithms.Around(graph, centre, hops, limit, p => graph.Visible(p, viewer));
                return new CollaborationNetworkResult(graph, found.People, Edges(graph, found), hops, found.Truncated);
            });

        query.Field<NonNullGraphType<SystemNetworkGraphType>>("systemNetwork")
            .Description("Network managers: the people working in an ICS and how they are linked, for drawing; those most collaboration chains pass through first.")
            .Argument<NonNullGraphType<IdGraphType>>("icsId")
            .Argument<IntGraphType>("limit", $"Most people to return, 1..{MaxNetworkLimit}.", a => a.DefaultValue = 200)
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var limit = c.GetArgument<int?>("limit") ?? 200;
                if (limit is < 1 or > MaxNetworkLimit)
                {
                    throw new BadUserInputError("limit", $"limit must be between 1 and {MaxNetworkLimit}.");
                }

                var icsId = (await OptionalIcsAsync(c))!.Value;
                var graph = await Graph(c);
                var scores = await c.RequestServices!.GetRequiredService<CollaborationGraphHost>().BrokersAsync(graph, c.CancellationToken);
                var viewer = c.Request().Viewer;
                var found = GraphAlgorithms.System(graph, icsId, scores.BetweennessOf, limit, p => graph.Visible(p, viewer));
                return new CollaborationNetworkResult(graph, found.People, Edges(graph, found), 0, found.Truncated);
            });

        query.Field<NonNullGraphType<OrganisationCollaborationGraphType>>("organisationCollaboration")
            .Description("Network managers: how organisations work together (in one ICS, or everywhere), and which work alone.")
            .Argument<IdGraphType>("icsId")
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var icsId = await OptionalIcsAsync(c);
                var index = await Index(c);
                return NetworkReports.Organisations(await Graph(c), index.Organisations, icsId, c.Request().Viewer);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BrokerGraphType>>>>("brokers")
            .Description("Network managers: the people most collaboration chains pass through, with the organisations they bridge.")
            .Argument<IdGraphType>("icsId")
            .Argument<IntGraphType>("first", "1..100.", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var icsId = await OptionalIcsAsync(c);
                var first = c.First(10);

                var graph = await Graph(c);
                var scores = await c.RequestServices!.GetRequiredService<CollaborationGraphHost>().BrokersAsync(graph, c.CancellationToken);
                var viewer = c.Request().Viewer;
                var share = NetworkReports.ChainShare(graph);
                return scores.Ranking
                    .Where(p => (icsId is null || graph.SystemOf(p) == icsId) && graph.Visible(p, viewer))
                    .Take(first)
                    .Select((p, i) => new Broker(graph.PersonId(p), scores.Figure(p), scores.BridgedBy(p), scores.ComputedAt, i + 1, share(scores.BetweennessOf(p))))
                    .ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommunityGraphType>>>>("communities")
            .Description("Network managers: clusters of people who work together, largest first (label propagation, stable for the same data).")
            .Argument<IdGraphType>("icsId")
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var index = await Index(c);
                return NetworkReports.Communities(await Graph(c), index, await OptionalIcsAsync(c), c.Request().Viewer);
            });

        query.Field<NonNullGraphType<ExpertiseCoverageGraphType>>("expertiseCoverage")
            .Description("Network managers: how well each quality domain is covered in an ICS, its gaps, and whether assurance dominates.")
            .Argument<NonNullGraphType<IdGraphType>>("icsId")
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var icsId = (await OptionalIcsAsync(c))!.Value;
                var index = await Index(c);
                var viewer = c.Request().Viewer;
                // The ICS's places come from the store (the index knows only the places organisations serve, and a heatmap
                // shows the empty ones too); asked only when this snapshot has no report for this kind of viewer yet.
                return await index.MemoAsync($"coverage|{icsId}|{index.ViewKey(viewer)}", async () =>
                    NetworkReports.Coverage(index, icsId, await c.Request().PlacesOfSystems.Load(icsId).GetResultAsync(c.CancellationToken) ?? [], viewer));
            });
    }

    private static List<NetworkEdge> Edges(CollaborationGraph graph, Neighbourhood found) =>
        [.. found.Links.Select(l => new NetworkEdge(graph.PersonId(l.A), graph.PersonId(l.B), graph.Weight(l.Link), [.. graph.ProjectsOf(l.Link)]))];

    private static async Task<CollaborationGraph> Graph(IResolveFieldContext context) =>
        await context.RequestServices!.GetRequiredService<CollaborationGraphHost>().GetAsync(context.CancellationToken, MinimumFor(context));

    private static async Task<ExpertIndex> Index(IResolveFieldContext context) =>
        await context.RequestServices!.GetRequiredService<ExpertIndexHost>().GetAsync(context.CancellationToken, MinimumFor(context));

    private static long MinimumFor(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<Storage.ReadYourWrites>().MinimumFor(context.Request().Viewer);

    private static int VisiblePosition(IResolveFieldContext context, CollaborationGraph graph, string argument)
    {
        var id = context.IdArgument("Person", argument);
        return graph.Position(id) is { } position && graph.Visible(position, context.Request().Viewer)
            ? position
            : throw new NotFoundException(argument, "There is no person with that id that you may see.");
    }

    private static async Task<Guid?> OptionalIcsAsync(IResolveFieldContext context)
    {
        if (context.GetArgument<string?>("icsId") is not { } raw)
        {
            return null;
        }

        var id = GlobalId.Parse(raw, "IntegratedCareSystem", "icsId");
        return await context.Request().IntegratedCareSystems.Load(id).GetResultAsync(context.CancellationToken) is not null
            ? id
            : throw new NotFoundException("icsId", ErrorTexts.NoIntegratedCareSystemWithId);
    }
}
