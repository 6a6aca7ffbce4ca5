
namespace IcsExpertiseGraph.Api.Auth;

/// <summary>The app roles a development sign-in may take (as Entra ID would put them in the token's roles claim).</summary>
public enum Role { NetworkManager, Admin }
