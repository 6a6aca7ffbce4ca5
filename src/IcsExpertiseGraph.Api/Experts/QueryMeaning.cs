namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// A query understood: the skills it asks for, the free words left once the skills' names are taken out, the typed
/// words of each recognised name (found in text only together), and every word of it (to find a person by name).
/// </summary>
public sealed record QueryMeaning(IReadOnlyList<Concept> Concepts, IReadOnlyList<string> FreeTerms, IReadOnlyList<IReadOnlyList<string>> Phrases, IReadOnlyList<string> AllTerms)
{
    public static QueryMeaning Nothing { get; } = new([], [], [], []);
}
