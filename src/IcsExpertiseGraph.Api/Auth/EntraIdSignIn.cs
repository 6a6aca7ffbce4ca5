namespace IcsExpertiseGraph.Api.Auth;

/// <summary>What a browser needs to sign in with Entra ID (MSAL): the authority, its own app registration, the API's scopes.</summary>
public sealed record EntraIdSignIn(string Authority, string ClientId, IReadOnlyList<string> Scopes);
