using System.Diagnostics;
using GraphQL;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Hardening;
using IcsExpertiseGraph.Api.Observability;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IcsExpertiseGraph.Api.GraphQLApi;

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
        IOptions<GraphQLLimits> limitOptions, MutationRateLimiter mutations, ValidatedDocuments validated)
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
            ? GraphQLRequestReader.ReadGet(http.Request, serializer, limits)
            : await GraphQLRequestReader.ReadPostAsync(http.Request, serializer, limits.MaxRequestBytes, http.RequestAborted);
        if (request is null)
        {
            await WriteRequestErrorAsync(http, serializer, mediaType, status, problem!);
            return;
        }

        // A text that validated before is its document again: not parsed, shape-checked or validated a second time.
        var known = validated.Find(request.Query);
        var document = known;
        try
        {
            document ??= GraphQLParser.Parser.Parse(request.Query!);
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

        if (document is not null && known is null && await DocumentShape.ProblemAsync(document, limits) is { } tooBig)
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

        if (operation is { Operation: not OperationType.Query } && !await SpendMutationBudgetAsync(http, serializer, mediaType, document!, operation, limits, mutations))
        {
            return;
        }

        var caller = http.RequestServices.GetRequiredService<RequestContext>();
        caller.Identity = CallerResolver.IdentityOf(http.User);
        try
        {
            caller.Viewer = await callers.ViewerForAsync(caller.Identity, http.RequestAborted);
        }
        catch (SignInRefusedException refused)
        {
            // Not served as anonymous either: the client must know its sign-in is over, and why.
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"the profile of this sign-in was deleted\"";
            await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status401Unauthorized, refused.Message, ErrorCodes.Unauthenticated);
            return;
        }

        using var scope = GraphQLRequestLog.BeginScope(http, operation);
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
            if (known is not null)
            {
                // The rules over the document alone passed when it was kept; the engine still adds its own per-request
                // rules (cost analysis, introspection) to this empty list.
                options.ValidationRules = [];
            }
        });

        if (known is null && document is not null && result.Executed)
        {
            validated.Remember(request.Query!, document);
        }

        InputErrors.Spread(result);
        GraphQLRequestLog.Record(http, operation, result, started);
        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : NotExecutedStatus(mediaType);
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>
    /// Every root mutation field is a write and costs one unit of the caller's budget; a request carrying more than
    /// <see cref="GraphQLLimits.MaxMutationFields"/>, or more than the budget could ever hold, is refused whole before
    /// anything runs. False when the request was refused (and answered).
    /// </summary>
    private static async Task<bool> SpendMutationBudgetAsync(
        HttpContext http, IGraphQLTextSerializer serializer, string mediaType, GraphQLDocument document, GraphQLOperationDefinition operation,
        GraphQLLimits limits, MutationRateLimiter mutations)
    {
        var fields = MutationFields.Of(document, operation);
        if (fields.Count > limits.MaxMutationFields)
        {
            await WriteRequestErrorAsync(http, serializer, mediaType, NotExecutedStatus(mediaType), new CodedError(ErrorCodes.ValidationFailed, fields[limits.MaxMutationFields],
                $"A request may carry at most {limits.MaxMutationFields} mutation fields (aliases count each); this one carries {fields.Count}. Nothing was written: send them in smaller requests.").ToExecutionError());
            return false;
        }

        // A mutation document whose root selects only __typename still costs a unit, as every mutation request did before.
        var units = Math.Max(1, fields.Count);
        if (!mutations.CanEverAllow(units))
        {
            await RateLimitedResponse.WriteAsync(http, TimeSpan.FromMinutes(1),
                $"This request carries {units} mutation fields, more than the {mutations.PerMinute} a minute allowed to one caller. Nothing was written: send fewer at a time.", http.RequestAborted);
            return false;
        }

        using var lease = mutations.Acquire(http, units);
        if (!lease.IsAcquired)
        {
            await RateLimitedResponse.WriteAsync(http, lease, http.RequestAborted);
            return false;
        }

        return true;
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

    /// <summary>The operation the request runs: the one named, or the only one; null when that is ambiguous or absent.</summary>
    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static Task WriteRequestErrorAsync(
        HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, string message, string code = ErrorCodes.BadRequest) =>
        WriteRequestErrorAsync(http, serializer, mediaType, status, new ExecutionError(message) { Code = code });

    private static async Task WriteRequestErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, ExecutionError error)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult(error), http.RequestAborted);
    }
}
