
namespace IcsExpertiseGraph.Api.Network;

/// <summary>A neighbourhood in one graph snapshot: People are graph positions, the centre first.</summary>
public sealed record CollaborationNetworkResult(CollaborationGraph Graph, IReadOnlyList<int> People, IReadOnlyList<NetworkEdge> Edges, int Hops, bool Truncated);
