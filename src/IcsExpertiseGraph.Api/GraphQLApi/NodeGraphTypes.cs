using GraphQL.Types;

namespace IcsExpertiseGraph.Api.GraphQLApi;

internal static class NodeGraphTypes
{
    /// <summary>Makes an object type a Relay Node: implements Node, recognises its objects, and exposes the global id.</summary>
    public static void AsNode<T>(this ObjectGraphType<T> type, Func<T, Guid> id)
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = o => o is T;
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(type.Name, id(c.Source)));
    }
}
