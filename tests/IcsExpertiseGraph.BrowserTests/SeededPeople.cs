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

    /// <summary>Public people who have worked on no project (so no network of their own), with the ICS they work in, as at the service's start.</summary>
    public static Task<IReadOnlyList<(string Id, string Name, string IcsName)>> WithoutProjectsAsync(WebAppFixture app) =>
        app.Remember(nameof(WithoutProjectsAsync), async () =>
        {
            var data = await app.QueryAsync("""
                { searchExperts(first: 100) { edges { node { id displayName contributions { role }
                  employments { until organisation { integratedCareSystem { name } } } } } } }
                """);
            return (IReadOnlyList<(string, string, string)>)[.. data.GetProperty("searchExperts").GetProperty("edges").EnumerateArray()
                .Select(edge => edge.GetProperty("node"))
                .Where(node => node.GetProperty("contributions").GetArrayLength() == 0)
                .Select(node => (node.GetProperty("id").GetString()!, node.GetProperty("displayName").GetString()!,
                    node.GetProperty("employments").EnumerateArray().First(e => e.GetProperty("until").ValueKind == JsonValueKind.Null)
                        .GetProperty("organisation").GetProperty("integratedCareSystem").GetProperty("name").GetString()!))];
        });

    /// <summary>The first Integrated Care System by name (id, name).</summary>
    public static async Task<(string Id, string Name)> FirstIcsAsync(WebAppFixture app)
    {
        var data = await app.QueryAsync("{ integratedCareSystems(first: 1) { edges { node { id name } } } }");
        JsonElement node = data.GetProperty("integratedCareSystems").GetProperty("edges")[0].GetProperty("node");
        return (node.GetProperty("id").GetString()!, node.GetProperty("name").GetString()!);
    }
}
