using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// The tighter budget for mutations. The rate-limiting middleware runs before the body is read, so it cannot tell a
/// mutation from a query; the GraphQL endpoint asks this limiter once it has parsed the operation.
/// </summary>
public sealed class MutationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public MutationRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(caller => settings.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(caller, _ => RateLimitOptions.PerMinute(settings.MutationsPerMinute))
            : RateLimitPartition.GetNoLimiter(caller));
    }

    public RateLimitLease Acquire(HttpContext http) => limiter.AttemptAcquire(CallerPartition.Of(http));

    public void Dispose() => limiter.Dispose();
}
