namespace IcsExpertiseGraph.Api.Domain;

/// <summary>An invitation's life: SENT until the invitee answers, the inviter withdraws it, or respondBy passes.</summary>
public enum InvitationStatus { Sent, Accepted, Declined, Withdrawn, Expired }
