namespace IcsExpertiseGraph.Api.Experts;

public sealed record FacetCount<T>(T Value, int Count);
