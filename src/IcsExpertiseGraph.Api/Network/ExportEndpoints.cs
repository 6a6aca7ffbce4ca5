using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Network;

public static class ExportEndpoints
{
    /// <summary>
    /// GET /exports/collaboration?format=graphml|json&amp;icsId=&lt;ICS id&gt;: an authenticated download for network
    /// managers and admins (401 without a token, 403 for other members), honouring the caller's visibility.
    /// </summary>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/collaboration", async (HttpContext http, CallerResolver callers, CollaborationGraphHost graphs, IExpertiseStore store, string? format, string? icsId) =>
        {
            var identity = CallerResolver.IdentityOf(http.User);
            if (identity is null)
            {
                return Results.Json(new { error = "Sign in first: this download needs a bearer token.", code = ErrorCodes.Unauthenticated }, statusCode: StatusCodes.Status401Unauthorized);
            }

            Viewer viewer;
            try
            {
                viewer = await callers.ViewerForAsync(identity, http.RequestAborted);
            }
            catch (SignInRefusedException refused)
            {
                return Results.Json(new { error = refused.Message, code = ErrorCodes.Unauthenticated }, statusCode: StatusCodes.Status401Unauthorized);
            }

            if (!viewer.IsNetworkManager)
            {
                return Results.Json(new { error = "Only network managers and admins may export the collaboration graph.", code = ErrorCodes.Forbidden }, statusCode: StatusCodes.Status403Forbidden);
            }

            if (!TryFormat(format, out var chosen))
            {
                return Results.Json(new { error = "format must be graphml or json.", code = ErrorCodes.BadUserInput, field = "format" }, statusCode: StatusCodes.Status400BadRequest);
            }

            Guid? ics = null;
            if (icsId is not null)
            {
                if (!GlobalId.TryDecode(icsId, out var type, out var id) || type != "IntegratedCareSystem"
                    || (await store.GetIntegratedCareSystemsAsync([id], http.RequestAborted)).Count == 0)
                {
                    return Results.Json(new { error = "icsId is not the id of an ICS.", code = ErrorCodes.BadUserInput, field = "icsId" }, statusCode: StatusCodes.Status400BadRequest);
                }

                ics = id;
            }

            var graph = await graphs.GetAsync(http.RequestAborted);
            http.Response.ContentType = chosen == ExportFormat.Json ? "application/json" : "application/graphml+xml";
            http.Response.Headers.ContentDisposition = $"attachment; filename=collaboration.{(chosen == ExportFormat.Json ? "json" : "graphml")}";
            await CollaborationExport.WriteAsync(http.Response.Body, chosen, graph, store, ics, viewer, http.RequestAborted);
            return Results.Empty;
        });
        return endpoints.MapCsvExports();
    }

    public static bool TryFormat(string? text, out ExportFormat format)
    {
        format = text?.ToUpperInvariant() switch { "JSON" => ExportFormat.Json, _ => ExportFormat.GraphMl };
        return text is null || text.Equals("graphml", StringComparison.OrdinalIgnoreCase) || text.Equals("json", StringComparison.OrdinalIgnoreCase);
    }
}

