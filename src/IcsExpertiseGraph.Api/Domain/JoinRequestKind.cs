namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// Who proposed a pending contribution, and so who must agree to it: the person asked to join (the project's leads decide;
/// a network manager where it has no lead), or a lead added them (they confirm).
/// </summary>
public enum JoinRequestKind { Request, Addition }
