using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL.Builders;

namespace IcsExpertiseGraph.Api.GraphQLApi;

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    public static PageInfo Of<T>(Connection<T> connection) =>
        new(connection.HasNextPage, connection.HasPreviousPage, connection.StartCursor, connection.EndCursor);
}
