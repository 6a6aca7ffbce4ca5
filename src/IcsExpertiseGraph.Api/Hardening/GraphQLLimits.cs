namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// What one GraphQL request may ask of the service (section <c>GraphQL</c>). The defaults are the production
/// profile: a directory of personal data should not describe itself to strangers, nor let one request cost
/// much more than the heaviest query a real client sends.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>Whether <c>__schema</c>/<c>__type</c> are answered; field suggestions ("Did you mean") follow it, as they leak the schema too.</summary>
    public bool Introspection { get; set; }

    /// <summary>Deepest selection nesting, counting the root field as 1.</summary>
    public int MaxDepth { get; set; } = 10;

    public int MaxAliases { get; set; } = 15;

    public int MaxDirectives { get; set; } = 50;

    /// <summary>
    /// GraphQL.NET's estimated cost (each field 1, multiplied by the page size asked for above it, 7 for plain lists).
    /// The heaviest legitimate query we know, the README's search with explanations, employments and all facets at
    /// first: 20, costs 7,209; a profile page with projects and co-contributors 2,467. The limit is about twice the
    /// former; <c>ComplexityLimitTests</c> keeps both passing and a query 17 times heavier refused.
    /// </summary>
    public int MaxComplexity { get; set; } = 15_000;

    /// <summary>A POST body or GET query string longer than this is refused (413) before it is parsed.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    public int ExecutionTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// CSRF: a GET has no content type a browser could not forge, so it must carry the
    /// <c>GraphQL-Require-Preflight</c> header, which a cross-site page cannot send without a CORS preflight we never grant.
    /// </summary>
    public bool RequirePreflightForGet { get; set; } = true;
}
