using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// Where introspection is on (Development), tools must be able to read the schema: the standard introspection query
/// that GraphiQL, IDE plug-ins and code generators send (graphql-js's <c>getIntrospectionQuery</c>) is 15 levels deep
/// (a type reference unwrapped through seven <c>ofType</c>s) and its estimated cost is about 114,000, because the cost
/// model prices every list as four store reads. A query that selects only <c>__schema</c>, <c>__type</c> and
/// <c>__typename</c> at its root reads the schema in memory, never the store, so it is held to
/// <see cref="MaxDepth"/> instead of <see cref="GraphQLLimits.MaxDepth"/> and not to the cost limit; the document
/// limits (fields, aliases, directives, size) and the execution timeout still apply. Every other document keeps both
/// limits. Where introspection is off (Production) such a query is refused whole, as before.
/// </summary>
internal static class IntrospectionLimits
{
    public const int MaxDepth = 15;

    public static Task Apply(ComplexityValidationContext context)
    {
        if (context.Error is not null && context.MaxDepth <= MaxDepth && SelectsOnlyIntrospection(context.ValidationContext.Operation))
        {
            context.Error = null;
        }

        return Task.CompletedTask;
    }

    private static bool SelectsOnlyIntrospection(GraphQLOperationDefinition operation) =>
        operation.Operation == OperationType.Query
        && operation.SelectionSet.Selections.All(selection =>
            selection is GraphQLField field && field.Name.StringValue is "__schema" or "__type" or "__typename");
}
