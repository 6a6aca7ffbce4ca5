using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation.Rules.Custom;

namespace IcsExpertiseGraph.Api.Hardening;

public static class HardeningExtensions
{
    /// <summary>Request limits and per-caller rate limits, configured from <c>GraphQL</c> and <c>RateLimiting</c>.</summary>
    public static IServiceCollection AddHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GraphQLLimits>(configuration.GetSection(GraphQLLimits.Section));
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<MutationRateLimiter>();
        services.AddTrustedForwardedHeaders(configuration);
        var rates = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                !rates.Enabled || IsProbe(http.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(CallerPartition.Of(http), _ => RateLimitOptions.PerMinute(rates.RequestsPerMinute)));
            options.OnRejected = (context, cancellationToken) =>
                new ValueTask(RateLimitedResponse.WriteAsync(context.HttpContext, context.Lease, cancellationToken));
        });
        return services;
    }

    /// <summary>The GraphQL engine's share: depth and cost limits, introspection, and the execution timeout.</summary>
    public static IGraphQLBuilder AddRequestLimits(this IGraphQLBuilder builder, IConfiguration configuration)
    {
        var limits = configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        builder.AddComplexityAnalyzer(options =>
        {
            options.MaxDepth = limits.MaxDepth;
            options.MaxComplexity = limits.MaxComplexity;
            // Our unpaged lists (a person's skills, employments and projects, a skill's narrower skills, a project's
            // people) hold a handful of items; GraphQL.NET's default of 7 would price ordinary nested pages like
            // fan-out attacks (a full directory page costs 72,402 at 7, 8,402 at 4).
            options.DefaultListImpactMultiplier = GraphQLLimits.UnpagedListEstimate;
            if (limits.Introspection)
            {
                options.ValidateComplexityDelegate = IntrospectionLimits.Apply;
            }
        });
        if (!limits.Introspection)
        {
            builder.AddValidationRule(NoIntrospectionValidationRule.Instance);
        }

        return builder.WithTimeout(TimeSpan.FromSeconds(limits.ExecutionTimeoutSeconds), TimeoutAction.ReturnTimeoutError);
    }

    /// <summary>Rate limiting sits after authentication, so a signed-in caller is limited as themselves.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    // Orchestrators poll these often and from one address; limiting them would take a healthy instance out of service.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
