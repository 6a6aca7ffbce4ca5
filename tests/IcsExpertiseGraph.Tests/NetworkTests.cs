using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>The collaboration graph through the API: who may ask what, and answers that hold up against the data.</summary>
public sealed class NetworkTests(SharedApi api) : IClassFixture<SharedApi>
{
    private ApiFactory Factory => api.Factory;

    private async Task<(string Member, string Manager)> TokensAsync()
    {
        var people = await SeededPeople.SignInAbleAsync(Factory.Store);
        return (Factory.TokenFor(people[0]), Factory.TokenFor(people[1], Roles.NetworkManager));
    }

    private Task<string> IcsWithPeopleAsync() => IcsWithMostPeopleAsync(Factory);

    /// <summary>The ICS with the most people anyone may see (the first of the search facets).</summary>
    internal static async Task<string> IcsWithMostPeopleAsync(ApiFactory factory)
    {
        var response = await factory.QueryAsync("{ searchExperts { facets { integratedCareSystems { value count } } } }");
        return response["data"]!["searchExperts"]!["facets"]!["integratedCareSystems"]![0]!["value"].Str();
    }

    [Fact]
    public async Task PathsAndNetworksNeedASignInAndReportsNeedANetworkManager()
    {
        var (member, manager) = await TokensAsync();
        var ics = await IcsWithPeopleAsync();
        var someone = GlobalId.Encode("Person", (await Factory.Store.ListPeopleAsync(Viewer.Anonymous, new PageRequest(0, 1), CancellationToken.None)).Items[0].Id);

        var anonymousNetwork = await Factory.QueryAsync("query($p: ID!) { collaborationNetwork(around: $p) { truncated } }", new { p = someone });
        Assert.Equal("UNAUTHENTICATED", anonymousNetwork.ErrorCode());
        Assert.Null((await Factory.QueryAsync("query($p: ID!) { collaborationNetwork(around: $p) { truncated } }", new { p = someone }, member))["errors"]);

        foreach (var report in new[]
        {
            "query($ics: ID!) { brokers(icsId: $ics) { betweenness } }",
            "query($ics: ID!) { communities(icsId: $ics) { size } }",
            "query($ics: ID!) { organisationCollaboration(icsId: $ics) { links { weight } } }",
            "query($ics: ID!) { expertiseCoverage(icsId: $ics) { peopleCounted } }",
            "query($ics: ID!) { systemNetwork(icsId: $ics) { truncated } }",
        })
        {
            Assert.Equal("UNAUTHENTICATED", (await Factory.QueryAsync(report, new { ics })).ErrorCode());
            Assert.Equal("FORBIDDEN", (await Factory.QueryAsync(report, new { ics }, member)).ErrorCode());
            var allowed = await Factory.QueryAsync(report, new { ics }, manager);
            Assert.True(allowed["errors"] is null, allowed.ToJsonString());
        }
    }

    [Fact]
    public async Task EveryStepOfAWarmPathIsAProjectBothPeopleWorkedOn()
    {
        var (member, _) = await TokensAsync();
        var people = (await Factory.Store.ListPeopleAsync(Viewer.Anonymous, new PageRequest(0, 1000), CancellationToken.None)).Items;
        var found = 0;
        foreach (var (from, to) in people.Take(12).SelectMany(a => people.Skip(40).Take(12).Select(b => (a, b))))
        {
            var response = await Factory.QueryAsync("query($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b) { length people { id } projects { id contributors { person { id } } } } }",
                new { a = GlobalId.Encode("Person", from.Id), b = GlobalId.Encode("Person", to.Id) }, member);
            Assert.Null(response["errors"]);
            if (response["data"]!["collaborationPath"] is not JsonObject path)
            {
                continue;
            }

            found++;
            var steps = path["people"].Arr().Select(p => p!["id"].Str()).ToList();
            var projects = path["projects"].Arr();
            Assert.Equal(path["length"]!.GetValue<int>(), projects.Count);
            Assert.Equal(steps.Count - 1, projects.Count);
            Assert.Equal(GlobalId.Encode("Person", from.Id), steps[0]);
            Assert.Equal(GlobalId.Encode("Person", to.Id), steps[^1]);
            for (var i = 0; i < projects.Count; i++)
            {
                var team = projects[i]!["contributors"].Arr().Select(c => c!["person"]!["id"].Str()).ToHashSet();
                Assert.Contains(steps[i], team);
                Assert.Contains(steps[i + 1], team);
            }
        }

        Assert.True(found > 0, "Some of the sampled pairs should be connected.");
    }

    [Fact]
    public async Task ANeighbourhoodDrawsOnlyLinksAmongItsNodesAndSaysWhenItWasCut()
    {
        var (member, _) = await TokensAsync();
        var people = (await Factory.Store.ListPeopleAsync(Viewer.Anonymous, new PageRequest(0, 1000), CancellationToken.None)).Items;
        var contributions = await Factory.Store.GetContributionsOfPeopleAsync([.. people.Select(p => p.Id)], CancellationToken.None);
        var centre = GlobalId.Encode("Person", people.First(p => contributions.ContainsKey(p.Id)).Id);
        const string query = "query($p: ID!, $limit: Int) { collaborationNetwork(around: $p, hops: 3, limit: $limit) { truncated nodes { person { id } } edges { from to weight projects { id } } } }";

        var full = (await Factory.QueryAsync(query, new { p = centre, limit = 1000 }, member))["data"]!["collaborationNetwork"]!;
        var nodes = full["nodes"].Arr().Select(n => n!["person"]!["id"].Str()).ToHashSet();
        Assert.Equal(centre, full["nodes"]![0]!["person"]!["id"].Str());
        Assert.All(full["edges"].Arr(), e =>
        {
            Assert.Contains(e!["from"].Str(), nodes);
            Assert.Contains(e["to"].Str(), nodes);
            Assert.Equal(e["weight"]!.GetValue<int>(), e["projects"].Arr().Count);
        });
        Assert.False(full["truncated"]!.GetValue<bool>());
        if (nodes.Count > 2)
        {
            var cut = (await Factory.QueryAsync(query, new { p = centre, limit = 2 }, member))["data"]!["collaborationNetwork"]!;
            Assert.True(cut["truncated"]!.GetValue<bool>());
            Assert.Equal(2, cut["nodes"].Arr().Count);
        }

        Assert.Equal(("BAD_USER_INPUT", "hops"), ((await Factory.QueryAsync("query($p: ID!) { collaborationNetwork(around: $p, hops: 4) { truncated } }", new { p = centre }, member)).ErrorCode(),
            (await Factory.QueryAsync("query($p: ID!) { collaborationNetwork(around: $p, hops: 4) { truncated } }", new { p = centre }, member)).ErrorField()));
    }

    [Fact]
    public async Task AnIcsNetworkIsItsPeopleBrokersFirstWithEveryLinkAmongThem()
    {
        var (_, manager) = await TokensAsync();
        var ics = await IcsWithPeopleAsync();
        const string query = "query($ics: ID!, $limit: Int) { systemNetwork(icsId: $ics, limit: $limit) { truncated nodes { betweenness person { id } organisation { integratedCareSystem { id } } } edges { from to weight } } }";

        var whole = (await Factory.QueryAsync(query, new { ics, limit = 1000 }, manager))["data"]!["systemNetwork"]!;
        var brokers = (await Factory.QueryAsync("query($ics: ID!) { brokers(icsId: $ics, first: 100) { betweenness person { id } } }", new { ics }, manager))["data"]!["brokers"].Arr();

        var nodes = whole["nodes"].Arr();
        var ids = nodes.Select(n => n!["person"]!["id"].Str()).ToList();
        Assert.False(whole["truncated"]!.GetValue<bool>());
        Assert.True(nodes.Count > 10, $"only {nodes.Count} people in the busiest ICS");
        Assert.All(nodes, n => Assert.Equal(ics, n!["organisation"]!["integratedCareSystem"]!["id"].Str()));
        var figures = nodes.Select(n => n!["betweenness"]!.GetValue<double>()).ToList();
        Assert.Equal(figures.OrderByDescending(f => f), figures);
        // Every broker of the ICS is drawn, with the figure brokers gives.
        Assert.All(brokers, b => Assert.Equal(b!["betweenness"]!.GetValue<double>(), figures[ids.IndexOf(b["person"]!["id"].Str())]));
        // The links are exactly those between two of its people: the top broker's are their one-step neighbours there.
        var edges = whole["edges"].Arr().Select(e => (From: e!["from"].Str(), To: e["to"].Str())).ToList();
        Assert.All(edges, e => Assert.True(ids.Contains(e.From) && ids.Contains(e.To)));
        var top = ids[0];
        var around = (await Factory.QueryAsync("query($p: ID!) { collaborationNetwork(around: $p, hops: 1, limit: 1000) { nodes { person { id } } } }", new { p = top }, manager))["data"]!["collaborationNetwork"]!["nodes"].Arr()
            .Select(n => n!["person"]!["id"].Str()).Skip(1).Where(ids.Contains).Order(StringComparer.Ordinal);
        var linked = edges.Where(e => e.From == top || e.To == top).Select(e => e.From == top ? e.To : e.From).Order(StringComparer.Ordinal);
        Assert.Equal(around, linked);

        var three = (await Factory.QueryAsync(query, new { ics, limit = 3 }, manager))["data"]!["systemNetwork"]!;
        Assert.True(three["truncated"]!.GetValue<bool>());
        Assert.Equal(ids.Take(3), three["nodes"].Arr().Select(n => n!["person"]!["id"].Str()));
        // A limit of exactly the ICS's people draws them all, untruncated.
        Assert.False((await Factory.QueryAsync(query, new { ics, limit = nodes.Count }, manager))["data"]!["systemNetwork"]!["truncated"]!.GetValue<bool>());
        Assert.Equal("limit", (await Factory.QueryAsync(query, new { ics, limit = 0 }, manager)).ErrorField());
    }

    [Fact]
    public async Task ANodesBetweennessIsTheFigureBrokersGivesAndALeafHasNone()
    {
        var (member, manager) = await TokensAsync();
        var brokers = (await Factory.QueryAsync("{ brokers(first: 100) { betweenness person { id } } }", token: manager))["data"]!["brokers"].Arr()
            .ToDictionary(b => b!["person"]!["id"].Str(), b => b!["betweenness"]!.GetValue<double>());
        var lowestListed = brokers.Values.Min();
        const string query = "query($p: ID!, $hops: Int) { collaborationNetwork(around: $p, hops: $hops, limit: 1000) { truncated nodes { person { id } betweenness } } }";

        var top = brokers.MaxBy(b => b.Value).Key;
        var around = (await Factory.QueryAsync(query, new { p = top, hops = 2 }, member))["data"]!["collaborationNetwork"]!["nodes"].Arr();
        Assert.Equal(brokers[top], around[0]!["betweenness"]!.GetValue<double>());
        Assert.True(brokers[top] > 0);
        var listed = 0;
        foreach (var node in around)
        {
            var figure = node!["betweenness"]!.GetValue<double>();
            if (brokers.TryGetValue(node["person"]!["id"].Str(), out var broker))
            {
                Assert.Equal(broker, figure);
                listed++;
            }
            else
            {
                // Not among the first hundred brokers: no more than the last of them (and 0 for everyone when fewer are listed).
                Assert.True(figure <= (brokers.Count == 100 ? lowestListed : 0), $"{figure} for a person brokers does not list");
            }
        }

        Assert.True(listed > 1, "the top broker's neighbourhood should hold other brokers");
        // Asked for through a fragment and an alias, as a client may, the figure is still worked out.
        var fragment = await Factory.QueryAsync("query($p: ID!) { collaborationNetwork(around: $p, hops: 1) { nodes { ...Sized } } } fragment Sized on NetworkNode { size: betweenness }",
            new { p = top }, member);
        Assert.Equal(brokers[top], fragment["data"]!["collaborationNetwork"]!["nodes"]![0]!["size"]!.GetValue<double>());

        // A leaf (one collaborator that members may see, as broker scores count them) lies on nobody's shortest chain.
        var people = (await Factory.Store.ListPeopleAsync(Viewer.Anonymous, new PageRequest(0, 1000), CancellationToken.None)).Items;
        JsonArray? leaf = null;
        foreach (var person in people)
        {
            var own = (await Factory.QueryAsync(query, new { p = GlobalId.Encode("Person", person.Id), hops = 1 }, member))["data"]!["collaborationNetwork"]!;
            if (own["nodes"].Arr().Count == 2 && !own["truncated"]!.GetValue<bool>())
            {
                leaf = own["nodes"].Arr();
                break;
            }
        }

        Assert.NotNull(leaf);
        Assert.Equal(0, leaf[0]!["betweenness"]!.GetValue<double>());
        Assert.DoesNotContain(leaf[0]!["person"]!["id"].Str(), brokers.Keys);
    }

    [Fact]
    public async Task CoverageCountsAddUpAndSaysPlainlyWhetherAssuranceDominates()
    {
        var (_, manager) = await TokensAsync();
        var ics = await IcsWithPeopleAsync();

        var coverage = (await Factory.QueryAsync("""
            query($ics: ID!) { expertiseCoverage(icsId: $ics) { peopleCounted domains { domain expertCount practitionerCount organisationCount share }
                gaps { id domain } balance { assuranceShare planningImprovementControlShare assuranceDominates statement } } }
            """, new { ics }, manager))["data"]!["expertiseCoverage"]!;

        var domains = coverage["domains"].Arr();
        Assert.Equal(6, domains.Count);
        Assert.Equal(1.0, domains.Sum(d => d!["share"]!.GetValue<double>()), 2);
        Assert.All(domains, d => Assert.InRange(d!["expertCount"]!.GetValue<int>() + d["practitionerCount"]!.GetValue<int>(), 0, coverage["peopleCounted"]!.GetValue<int>()));
        var balance = coverage["balance"]!;
        Assert.Equal(balance["assuranceShare"]!.GetValue<double>() > balance["planningImprovementControlShare"]!.GetValue<double>(), balance["assuranceDominates"]!.GetValue<bool>());
        Assert.Contains(balance["assuranceDominates"]!.GetValue<bool>() ? "outweighs" : "does not dominate", balance["statement"].Str(), StringComparison.Ordinal);
        var experts = await Factory.QueryAsync("query($ics: ID!, $s: ID!) { searchExperts(filter: { icsIds: [$ics], skillIds: [$s], minLevel: EXPERT }) { edges { matchedSkills { skill { id } level } } } }",
            new { ics, s = coverage["gaps"]![0]!["id"].Str() }, manager);
        Assert.DoesNotContain(experts["data"]!["searchExperts"]!["edges"].Arr().SelectMany(e => e!["matchedSkills"].Arr()),
            m => m!["skill"]!["id"].Str() == coverage["gaps"]![0]!["id"].Str() && m["level"].Str() is "EXPERT" or "COACH");
    }

    [Fact]
    public async Task IsolatedOrganisationsHaveNoCrossBoundaryCollaborationAndBrokersBridgeOrganisations()
    {
        var (_, manager) = await TokensAsync();
        var ics = await IcsWithPeopleAsync();

        var report = (await Factory.QueryAsync("""
            query($ics: ID!) { organisationCollaboration(icsId: $ics) { isolated { id } organisations { organisation { id } crossBoundaryWeight crossBoundaryShare } links { from { id } to { id } weight } }
                               brokers(icsId: $ics, first: 5) { betweenness organisationsBridged person { id } } }
            """, new { ics }, manager))["data"]!;

        var shares = report["organisationCollaboration"]!["organisations"].Arr().ToDictionary(o => o!["organisation"]!["id"].Str(), o => o!["crossBoundaryWeight"]!.GetValue<int>());
        Assert.All(report["organisationCollaboration"]!["isolated"].Arr(), o => Assert.Equal(0, shares[o!["id"].Str()]));
        Assert.All(report["organisationCollaboration"]!["links"].Arr(), l => Assert.NotEqual(l!["from"]!["id"].Str(), l["to"]!["id"].Str()));
        var brokers = report["brokers"].Arr();
        var scores = brokers.Select(b => b!["betweenness"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(brokers, b => Assert.True(b!["organisationsBridged"]!.GetValue<int>() >= 1));
    }
}
