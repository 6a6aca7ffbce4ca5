using IcsExpertiseGraph.Api.Experts;

namespace IcsExpertiseGraph.Api.Storage;

public sealed class ReadModelOptions
{
    public const string Section = "ReadModels";

    /// <summary>How often each instance looks for changes made by other instances (its own writes are applied at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most feed entries read in one batch.</summary>
    public int MaxBatchEntries { get; set; } = 5_000;

    /// <summary>More people than this changed in one batch (a bulk import) and the model is rebuilt whole instead.</summary>
    public int MaxIncrementalPeople { get; set; } = 20_000;

    /// <summary>How long a gap in the feed (a later change visible before an earlier one) is waited for before a rebuild.</summary>
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many of the newest sequences the feed keeps; an instance further behind rebuilds whole.</summary>
    public long RetainSequences { get; set; } = 100_000;

    /// <summary>How often an instance prunes the feed.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The least time between two computations of the broker scores (betweenness) while the graph changes.</summary>
    public TimeSpan BrokerRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
