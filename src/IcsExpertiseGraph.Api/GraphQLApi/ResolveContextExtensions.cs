using GraphQL;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.GraphQLApi;

internal static class ResolveContextExtensions
{
    public static RequestContext Request(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<RequestContext>();

    /// <summary>Search and listing of people need a token when Directory:AllowAnonymousSearch is off.</summary>
    public static void RequireSearchAllowed(this IResolveFieldContext context)
    {
        if (context.Request().Identity is null
            && !context.RequestServices!.GetRequiredService<Microsoft.Extensions.Options.IOptions<Catalog.DirectoryOptions>>().Value.AllowAnonymousSearch)
        {
            throw CodedError.Unauthenticated();
        }
    }

    /// <summary>A required global id argument of the given type, or BAD_USER_INPUT naming the argument.</summary>
    public static Guid IdArgument(this IResolveFieldContext context, string typeName, string argument = "id") =>
        GlobalId.Parse(context.GetArgument<string>(argument), typeName, argument);

    public static IReadOnlyList<Guid> IdListArgument(this IResolveFieldContext context, Dictionary<string, object?>? input, string key, string typeName, string field)
    {
        if (input is null || !input.TryGetValue(key, out var raw) || raw is null)
        {
            return [];
        }

        return [.. ((IEnumerable<object?>)raw).Select(v => GlobalId.Parse(v as string, typeName, field))];
    }
}
