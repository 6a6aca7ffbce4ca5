using System.Runtime.InteropServices;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Counts the weighted terms of one document after another and collects them into postings (person, frequency),
/// in document order. Terms are the words <see cref="SearchText.Words"/> makes; plain ASCII text is cut and
/// lower-cased in a reused buffer and looked up by span, so the millions of words of a large network cost no
/// allocation beyond one string per distinct term (the index build was dominated by that garbage).
/// </summary>
internal sealed class TermCounter
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> names = [];
    private readonly List<List<(int Person, float Frequency)>> postings = [];
    private readonly List<int> touched = [];
    private float[] frequency = new float[4096];
    private char[] buffer = new char[256];
    private float length;

    /// <summary>Counts the words of a text in the current document.</summary>
    public void Text(string? text, int weight)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (!System.Text.Ascii.IsValid(text))
        {
            // Accents to fold: the general (allocating) path.
            foreach (var word in SearchText.Words(text))
            {
                Add(Id(word), weight);
            }

            return;
        }

        if (buffer.Length < text.Length)
        {
            buffer = new char[Math.Max(text.Length, buffer.Length * 2)];
        }

        var folded = buffer.AsSpan(0, text.Length);
        for (var c = 0; c < text.Length; c++)
        {
            folded[c] = char.IsAsciiLetterOrDigit(text[c]) ? char.ToLowerInvariant(text[c]) : ' ';
        }

        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in folded.Split(' '))
        {
            var word = folded[range];
            if (!word.IsEmpty)
            {
                Add(lookup.TryGetValue(word, out var id) ? id : Id(word.ToString()), weight);
            }
        }
    }

    /// <summary>Closes the current document: its terms join the postings under this person; returns its weighted length.</summary>
    public float EndDocument(int person)
    {
        foreach (var id in touched)
        {
            postings[id].Add((person, frequency[id]));
            frequency[id] = 0;
        }

        touched.Clear();
        var total = length;
        length = 0;
        return total;
    }

    public Dictionary<string, (int Person, float Frequency)[]> Postings()
    {
        var result = new Dictionary<string, (int, float)[]>(names.Count, StringComparer.Ordinal);
        for (var id = 0; id < names.Count; id++)
        {
            result[names[id]] = [.. CollectionsMarshal.AsSpan(postings[id])];
        }

        return result;
    }

    private void Add(int id, int weight)
    {
        if (frequency[id] == 0)
        {
            touched.Add(id);
        }

        frequency[id] += weight;
        length += weight;
    }

    private int Id(string word)
    {
        if (ids.TryGetValue(word, out var id))
        {
            return id;
        }

        id = names.Count;
        ids[word] = id;
        names.Add(word);
        postings.Add([]);
        if (id >= frequency.Length)
        {
            Array.Resize(ref frequency, frequency.Length * 2);
        }

        return id;
    }
}
