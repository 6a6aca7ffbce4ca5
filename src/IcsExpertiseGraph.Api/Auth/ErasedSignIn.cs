using System.Security.Cryptography;
using System.Text;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// What the stores keep of a sign-in whose profile was erased: a hash of the identity provider's object id, so a
/// returning token can be recognised without the store holding the id (or anything else about the person). Object ids
/// are random GUIDs (Entra ID) or ids of profiles that no longer exist (the local issuer), so the hash cannot be turned
/// back into them by guessing.
/// </summary>
public static class ErasedSignIn
{
    public const string RefusalMessage =
        "The profile of this sign-in was deleted, so tokens issued before the deletion are no longer accepted. Sign in again; you can then create a new profile if you wish.";

    /// <summary>Lower-case hex SHA-256 of the object id's UTF-8 bytes.</summary>
    public static string HashOf(string externalId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(externalId)));

    /// <summary>
    /// Whether a token issued at <paramref name="issuedAt"/> predates the erasure at <paramref name="erasedAt"/>. Token
    /// times are whole seconds, so a token from the erasure's own second is refused too (the safe side: a new sign-in a
    /// second later works). A token without an issue time cannot be placed and is not refused on this ground.
    /// </summary>
    public static bool Predates(DateTimeOffset? issuedAt, DateTimeOffset? erasedAt) =>
        issuedAt is { } issued && erasedAt is { } erased && issued.ToUnixTimeSeconds() <= erased.ToUnixTimeSeconds();
}

/// <summary>A validated token that must not be served: its sign-in's profile was erased after it was issued. Answered 401, UNAUTHENTICATED.</summary>
public sealed class SignInRefusedException(string message) : Exception(message);
