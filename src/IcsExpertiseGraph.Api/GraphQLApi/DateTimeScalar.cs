using GraphQL.Types;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>An instant with its offset, ISO-8601 (2026-11-26T09:00:00Z).</summary>
public sealed class DateTimeScalar : DateTimeOffsetGraphType
{
    public DateTimeScalar() => Name = "DateTime";
}
