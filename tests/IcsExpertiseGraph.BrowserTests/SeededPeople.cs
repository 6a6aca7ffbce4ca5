using System.Text.Json;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>People of the demo seed to act as, found through the API the way the pages find them.</summary>
public static class SeededPeople
{
    /// <summary>
    /// The ten best public matches for "lean" (ids and display names), best first, as they were when the class's
    /// service started (asked once per fixture, so a test that edits a profile cannot change whom the next one picks).
    /// </summary>
    public static Task<IReadOnlyList<(string Id, string Name)>> LeanExpertsAsync(WebAppFixture app) =>
        app.Remember(nameof(LeanExpertsAsync), () => AskLeanExpertsAsync(app));

    private static async Task<IReadOnlyList<(string Id, string Name)>> AskLeanExpertsAsync(WebAppFixture app)
    {
        var data = await app.QueryAsync("""{ searchExperts(query: "lean", first: 10) { edges { node { id displayName } } } }""");
        return data.GetProperty("searchExperts").GetProperty("edges").EnumerateArray()
            .Select(edge => edge.GetProperty("node"))
            .Select(node => (node.GetProperty("id").GetString()!, node.GetProperty("displayName").GetString()!))
            .ToList();
    }

    /// <summary>The first Integrated Care System by name (id, name).</summary>
    public static async Task<(string Id, string Name)> FirstIcsAsync(WebAppFixture app)
    {
        var data = await app.QueryAsync("{ integratedCareSystems(first: 1) { edges { node { id name } } } }");
        JsonElement node = data.GetProperty("integratedCareSystems").GetProperty("edges")[0].GetProperty("node");
        return (node.GetProperty("id").GetString()!, node.GetProperty("name").GetString()!);
    }
}
