using System.Globalization;
using System.Text;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Normalises what a person types: case, accents and punctuation do not matter, and filler words
/// ("someone who can help with...") are dropped before anything reaches a full-text index.
/// </summary>
public static class SearchText
{
    private const int MaxTerms = 16;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "or", "the", "of", "in", "on", "for", "to", "with", "who", "can", "could", "someone", "somebody",
        "anyone", "people", "person", "expert", "experts", "help", "another", "other", "our", "my", "at", "by", "is", "are",
        "be", "that", "this", "from", "into", "about", "need", "needs", "want", "looking", "find",
    };

    /// <summary>Lower-case words of letters and digits, without accents or filler, at most sixteen.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        var words = Words(text).Where(w => !StopWords.Contains(w)).Distinct().Take(MaxTerms).ToList();
        return words;
    }

    /// <summary>A filler word ("and", "someone"), which never counts as text on its own.</summary>
    public static bool IsFiller(string word) => StopWords.Contains(word);

    /// <summary>Every word, filler included: used to match multi-word skill names ("theory of constraints").</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var folded = new StringBuilder(text.Length);
        // Plain ASCII has no accents to take off: decomposing it would only cost time (index builds read millions of words).
        foreach (var c in System.Text.Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A crude singular: enough that "audits" finds "audit" and "charts" finds "chart".</summary>
    public static string Singular(string word) =>
        word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
}
