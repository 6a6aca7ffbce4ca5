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
}
