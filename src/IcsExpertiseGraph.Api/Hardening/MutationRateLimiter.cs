using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// The tighter budget for mutations. The rate-limiting middleware runs before the body is read, so it cannot tell a
/// mutation from a query; the GraphQL endpoint asks this limiter once it has parsed the operation, for one unit per
/// root mutation field (aliases included), so a request of many aliased writes costs what as many requests would.
/// </summary>
public sealed class MutationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly RateLimitOptions settings;

    public MutationRateLimiter(IOptions<RateLimitOptions> options)
    {
        settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(caller => settings.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(caller, _ => RateLimitOptions.PerMinute(settings.MutationsPerMinute))
            : RateLimitPartition.GetNoLimiter(caller));
    }

    /// <summary>Whether a request of this many mutation fields could ever fit in one minute's budget.</summary>
    public bool CanEverAllow(int mutationFields) => !settings.Enabled || mutationFields <= settings.MutationsPerMinute;

    /// <summary>The per-minute budget, for telling a caller why a request can never fit in it.</summary>
    public int PerMinute => settings.MutationsPerMinute;

    /// <summary>Spends <paramref name="mutationFields"/> units of the caller's budget, all or none (ask <see cref="CanEverAllow"/> first).</summary>
    public RateLimitLease Acquire(HttpContext http, int mutationFields) => limiter.AttemptAcquire(CallerPartition.Of(http), mutationFields);

    public void Dispose() => limiter.Dispose();
}
