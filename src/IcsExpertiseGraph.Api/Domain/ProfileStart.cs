using IcsExpertiseGraph.Api.Auth;

namespace IcsExpertiseGraph.Api.Domain;

/// <summary>How a profile a member creates for themself starts: PRIVATE (nobody else sees it until they choose), named from their sign-in.</summary>
public static class ProfileStart
{
    public const int MaxDisplayName = 120;

    public static string DisplayName(SignedInIdentity identity)
    {
        var name = string.IsNullOrWhiteSpace(identity.Name) ? "New member" : identity.Name.Trim();
        return name[..Math.Min(name.Length, MaxDisplayName)];
    }
}
