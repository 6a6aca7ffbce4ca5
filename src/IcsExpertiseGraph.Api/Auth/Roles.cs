using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>App roles, as Entra ID puts them in the token's <c>roles</c> claim.</summary>
public static class Roles
{
    public const string NetworkManager = "NetworkManager";
    public const string Admin = "Admin";
}
