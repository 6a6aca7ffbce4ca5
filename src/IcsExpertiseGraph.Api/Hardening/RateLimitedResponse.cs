using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>The one answer to a caller over budget: 429, Retry-After in seconds, and a GraphQL error coded RATE_LIMITED.</summary>
internal static class RateLimitedResponse
{
    public static Task WriteAsync(HttpContext http, RateLimitLease lease, CancellationToken cancellationToken) =>
        WriteAsync(http, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1), null, cancellationToken);

    /// <summary>Over budget; <paramref name="why"/> replaces the plain "too many requests" when there is more to say.</summary>
    public static async Task WriteAsync(HttpContext http, TimeSpan retryAfter, string? why, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            errors = new[]
            {
                new
                {
                    message = why ?? $"Too many requests; try again in {seconds} s.",
                    extensions = new { code = ErrorCodes.RateLimited, retryAfterSeconds = seconds },
                },
            },
        };
        await JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: cancellationToken);
    }
}
