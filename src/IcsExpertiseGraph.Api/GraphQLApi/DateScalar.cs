using GraphQL.Types;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>A calendar date, ISO-8601 (2026-11-26). Named as most GraphQL APIs name it, not after the CLR type.</summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar() => Name = "Date";
}

