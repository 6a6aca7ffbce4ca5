using System.Text.Json;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// JSON may spell an unpaired UTF-16 surrogate ("\ud800"), which no UTF-8 store can hold: SQLite would quietly
/// turn it into U+FFFD, so the caller's text would not be what was stored. Such requests are refused instead.
/// </summary>
internal static class WellFormedText
{
    public const string Problem = "The request contains text that is not valid Unicode (an unpaired surrogate).";

    public static bool IsWellFormed(JsonElement element)
    {
        try
        {
            return Walk(element);
        }
        catch (InvalidOperationException)
        {
            return false; // System.Text.Json refuses to unescape some unpaired surrogates at all (one that ends a string).
        }
    }

    private static bool Walk(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => IsWellFormed(element.GetString()!),
        JsonValueKind.Object => element.EnumerateObject().All(p => IsWellFormed(p.Name) && Walk(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(Walk),
        _ => true,
    };

    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
