namespace IcsExpertiseGraph.Api.Catalog;

public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>Whether callers without a token may search and list people (public profiles only). Off: they must sign in.</summary>
    public bool AllowAnonymousSearch { get; set; } = true;
}
