using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using IcsExpertiseGraph.Api.Hardening;
using Microsoft.Net.Http.Headers;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>
/// Reads a GraphQL request from GET parameters or a JSON POST body, refusing what the endpoint must not run: bodies
/// over the size limit (413, without reading further), GETs without the CSRF preflight header, other media types
/// (415), batches, malformed JSON and text that is not valid Unicode (400). Returns the request, or why not and the status.
/// </summary>
internal static class GraphQLRequestReader
{
    public static (GraphQLRequest?, string?, int) ReadGet(HttpRequest http, IGraphQLTextSerializer serializer, GraphQLLimits limits)
    {
        if (limits.RequirePreflightForGet && string.IsNullOrWhiteSpace(http.Headers[GraphQLHttpEndpoint.PreflightHeader]))
        {
            return (null, $"A GET request must carry a non-empty {GraphQLHttpEndpoint.PreflightHeader} header (CSRF protection); or POST with {GraphQLHttpEndpoint.Json}.", StatusCodes.Status400BadRequest);
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

    public static async Task<(GraphQLRequest?, string?, int)> ReadPostAsync(HttpRequest http, IGraphQLTextSerializer serializer, int maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, GraphQLHttpEndpoint.Json, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"Content-Type must be {GraphQLHttpEndpoint.Json} (UTF-8).", StatusCodes.Status415UnsupportedMediaType);
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

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
