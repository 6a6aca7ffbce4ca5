using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.GraphQL;

/// <summary>
/// Cursor connections (first/after, pageInfo, totalCount). Cursors are opaque base64url of a position;
/// <c>first</c> is 1..100 and a bad value of either argument is BAD_USER_INPUT naming it.
/// </summary>
public static class Connections
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static FieldBuilder<TSource, object> PagingArguments<TSource>(this FieldBuilder<TSource, object> field, int defaultFirst = DefaultPageSize) => field
        .Argument<IntGraphType>("first", $"How many to return, 1..{MaxPageSize}.", a => a.DefaultValue = defaultFirst)
        .Argument<StringGraphType>("after", "The endCursor of the previous page.");

    /// <summary>The <c>first</c> argument, 1..<paramref name="max"/>, or BAD_USER_INPUT naming it.</summary>
    public static int First(this IResolveFieldContext context, int defaultValue, int max = MaxPageSize)
    {
        var first = context.GetArgument<int?>("first") ?? defaultValue;
        return first is < 1 || first > max
            ? throw new BadUserInputError("first", $"first must be between 1 and {max}; it was {first}.")
            : first;
    }

    public static PageRequest PageRequest(this IResolveFieldContext context)
    {
        var first = context.First(DefaultPageSize);

        var after = context.GetArgument<string?>("after");
        return new PageRequest(after is null ? 0 : DecodeCursor(after) + 1, first);
    }

    public static string Cursor(int position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("cursor:" + position.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeCursor(string cursor)
    {
        if (cursor.Length <= 64 && Base64Url.IsValid(cursor))
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("cursor:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                && position < 10_000_000)
            {
                return position;
            }
        }

        throw new BadUserInputError("after", "after is not a cursor returned by this API.");
    }

    public static Connection<T> ToConnection<T>(this Page<T> page) => new(
        [.. page.Items.Select((item, i) => new Edge<T>(Cursor(page.Offset + i), item))],
        page.TotalCount,
        page.HasNextPage,
        page.Offset > 0);
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, int TotalCount, bool HasNextPage, bool HasPreviousPage)
{
    public string? StartCursor => Edges.Count == 0 ? null : Edges[0].Cursor;

    public string? EndCursor => Edges.Count == 0 ? null : Edges[^1].Cursor;
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    public static PageInfo Of<T>(Connection<T> connection) =>
        new(connection.HasNextPage, connection.HasPreviousPage, connection.StartCursor, connection.EndCursor);
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}

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

public sealed class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        Name = ConnectionGraphType<TNodeType, TNode>.NodeName<TNodeType>() + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}
