namespace IcsExpertiseGraph.Api.Storage;

public sealed record PageRequest(int Offset, int Limit);

