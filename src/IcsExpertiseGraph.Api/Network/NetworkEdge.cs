
namespace IcsExpertiseGraph.Api.Network;

public sealed record NetworkEdge(Guid From, Guid To, int Weight, IReadOnlyList<Guid> Projects);
