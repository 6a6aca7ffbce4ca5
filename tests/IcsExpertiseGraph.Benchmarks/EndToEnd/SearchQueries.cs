using System.Text.Json;
using System.Text.Json.Nodes;

namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>One search as a client sends it: the words, the ExpertFilter (null: none), and whether it asks for facets.</summary>
public sealed record SearchRequest(string Text, JsonObject? Filter, bool Facets)
{
    // Variables rather than literals: what a real client sends, and the request text then never reaches the service's
    // document cache as something new; only the search itself is new.
    private const string Page = "totalCount edges { score node { id displayName } explanation { signal detail contribution } }";
    private const string Plain = $"query Search($q: String, $f: ExpertFilter) {{ searchExperts(query: $q, filter: $f, first: 20) {{ {Page} }} }}";
    private const string WithFacets = $"query Search($q: String, $f: ExpertFilter) {{ searchExperts(query: $q, filter: $f, first: 20) {{ {Page} facets {{ skills {{ value count }} domains {{ value count }} organisationTypes {{ value count }} }} }} }}";

    public string Key => SearchKey.Of(Text, Filter?.ToJsonString());

    public string Body() => JsonSerializer.Serialize(new { query = Facets ? WithFacets : Plain, variables = new { q = Text, f = Filter } });
}

/// <summary>
/// When two searches are the same search: the same words (ignoring case, punctuation, order, repeats and the joining
/// words the generator puts between phrases) and the same filter. Coarser than any result cache's key (the service's
/// keys on the raw text), so a search this calls new is new to the service too. Facets are left out on purpose: a
/// search asked again with facets could be ranked from the cache.
/// </summary>
public static class SearchKey
{
    private static readonly HashSet<string> Joining = new(StringComparer.Ordinal) { "a", "an", "and", "or", "the", "of", "in", "on", "for", "to", "with" };

    public static string Of(string text, string? filterJson) =>
        string.Join(' ', Words(text).Where(w => !Joining.Contains(w)).Distinct().Order(StringComparer.Ordinal)) + "|" + (filterJson ?? "");

    /// <summary>Lower-case runs of letters and digits.</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new string([.. text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public static bool IsJoining(string word) => Joining.Contains(word);
}

/// <summary>
/// Checks every search body just before it is sent: the run fails if any search repeats (by <see cref="SearchKey"/>),
/// warm-up and mixed load included. Independent of the generator, from the body as it goes on the wire.
/// </summary>
public sealed class RepeatGuard
{
    private readonly Lock gate = new();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public int Checked { get; private set; }

    public int Repeats { get; private set; }

    public string Check(string body)
    {
        var variables = JsonNode.Parse(body)!["variables"]!;
        var key = SearchKey.Of(variables["q"]!.GetValue<string>(), variables["f"]?.ToJsonString());
        lock (gate)
        {
            Checked++;
            if (!seen.Add(key))
            {
                Repeats++;
            }
        }

        return body;
    }
}

/// <summary>
/// Searches nobody has asked before in this run, as people type them: a skill's name or alias, two of them together,
/// one with a plain word, or plain words from the skills' descriptions; about half with a filter (availability, openness
/// to other organisations, an ICS, a domain, or several), about a third asking for facets. Drawn from a seeded random
/// source, so two runs ask the same searches; a draw that would repeat an earlier search is drawn again. Thread-safe.
/// </summary>
public sealed class NeverRepeatedSearches
{
    private const int MaxLength = 200;
    private const int MaxDraws = 100_000;

    private readonly Lock gate = new();
    private readonly HashSet<string> asked = new(StringComparer.Ordinal);
    private readonly Random random;
    private readonly IReadOnlyList<string> phrases;
    private readonly string[] words;
    private readonly IReadOnlyList<string> domains;
    private readonly IReadOnlyList<string> systemIds;

    public NeverRepeatedSearches(IReadOnlyList<string> phrases, IReadOnlyList<string> descriptions, IReadOnlyList<string> domains, IReadOnlyList<string> systemIds, int seed)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        this.phrases = phrases;
        this.domains = domains;
        this.systemIds = systemIds;
        random = new Random(seed);
        // Words long enough to mean something on their own ("variation", "discharge", "patients"), not "and" or "its".
        words = [.. descriptions.SelectMany(SearchKey.Words).Where(w => w.Length >= 5 && w.All(char.IsLetter) && !SearchKey.IsJoining(w)).Distinct().Order(StringComparer.Ordinal)];
    }

    public SearchRequest Next()
    {
        lock (gate)
        {
            for (var draw = 0; draw < MaxDraws; draw++)
            {
                var candidate = new SearchRequest(Text(), Filter(), random.Next(10) < 3);
                if (candidate.Text.Length <= MaxLength && asked.Add(candidate.Key))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"No new search in {MaxDraws} draws after {asked.Count} searches: the taxonomy has run out of new questions.");
    }

    private string Text() => random.Next(100) switch
    {
        < 20 => Phrase(),
        < 55 => $"{Phrase()} and {Phrase()}",
        < 70 => $"{Phrase()} for {Word()}",
        _ => string.Join(' ', Enumerable.Range(0, random.Next(2, 4)).Select(_ => Word())),
    };

    private JsonObject? Filter() => random.Next(10) switch
    {
        < 4 => null,
        4 => new JsonObject { ["availableOnly"] = true },
        5 => new JsonObject { ["openToCrossOrganisation"] = true },
        6 => new JsonObject { ["availableOnly"] = true, ["openToCrossOrganisation"] = false },
        7 => new JsonObject { ["icsIds"] = new JsonArray(Pick(systemIds)) },
        8 => new JsonObject { ["domains"] = new JsonArray(Pick(domains)) },
        _ => new JsonObject { ["domains"] = new JsonArray(Pick(domains)), ["icsIds"] = new JsonArray(Pick(systemIds)), ["availableOnly"] = true },
    };

    private string Phrase() => Pick(phrases);

    private string Word() => words[random.Next(words.Length)];

    private string Pick(IReadOnlyList<string> values) => values[random.Next(values.Count)];
}
