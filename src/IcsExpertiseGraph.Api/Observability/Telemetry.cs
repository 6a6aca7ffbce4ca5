using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IcsExpertiseGraph.Api.Observability;

/// <summary>
/// The service's own traces and metrics. They cost next to nothing until a listener (the OpenTelemetry SDK,
/// when an OTLP endpoint is configured, or a test) subscribes.
/// </summary>
internal static class Telemetry
{
    public const string Name = "IcsExpertiseGraph";

    /// <summary>GraphQL.NET's own activity source (parse, validate, execute), enabled by <c>UseTelemetry</c>.</summary>
    public const string GraphQLSource = "GraphQL";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> StoreCallDuration =
        Meter.CreateHistogram<double>("ics.store.call.duration", "s", "Time spent in one call through the store port.");

    public static readonly Histogram<double> GraphQLRequestDuration =
        Meter.CreateHistogram<double>("ics.graphql.request.duration", "s", "Time to answer one GraphQL request, by operation type and outcome.");
}
