namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// What one GraphQL request may ask of the service (section <c>GraphQL</c>). The defaults are the production
/// profile: a directory of personal data should not describe itself to strangers, nor let one request cost
/// much more than the heaviest query a real client sends.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>The cost model's guess at the length of a list without <c>first</c>.</summary>
    public const double UnpagedListEstimate = 4;

    /// <summary>Whether <c>__schema</c>/<c>__type</c> are answered; field suggestions ("Did you mean") follow it, as they leak the schema too.</summary>
    public bool Introspection { get; set; }

    /// <summary>Deepest selection nesting, counting the root field as 1.</summary>
    public int MaxDepth { get; set; } = 10;

    /// <summary>
    /// Field selections in the document text. The heaviest real query selects 46; validating the overlap of 200
    /// repeated fields takes a few milliseconds, of 2,800 (what 64 KiB holds) over two seconds.
    /// </summary>
    public int MaxFields { get; set; } = 200;

    public int MaxAliases { get; set; } = 15;

    public int MaxDirectives { get; set; } = 50;

    /// <summary>
    /// Root fields of one mutation, aliases included: each is a write with its transaction and audit row, and each
    /// spends one unit of the caller's mutation budget. More is refused whole, before anything runs.
    /// </summary>
    public int MaxMutationFields { get; set; } = 10;

    /// <summary>
    /// GraphQL.NET's estimated cost: each field 1, times the page size asked for above it (or
    /// <see cref="UnpagedListEstimate"/> for a plain list). Sized from the heaviest legitimate queries we know, with
    /// about 20% to spare: a full directory page (100 people with skills, employments with places, and projects)
    /// costs 8,402; a full search page with explanations 8,003. <c>ComplexityLimitTests</c> keeps those passing,
    /// and refuses two such pages in one request and a page of people's projects' people's projects (16,902).
    /// </summary>
    public int MaxComplexity { get; set; } = 10_000;

    /// <summary>A POST body or GET query string longer than this is refused (413) before it is parsed.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    public int ExecutionTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// CSRF: a GET has no content type a browser could not forge, so it must carry the
    /// <c>GraphQL-Require-Preflight</c> header, which a cross-site page cannot send without a CORS preflight we never grant.
    /// </summary>
    public bool RequirePreflightForGet { get; set; } = true;
}
