using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>Free text from an input, checked once for every field that takes it: trimmed, within its limit, and blank meaning none.</summary>
public static class InputText
{
    /// <summary>Trimmed text within its limit; blank is no text.</summary>
    public static string? Optional(string? text, string field, int max) =>
        string.IsNullOrWhiteSpace(text) ? null
        : text.Trim().Length > max ? throw new BadUserInputError(field, $"{field} must be at most {max} characters.")
        : text.Trim();

    /// <summary>Trimmed text within its limit, and not blank.</summary>
    public static string Required(string? text, string field, int max) =>
        Optional(text, field, max) ?? throw new BadUserInputError(field, $"{field} must not be empty.");
}
