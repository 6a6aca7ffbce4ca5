namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>The queries the performance issue names, as a signed-in network manager sends them.</summary>
public static class Queries
{
    public const string Floor = "{ __typename } (floor)";
    public const string MutationName = "updateMyProfile (headline)";

    public static IEnumerable<(string Name, string Body)> Reads(Ids ids)
    {
        yield return (Floor, Ids.Body("{ __typename }"));
        yield return ("person with skills and employments", Ids.Body(Person(ids.Person)));
        yield return ("searchExperts: text only", Ids.Body("""{ searchExperts(query: "lean") { totalCount edges { score node { id displayName } } } }"""));
        yield return ("searchExperts: text + filters", Ids.Body("""{ searchExperts(query: "SPC and systems thinking", filter: { availableOnly: true, openToCrossOrganisation: true }) { totalCount edges { score node { id displayName } } } }"""));
        yield return ("searchExperts: filters only", Ids.Body("""{ searchExperts(filter: { domains: [QUALITY_CONTROL], availableOnly: true }) { totalCount edges { score node { id displayName } } } }"""));
        yield return ("searchExperts: with facets", Ids.Body("""{ searchExperts(query: "SPC and systems thinking", filter: { availableOnly: true }) { totalCount facets { skills { value count } domains { value count } organisationTypes { value count } } edges { score node { id displayName } } } }"""));
        yield return ("similarExperts", Ids.Body($$"""{ similarExperts(personId: "{{ids.Person}}", first: 10) { score node { id displayName } } }"""));
        yield return ("assembleTeam", Ids.Body($$"""{ assembleTeam(skillIds: [{{string.Join(", ", ids.Skills.Select(s => $"\"{s}\""))}}], size: 5) { organisationCount members { person { id displayName } } uncoveredSkills { id } } }"""));
        yield return ("collaborationPath", Ids.Body($$"""{ collaborationPath(from: "{{ids.Person}}", to: "{{ids.Far}}") { length people { id displayName } } }"""));
        yield return ("collaborationNetwork (2 hops)", Ids.Body($$"""{ collaborationNetwork(around: "{{ids.Person}}", hops: 2) { truncated nodes { person { id } } edges { from to weight } } }"""));
        yield return ("expertiseCoverage", Ids.Body($$"""{ expertiseCoverage(icsId: "{{ids.Ics}}") { peopleCounted domains { domain expertCount share } gaps { id } balance { statement } } }"""));
        yield return ("brokers (cached)", Ids.Body("{ brokers(first: 10) { betweenness organisationsBridged person { id displayName } } }"));
        // The web UI's heaviest pictures: the coverage heatmap's rows and an ICS drawn as its people.
        yield return ("expertiseCoverage heatmap (places x domains)", Ids.Body($$"""{ expertiseCoverage(icsId: "{{ids.Ics}}") { places { place { name } peopleCounted cells { domain expertCount practitionerCount } } } }"""));
        yield return ("systemNetwork (an ICS, 200 people)", Ids.Body($$"""{ systemNetwork(icsId: "{{ids.Ics}}", limit: 200) { truncated nodes { betweenness person { id displayName } organisation { id name } } edges { from to weight } } }"""));
    }

    /// <summary>
    /// A different search every time (skill names crossed with filters), so none is answered from the result cache:
    /// what a query nobody asked before costs.
    /// </summary>
    public static Func<int, string> DistinctSearches(IReadOnlyList<string> skillNames)
    {
        string[] filters = ["", "filter: { availableOnly: true }", "filter: { openToCrossOrganisation: true }", "filter: { availableOnly: true, openToCrossOrganisation: false }"];
        return i => System.Text.Json.JsonSerializer.Serialize(new
        {
            query = $$"""query($q: String) { searchExperts(query: $q {{filters[i / skillNames.Count % filters.Length]}}) { totalCount edges { score node { id displayName } } } }""",
            variables = new { q = skillNames[i % skillNames.Count] },
        });
    }

    /// <summary>The manager's own headline, a different one each time (so every request is a real write).</summary>
    public static string Mutation(int i) =>
        Ids.Body($$"""mutation { updateMyProfile(input: { headline: "Improvement lead {{i}} {{FreshWord(i)}}" }) { version headline } }""");

    /// <summary>A word only the <paramref name="i"/>th headline write has (letters only: nothing else in the network has it).</summary>
    public static string FreshWord(int i) => "zq" + string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('a' + (d - '0')))) + "xv";

    public static IReadOnlyList<string> Mixed(Ids ids) =>
    [
        Ids.Body("""{ searchExperts(query: "SPC and systems thinking", filter: { availableOnly: true }) { totalCount edges { score node { id displayName } } } }"""),
        Ids.Body(Person(ids.Person)),
        Ids.Body($$"""{ collaborationPath(from: "{{ids.Person}}", to: "{{ids.Far}}") { length people { id } } }"""),
    ];

    public static string Person(string id) =>
        $$"""{ person(id: "{{id}}") { id displayName headline skills { level verified skill { id name } } employments { role primary organisation { id name } } } }""";
}
