using GraphQL;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Hardening;
using IcsExpertiseGraph.Api.Observability;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.GraphQL;

public static class GraphQLExtensions
{
    public static IServiceCollection AddExpertiseGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var exposeDetails = configuration.GetValue("GraphQL:ExposeExceptionDetails", environment.IsDevelopment());
        var suggestFields = configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>()?.Introspection ?? false;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SkillCatalog>();
        services.Configure<DirectoryOptions>(configuration.GetSection(DirectoryOptions.Section));
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.Configure<ReadModelOptions>(configuration.GetSection(ReadModelOptions.Section));
        services.AddSingleton<Storage.ReadYourWrites>();
        services.AddSingleton<ExpertIndexHost>();
        services.AddSingleton<Network.CollaborationGraphHost>();
        services.AddHostedService<GraphQLWarmup>();
        services.AddHostedService<ReadModelWarmup>();
        services.AddSingleton<ReadModelFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<ReadModelFollower>());
        services.AddSingleton<ExpertSearch>();
        services.AddSingleton<SimilarExperts>();
        services.AddSingleton<TeamAssembler>();
        services.AddScoped<RequestContext>();
        services.AddTransient(typeof(ConnectionGraphType<,>));
        services.AddTransient(typeof(EdgeGraphType<,>));
        services.AddGraphQL(builder => builder
            .AddSchema<ExpertiseSchema>()
            .AddGraphTypes(typeof(ExpertiseSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(_ => new ErrorInfoProvider(exposeDetails, suggestFields))
            .AddRequestLimits(configuration)
            .AddExecutionTelemetry()
            .AddUnhandledExceptionHandler(context =>
            {
                // A store rule (a stale version, a duplicate) is the caller's error, reported with its code; not a fault to log.
                var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("IcsExpertiseGraph.GraphQL");
                if (logger is not null && context.Exception is not Storage.StoreRuleException)
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
