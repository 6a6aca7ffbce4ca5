namespace IcsExpertiseGraph.Api.Network;

/// <summary>A neighbourhood cut to a size, with whether the cut left people out.</summary>
public sealed record Neighbourhood(IReadOnlyList<int> People, IReadOnlyList<(int A, int B, int Link)> Links, bool Truncated);
