namespace IcsExpertiseGraph.Api.Domain;

/// <summary>Which side of an invitation a person is on.</summary>
public enum InvitationSide { Received, Sent }
