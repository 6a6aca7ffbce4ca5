using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Hardening;
using IcsExpertiseGraph.Api.Observability;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IcsExpertiseGraph.Api.GraphQL;

/// <summary>
/// GraphQL over HTTP at /graphql, following the GraphQL-over-HTTP specification: POST with a JSON body,
/// GET for queries only (a mutation over GET is 405), responses in application/graphql-response+json or
/// application/json as the Accept header asks; a request that never reached execution (unparsable,
/// invalid) is 400 under the former and 200 under the latter, as the specification requires.
/// Before anything is parsed, oversized requests (413) and GETs without the CSRF preflight header (400) are refused;
/// a mutation also spends the caller's mutation budget (429).
/// </summary>
internal static class GraphQLHttpEndpoint
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string PreflightHeader = "GraphQL-Require-Preflight";

    public static async Task HandleAsync(
        HttpContext http, IDocumentExecuter<ExpertiseSchema> executer, IGraphQLTextSerializer serializer, CallerResolver callers,
        IOptions<GraphQLLimits> limitOptions, MutationRateLimiter mutations)
    {
        var limits = limitOptions.Value;
        var mediaType = NegotiateResponseType(http.Request);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(http, serializer, Json, StatusCodes.Status406NotAcceptable,
                $"Accept must allow {GraphQLResponseJson} or {Json}.");
            return;
        }

        var (request, problem, status) = HttpMethods.IsGet(http.Request.Method)
            ? ReadGet(http.Request, serializer, limits)
            : await ReadPostAsync(http.Request, serializer, limits.MaxRequestBytes, http.RequestAborted);
        if (request is null)
        {
            await WriteRequestErrorAsync(http, serializer, mediaType, status, problem!);
            return;
        }

        GraphQLDocument? document = null;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query!);
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The executer reports the syntax error in the response, with its location.
        }
        catch (GraphQLMaxDepthExceededException)
        {
            // The parser's guard against stack exhaustion; its message would echo the whole document back.
            await WriteRequestErrorAsync(http, serializer, mediaType, NotExecutedStatus(mediaType), "The document is nested too deeply to parse.", ErrorCodes.ParseFailed);
            return;
        }

        if (document is not null && await DocumentShape.ProblemAsync(document, limits) is { } tooBig)
        {
            await WriteRequestErrorAsync(http, serializer, mediaType, NotExecutedStatus(mediaType), tooBig, ErrorCodes.ValidationFailed);
            return;
        }

        var operation = document is null ? null : SelectedOperation(document, request.OperationName);
        if (operation is { Operation: not OperationType.Query } && HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.Headers.Allow = HttpMethods.Post;
            await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status405MethodNotAllowed, "Mutations must be sent with POST.");
            return;
        }

        if (operation is { Operation: not OperationType.Query })
        {
            using var lease = mutations.Acquire(http);
            if (!lease.IsAcquired)
            {
                await RateLimitedResponse.WriteAsync(http, lease, http.RequestAborted);
                return;
            }
        }

        var caller = http.RequestServices.GetRequiredService<RequestContext>();
        caller.Identity = CallerResolver.IdentityOf(http.User);
        caller.Viewer = await callers.ViewerForAsync(caller.Identity, http.RequestAborted);

        var started = Stopwatch.GetTimestamp();
        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.Document = document;
            options.Variables = request.Variables;
            options.OperationName = request.OperationName;
            options.Extensions = request.Extensions;
            options.RequestServices = http.RequestServices;
            options.User = http.User;
            options.CancellationToken = http.RequestAborted;
        });

        GraphQLRequestLog.Record(http, operation, result, started);
        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : NotExecutedStatus(mediaType);
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>A request refused before execution: 400 under the GraphQL response media type, 200 under plain JSON (spec §6.4.1).</summary>
    private static int NotExecutedStatus(string mediaType) => mediaType == Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;

    private static string? NegotiateResponseType(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0)
        {
            return Json; // The specification's rule for legacy clients that send no Accept header.
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var values))
        {
            return null;
        }

        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1))
        {
            if (value.Quality == 0)
            {
                continue;
            }

            var type = value.MediaType.Value;
            if (string.Equals(type, GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseJson;
            }

            // A wildcard gets application/json, which every client understands (graphql-http audit 47DE).
            if (string.Equals(type, Json, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*")
            {
                return Json;
            }
        }

        return null;
    }

    private static (GraphQLRequest?, string?, int) ReadGet(HttpRequest http, IGraphQLTextSerializer serializer, GraphQLLimits limits)
    {
        if (limits.RequirePreflightForGet && string.IsNullOrWhiteSpace(http.Headers[PreflightHeader]))
        {
            return (null, $"A GET request must carry a non-empty {PreflightHeader} header (CSRF protection); or POST with {Json}.", StatusCodes.Status400BadRequest);
        }

        if (http.QueryString.Value?.Length > limits.MaxRequestBytes)
        {
            return (null, TooLarge(limits.MaxRequestBytes), StatusCodes.Status413PayloadTooLarge);
        }

        var query = http.Query["query"].ToString();
        if (string.IsNullOrWhiteSpace(query))
        {
            return (null, "The query parameter is required.", StatusCodes.Status400BadRequest);
        }

        var request = new GraphQLRequest { Query = query, OperationName = NullIfEmpty(http.Query["operationName"].ToString()) };
        try
        {
            var variables = http.Query["variables"].ToString();
            var extensions = http.Query["extensions"].ToString();
            if (!IsWellFormedJson(variables) || !IsWellFormedJson(extensions))
            {
                return (null, WellFormedText.Problem, StatusCodes.Status400BadRequest);
            }

            request.Variables = string.IsNullOrEmpty(variables) ? null : serializer.Deserialize<Inputs>(variables);
            request.Extensions = string.IsNullOrEmpty(extensions) ? null : serializer.Deserialize<Inputs>(extensions);
        }
        catch (JsonException)
        {
            return (null, "variables and extensions must be JSON objects.", StatusCodes.Status400BadRequest);
        }

        return (request, null, 0);
    }

    private static async Task<(GraphQLRequest?, string?, int)> ReadPostAsync(HttpRequest http, IGraphQLTextSerializer serializer, int maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"Content-Type must be {Json} (UTF-8).", StatusCodes.Status415UnsupportedMediaType);
        }

        using var bytes = await ReadBoundedAsync(http, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, TooLarge(maxBytes), StatusCodes.Status413PayloadTooLarge);
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(bytes, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.", StatusCodes.Status400BadRequest);
        }

        using (body)
        {
            var root = body.RootElement;
            if (!WellFormedText.IsWellFormed(root))
            {
                return (null, WellFormedText.Problem, StatusCodes.Status400BadRequest);
            }

            if (root.ValueKind == JsonValueKind.Array)
            {
                // Batching multiplies one request's cost by its length and slips past per-request limits; clients send one operation per request.
                return (null, "Batched (array) requests are not accepted; send one operation per request.", StatusCodes.Status400BadRequest);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The request body must be a JSON object with a query.", StatusCodes.Status400BadRequest);
            }

            if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(query.GetString()))
            {
                return (null, "query must be a non-empty string.", StatusCodes.Status400BadRequest);
            }

            var request = new GraphQLRequest { Query = query.GetString() };
            if (root.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
            {
                if (name.ValueKind != JsonValueKind.String)
                {
                    return (null, "operationName must be a string.", StatusCodes.Status400BadRequest);
                }

                request.OperationName = NullIfEmpty(name.GetString());
            }

            foreach (var (key, assign) in new (string, Action<Inputs?>)[] { ("variables", v => request.Variables = v), ("extensions", v => request.Extensions = v) })
            {
                if (root.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        return (null, $"{key} must be a JSON object.", StatusCodes.Status400BadRequest);
                    }

                    assign(serializer.Deserialize<Inputs>(value.GetRawText()));
                }
            }

            return (request, null, 0);
        }
    }

    private static bool IsWellFormedJson(string json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return true;
        }

        using var document = JsonDocument.Parse(json);
        return WellFormedText.IsWellFormed(document.RootElement);
    }

    /// <summary>The body, or null when it is longer than allowed; reading stops there, so a huge body costs no more than the limit.</summary>
    private static async Task<MemoryStream?> ReadBoundedAsync(HttpRequest http, int maxBytes, CancellationToken cancellationToken)
    {
        if (http.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static string TooLarge(int maxBytes) => $"The request is larger than {maxBytes / 1024} KiB.";

    /// <summary>The operation the request runs: the one named, or the only one; null when that is ambiguous or absent.</summary>
    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static async Task WriteRequestErrorAsync(
        HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, string message, string code = ErrorCodes.BadRequest)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult(new ExecutionError(message) { Code = code });
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
