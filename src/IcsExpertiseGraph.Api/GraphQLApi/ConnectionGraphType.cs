using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>
/// <c>XConnection { totalCount pageInfo edges { cursor node } nodes }</c> for a node graph type; the names come
/// from the node graph type's class (PersonGraphType gives PersonConnection and PersonEdge).
/// </summary>
public sealed class ConnectionGraphType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        Name = NodeName<TNodeType>() + "Connection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many match in all, across every page.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => PageInfo.Of(c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, TNode>>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node));
    }

    internal static string NodeName<T>() => typeof(T).Name.Replace("GraphType", "", StringComparison.Ordinal);
}
