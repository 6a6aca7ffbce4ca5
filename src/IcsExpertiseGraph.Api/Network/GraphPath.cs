namespace IcsExpertiseGraph.Api.Network;

/// <summary>A chain of people, each linked to the next by <see cref="Links"/>[i] (so Links has one fewer entries).</summary>
public sealed record GraphPath(IReadOnlyList<int> People, IReadOnlyList<int> Links);
