using IcsExpertiseGraph.Api.Domain;
using System.Buffers.Text;
using System.Text;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>
/// Relay global ids: base64url("Type:uuid"). Opaque to clients, and carrying the type so <c>node(id:)</c>
/// can route and a Person id passed where an Organisation id belongs is caught as bad input.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(typeName + ":" + id.ToString("N")));

    public static bool TryDecode(string? globalId, out string typeName, out Guid id)
    {
        typeName = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 128 || !Base64Url.IsValid(globalId))
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Guid.TryParseExact(text[(colon + 1)..], "N", out id))
        {
            return false;
        }

        typeName = text[..colon];
        return true;
    }

    /// <summary>Decodes an id that must be of <paramref name="typeName"/>, or fails with BAD_USER_INPUT naming the argument.</summary>
    public static Guid Parse(string? globalId, string typeName, string field)
    {
        if (!TryDecode(globalId, out var actualType, out var id))
        {
            throw new BadUserInputError(field, $"'{globalId}' is not a valid id.");
        }

        return actualType == typeName
            ? id
            : throw new BadUserInputError(field, $"The id is a {actualType} id; a {typeName} id is expected here.");
    }
}
