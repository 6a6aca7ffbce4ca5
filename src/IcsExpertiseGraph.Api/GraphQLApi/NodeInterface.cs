using GraphQL.Types;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>The Relay Node interface: anything with a global id can be fetched again with <c>node(id:)</c>.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("A global id, stable across stores.");
    }
}
