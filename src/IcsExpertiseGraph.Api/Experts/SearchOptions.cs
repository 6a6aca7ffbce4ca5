namespace IcsExpertiseGraph.Api.Experts;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Serve search from the in-memory index (the default); false asks the store every time.</summary>
    public bool MemoryIndex { get; set; } = true;

    /// <summary>Keep recent rankings with the index snapshot (see SearchResultCache); false ranks every request afresh.</summary>
    public bool ResultCache { get; set; } = true;
}
