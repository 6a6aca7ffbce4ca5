namespace IcsExpertiseGraph.Api.Domain;

/// <summary>The limits the store enforces when it records an invitation (configuration, not data).</summary>
public sealed record InvitationPolicy(int DailyLimitPerInviter);
