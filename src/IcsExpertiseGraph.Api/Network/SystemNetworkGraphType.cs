using GraphQL.Types;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>An ICS's people and their links, drawn as one network (the same nodes and edges as a neighbourhood).</summary>
public sealed class SystemNetworkGraphType : ObjectGraphType<CollaborationNetworkResult>
{
    public SystemNetworkGraphType()
    {
        Name = "SystemNetwork";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkNodeGraphType>>>>("nodes")
            .Description("People working in the ICS whom you may see, most collaboration chains through them first, then most links.")
            .ResolveAsync(CollaborationNetworkGraphType.NodesAsync);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkEdgeGraphType>>>>("edges").Description("Links between two of the nodes.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when more people work in the ICS than the limit allowed.").Resolve(c => c.Source.Truncated);
    }
}
