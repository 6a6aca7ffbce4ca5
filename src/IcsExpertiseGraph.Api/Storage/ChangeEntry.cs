namespace IcsExpertiseGraph.Api.Storage;

/// <summary>One thing one committed write changed: every entry of a write carries that write's change sequence.</summary>
public sealed record ChangeEntry(long Sequence, ChangeKind Kind, Guid Id);
