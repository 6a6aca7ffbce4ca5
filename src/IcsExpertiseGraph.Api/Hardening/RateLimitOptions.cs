using System.Threading.RateLimiting;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>Per-caller request budgets (section <c>RateLimiting</c>); a caller is the signed-in user, else the client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Every request to the API (reads, mutations, exports) counts against this.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Mutations also count against this tighter budget: writes cost a transaction and an audit row each.</summary>
    public int MutationsPerMinute { get; set; } = 60;

    /// <summary>A fixed one-minute window: easy to state to a client (Retry-After is the rest of the minute), no queueing.</summary>
    internal static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
