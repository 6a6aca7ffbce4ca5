using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Hardening;
using IcsExpertiseGraph.Api.Observability;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IcsExpertiseGraph.Api.GraphQLApi;

public static class GraphQLExtensions
{
    /// <summary>
    /// The GraphQL endpoint's machinery: the schema (its Query and Mutation roots list each feature's fields), errors,
    /// limits and the per-request context. The services resolvers use, and the graph types, come from their features
    /// (AddCatalog, AddExperts, AddProfiles, ...).
    /// </summary>
    public static IServiceCollection AddExpertiseGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var exposeDetails = configuration.GetValue("GraphQL:ExposeExceptionDetails", environment.IsDevelopment());
        var suggestFields = configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>()?.Introspection ?? false;
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<GraphQLWarmup>();
        services.AddScoped<RequestContext>();
        services.AddSingleton<ValidatedDocuments>();
        // The machinery's own graph types (connections, edges, page info, Node, scalars) and GraphQL.NET's enum type
        // over a C# enum; each feature's AddX registers the rest (AddGraphTypesOf), in any order.
        services.AddGraphTypesOf(typeof(ExpertiseSchema));
        services.TryAddTransient(typeof(EnumerationGraphType<>));
        services.AddGraphQL(builder => builder
            .AddSchema<ExpertiseSchema>()
            .AddSystemTextJson()
            // Queries run their fields one after another, not as a task each: a page of twenty results with reasons is
            // hundreds of fields, and starting, awaiting and locking a task per field cost more than the fields
            // themselves. Data loaders still batch (their fields are run last, together), which is where waiting on a
            // store happens; mutations were always serial.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(_ => new ErrorInfoProvider(exposeDetails, suggestFields))
            .AddRequestLimits(configuration)
            .AddExecutionTelemetry()
            .AddUnhandledExceptionHandler(context =>
            {
                // A coded refusal (bad input, a stale version, a duplicate) is the caller's error, reported with its code; not a fault to log.
                var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("IcsExpertiseGraph.GraphQL");
                if (logger is not null && context.Exception is not CodedException)
                {
                    GraphQLLog.Unhandled(logger, context.Exception);
                }
            }));
        return services;
    }

    public static IEndpointRouteBuilder MapExpertiseGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], GraphQLHttpEndpoint.HandleAsync);
        return endpoints;
    }
}

internal static partial class GraphQLLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while executing a GraphQL request")]
    public static partial void Unhandled(ILogger logger, Exception exception);
}
