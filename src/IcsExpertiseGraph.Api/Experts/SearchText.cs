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

    /// <summary>What a folded word of plain ASCII is made of.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainWordCharacters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

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

        return Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// The text as <see cref="Words"/> reads it, before it is cut: lower case without accents, every other character a
    /// space. Looking words up in it (<see cref="HasWordStarting"/>) makes no string per word.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = new StringBuilder(text.Length);
        // Plain ASCII has no accents to take off (index builds read millions of words). Otherwise a combining accent typed
        // on its own is dropped and an accented Latin letter becomes its plain one: the service runs with invariant
        // globalization, where string.Normalize does not decompose, so "zoe" must find "Zoë" by this table.
        var ascii = System.Text.Ascii.IsValid(text);
        foreach (var c in text)
        {
            if (TryFold(c, ascii, out var one))
            {
                folded.Append(one);
            }
        }

        return folded.ToString();
    }

    /// <summary>
    /// Whether a word of <paramref name="text"/>, folded as <see cref="Fold"/> folds it, begins with <paramref name="prefix"/>
    /// (a folded word): the same answer as <see cref="HasWordStarting"/> on the folded text, folding as it reads, so
    /// explaining a page of hits makes no copy of anyone's bio.
    /// </summary>
    public static bool HasFoldedWordStarting(string? text, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var ascii = System.Text.Ascii.IsValid(text);
        if (ascii && !prefix.AsSpan().ContainsAnyExcept(PlainWordCharacters))
        {
            // Both plain ASCII, the prefix already folded (the usual case, and every bio on a page of hits): folding only
            // lowers case and turns every other character into a space, so a vectorised search that ignores case finds the
            // same places; each is a word's start when nothing or a non-letter, non-digit comes before it.
            var rest = text.AsSpan();
            for (var at = rest.IndexOf(prefix, StringComparison.OrdinalIgnoreCase); at >= 0; at = rest.IndexOf(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var start = text.Length - rest.Length + at;
                if (start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1]))
                {
                    return true;
                }

                rest = rest[(at + 1)..];
            }

            return false;
        }

        var previous = ' ';
        for (var i = 0; i < text.Length; i++)
        {
            if (!TryFold(text[i], ascii, out var folded))
            {
                continue;
            }

            if (previous == ' ' && folded == prefix[0] && StartsAt(text, i, prefix, ascii))
            {
                return true;
            }

            previous = folded;
        }

        return false;
    }

    private static bool StartsAt(string text, int at, string prefix, bool ascii)
    {
        var matched = 0;
        for (var i = at; matched < prefix.Length; i++)
        {
            if (i >= text.Length)
            {
                return false;
            }

            if (!TryFold(text[i], ascii, out var folded))
            {
                continue;
            }

            if (folded != prefix[matched++])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One character as <see cref="Fold"/> folds it; false for a combining accent, which folding drops.</summary>
    private static bool TryFold(char c, bool ascii, out char folded)
    {
        if (!ascii && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            folded = '\0';
            return false;
        }

        var plain = ascii ? c : WithoutAccent(c);
        folded = char.IsLetterOrDigit(plain) ? char.ToLowerInvariant(plain) : ' ';
        return true;
    }

    // The plain letter of each accented letter of Latin-1 (from U+00C0) and Latin Extended-A (to U+017F), in code point
    // order; '\0' where there is none to give (Æ, ×, Þ, ß, Ĳ, Œ...), which stay as they are.
    private const string LatinPlain =
        "AAAAAA\0CEEEEIIIIDNOOOOO\0OUUUUY\0\0aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y" +
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi\0\0JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo\0\0RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

    private static char WithoutAccent(char c)
    {
        var at = c - '\u00C0';
        return at >= 0 && at < LatinPlain.Length && LatinPlain[at] != '\0' ? LatinPlain[at] : c;
    }

    /// <summary>Whether a word of <paramref name="folded"/> (from <see cref="Fold"/>) begins with <paramref name="prefix"/>.</summary>
    public static bool HasWordStarting(string folded, string prefix)
    {
        ArgumentNullException.ThrowIfNull(folded);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        for (var at = folded.IndexOf(prefix, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(prefix, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || folded[at - 1] == ' ')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A crude singular: enough that "audits" finds "audit" and "charts" finds "chart".</summary>
    public static string Singular(string word) =>
        word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
}
