using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>Exports of the collaboration graph for Gephi and Cytoscape: who may download, and that hidden people stay hidden.</summary>
public sealed class ExportTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static readonly Viewer Admin = Viewers.Everyone;
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";

    private async Task<(Person Member, Person Manager, IReadOnlyList<Person> Everyone)> PeopleAsync()
    {
        var everyone = await SeededPeople.AllAsync(api.Factory.Store);
        var open = SeededPeople.SignInAble(everyone);
        return (open[0], open[1], everyone);
    }

    private async Task<HttpResponseMessage> DownloadAsync(string query, string? token)
    {
        using var client = api.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exports/collaboration" + query);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task OnlyNetworkManagersDownloadAndPrivatePeopleAreNeverInIt()
    {
        var (member, manager, everyone) = await PeopleAsync();
        var hidden = everyone.Where(p => p.Visibility == Visibility.Private).Select(p => p.Id.ToString("D")).ToHashSet();

        using var anonymous = await DownloadAsync("?format=graphml", null);
        using var forbidden = await DownloadAsync("?format=graphml", api.Factory.TokenFor(member));
        using var badFormat = await DownloadAsync("?format=pdf", api.Factory.TokenFor(manager, Roles.NetworkManager));
        using var graphml = await DownloadAsync("?format=graphml", api.Factory.TokenFor(manager, Roles.NetworkManager));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.OK, graphml.StatusCode);
        var document = XDocument.Parse(await graphml.Content.ReadAsStringAsync());
        var nodes = document.Descendants(GraphMl + "node").Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.Equal(everyone.Count(p => p.Visibility != Visibility.Private), nodes.Count);
        Assert.Empty(nodes.Intersect(hidden));
        var edges = document.Descendants(GraphMl + "edge").ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.True(nodes.Contains((string)e.Attribute("source")!) && nodes.Contains((string)e.Attribute("target")!)));
    }

    [Fact]
    public async Task AnIcsExportHoldsOnlyThatIcsAsCytoscapeJson()
    {
        var (_, manager, _) = await PeopleAsync();
        var facets = await api.Factory.QueryAsync("{ searchExperts { facets { integratedCareSystems { value count } } } }");
        var ics = facets["data"]!["searchExperts"]!["facets"]!["integratedCareSystems"]![0]!["value"].Str();
        Assert.True(GlobalId.TryDecode(ics, out _, out var icsGuid));

        using var response = await DownloadAsync($"?format=json&icsId={ics}", api.Factory.TokenFor(manager, Roles.NetworkManager));

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var nodes = json["elements"]!["nodes"].Arr();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Equal(icsGuid.ToString("D"), n!["data"]!["ics"].Str()));
        var ids = nodes.Select(n => n!["data"]!["id"].Str()).ToHashSet();
        Assert.All(json["elements"]!["edges"].Arr(), e => Assert.True(ids.Contains(e!["data"]!["source"].Str()) && ids.Contains(e["data"]!["target"].Str())));
    }

    [Fact]
    public async Task TheExportVerbWritesTheSameGraphToAFile()
    {
        _ = api.Factory.Server;
        var file = Path.Combine(Path.GetTempPath(), $"collaboration-{Guid.NewGuid():N}.graphml");
        try
        {
            Assert.Equal(0, await ExportCommand.RunAsync(["export", "--format", "graphml", "--ics", "QWO", "--out", file], api.Factory.Services, CancellationToken.None));
            Assert.Equal(2, await ExportCommand.RunAsync(["export", "--format", "svg"], api.Factory.Services, CancellationToken.None));
            Assert.Equal(2, await ExportCommand.RunAsync(["export", "--format", "json", "--ics", "NOPE"], api.Factory.Services, CancellationToken.None));

            var document = XDocument.Load(file);
            var qwo = ReferenceIcs("QWO");
            Assert.All(document.Descendants(GraphMl + "node"), n =>
                Assert.Equal(qwo, n.Elements(GraphMl + "data").Single(d => (string)d.Attribute("key")! == "ics").Value));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string ReferenceIcs(string ods) => Api.Seeding.ReferenceData.StableId("ics", ods).ToString("D");
}
