using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.GraphQLApi;

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
