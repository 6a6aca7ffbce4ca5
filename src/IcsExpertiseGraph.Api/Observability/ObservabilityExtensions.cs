using GraphQL;
using GraphQL.DI;
using IcsExpertiseGraph.Api.Storage;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IcsExpertiseGraph.Api.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// Traces and metrics of ASP.NET Core, HttpClient, the store port and GraphQL execution, exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the exporter's other standard settings, such as
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and <c>OTEL_EXPORTER_OTLP_HEADERS</c>); otherwise no SDK runs at all. Logs are structured (JSON in production) and name the request and GraphQL operation, never the
    /// document or variables. It wraps the store port (a <see cref="StoreDecorator"/>), in whatever order the two are registered.
    /// </summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new StoreDecorator(TracedStore.Wrap));
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "ics-expertise-graph"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(Telemetry.Name, Telemetry.GraphQLSource)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(Telemetry.Name)
                .AddOtlpExporter());
        return services;
    }

    /// <summary>GraphQL.NET's spans for parsing, validation and execution, without the document (it can hold personal data).</summary>
    public static IGraphQLBuilder AddExecutionTelemetry(this IGraphQLBuilder builder) =>
        builder.UseTelemetry(options => options.RecordDocument = false);
}
