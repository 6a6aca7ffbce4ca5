using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

public sealed class CollaborationNetworkGraphType : ObjectGraphType<CollaborationNetworkResult>
{
    public CollaborationNetworkGraphType()
    {
        Name = "CollaborationNetwork";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkNodeGraphType>>>>("nodes").Description("The person at the centre first, then by distance and tie strength.")
            .ResolveAsync(NodesAsync);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<IntGraphType>>("hops").Resolve(c => c.Source.Hops);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when more people were within reach than the limit allowed.").Resolve(c => c.Source.Truncated);
    }

    /// <summary>
    /// Broker scores are awaited here, once for all the nodes, and only when a node's betweenness is asked for:
    /// right after a write they may still be computing, and a neighbourhood drawn without them need not wait.
    /// </summary>
    internal static async Task<object?> NodesAsync(global::GraphQL.IResolveFieldContext<CollaborationNetworkResult> c)
    {
        var graph = c.Source.Graph;
        var scores = c.SubFields?.Values.Any(f => f.FieldType.Name is "betweenness" or "betweennessComputedAt" or "chainShare") == true
            ? await c.RequestServices!.GetRequiredService<CollaborationGraphHost>().BrokersAsync(graph, c.CancellationToken)
            : null;
        var share = scores is null ? null : NetworkReports.ChainShare(graph);
        return c.Source.People.Select(p => new NetworkNode(graph.PersonId(p), graph.OrganisationId(p), scores?.Figure(p) ?? 0, scores?.ComputedAt,
            share is null ? 0 : share(scores!.BetweennessOf(p)))).ToList();
    }
}
