
namespace IcsExpertiseGraph.Api.Network;

/// <summary>A warm-introduction chain: project i links person i and person i+1.</summary>
public sealed record CollaborationPathResult(IReadOnlyList<Guid> People, IReadOnlyList<Guid> Projects);
