namespace IcsExpertiseGraph.Api.Auth;

/// <summary>How a client signs in to this instance: with Entra ID, with the local issuer's tokens, or not at all.</summary>
public enum SignInMode { EntraId, LocalDevelopment, None }
