using GraphQL.Types;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>A calendar date, ISO-8601 (2026-11-26). Named as most GraphQL APIs name it, not after the CLR type.</summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar() => Name = "Date";
}

/// <summary>An instant with its offset, ISO-8601 (2026-11-26T09:00:00Z).</summary>
public sealed class DateTimeScalar : DateTimeOffsetGraphType
{
    public DateTimeScalar() => Name = "DateTime";
}
