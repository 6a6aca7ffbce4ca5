using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL.Builders;

namespace IcsExpertiseGraph.Api.GraphQLApi;

public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, int TotalCount, bool HasNextPage, bool HasPreviousPage)
{
    public string? StartCursor => Edges.Count == 0 ? null : Edges[0].Cursor;

    public string? EndCursor => Edges.Count == 0 ? null : Edges[^1].Cursor;
}
