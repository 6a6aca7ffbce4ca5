namespace IcsExpertiseGraph.Api.Domain;

/// <summary>An answer to a pending contribution: approve (or, by the person added, confirm) it, or decline (or withdraw) it.</summary>
public enum JoinDecision { Approve, Decline }
