namespace IcsExpertiseGraph.Api.Domain;

public enum InvitationResponse { Accept, Decline }
