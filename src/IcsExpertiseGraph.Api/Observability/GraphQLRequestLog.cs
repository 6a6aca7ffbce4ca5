using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace IcsExpertiseGraph.Api.Observability;

/// <summary>
/// One structured log entry and one duration measurement per executed GraphQL request: the request id, the operation's
/// type and name (as the parsed document declares it, so never free text from the client), the outcome and error
/// codes. Never the document or the variables: both can carry personal data.
/// </summary>
internal static partial class GraphQLRequestLog
{
    /// <summary>Names the operation on every log entry written while it runs, such as a resolver's unhandled exception.</summary>
    public static IDisposable? BeginScope(HttpContext http, GraphQLOperationDefinition? operation) =>
        Logger(http).BeginScope(new Dictionary<string, object?> { ["GraphQLOperationType"] = TypeOf(operation), ["GraphQLOperationName"] = NameOf(operation) });

    public static void Record(HttpContext http, GraphQLOperationDefinition? operation, ExecutionResult result, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var type = TypeOf(operation);
        var name = NameOf(operation);
        var errors = result.Errors ?? [];
        var provider = http.RequestServices.GetRequiredService<IErrorInfoProvider>();
        var codes = errors.Count == 0 ? "none" : string.Join(",", errors.Select(e => provider.GetInfo(e).Extensions?["code"] as string).Distinct());
        var outcome = errors.Count == 0 ? "ok" : result.Executed ? "partial" : "refused";

        var logger = Logger(http);
        Answered(logger, type, name, http.TraceIdentifier, outcome, elapsed.TotalMilliseconds, codes);
        Telemetry.GraphQLRequestDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("graphql.operation.type", type), new KeyValuePair<string, object?>("ics.outcome", outcome));
    }

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IcsExpertiseGraph.GraphQL.Requests");

    private static string TypeOf(GraphQLOperationDefinition? operation) => operation?.Operation.ToString().ToLowerInvariant() ?? "unknown";

    private static string NameOf(GraphQLOperationDefinition? operation) => operation?.Name?.StringValue ?? "(anonymous)";

    [LoggerMessage(Level = LogLevel.Information,
        Message = "GraphQL {OperationType} {OperationName} (request {RequestId}): {Outcome} in {ElapsedMilliseconds:F1} ms, errors: {ErrorCodes}")]
    private static partial void Answered(ILogger logger, string operationType, string operationName, string requestId, string outcome, double elapsedMilliseconds, string errorCodes);
}
