using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// What a query means to an ICS designer (issue 16, item 1): the skills it names are the need, each met by a distinct
/// skill held; the words of a skill's name are that skill, not loose words; people who only mention the words come
/// after every holder, counted apart; a person's name finds that person first. Every expectation is worked out here
/// from the people's own profiles, independently of the ranker.
/// </summary>
public sealed class SearchMeaningTests(SharedApi api) : IClassFixture<SharedApi>
{
    private readonly ApiFactory factory = api.Factory;

    private const string Page = """
        totalCount skillHolderCount wordMentionCount
        edges { group skillsMet score node { id displayName headline bio skills { skill { id } level } } }
        """;

    [Theory]
    [InlineData("SPC and systems thinking", "statistical-process-control", "systems-thinking")]
    [InlineData("Run charts and statistical process control", "run-charts", "statistical-process-control")]
    [InlineData("lean, PDSA and demand and capacity", "lean", "pdsa-cycles", "demand-and-capacity-modelling")]
    public async Task PeopleMeetingEveryNamedSkillWithDistinctSkillsComeFirst(string query, params string[] keys)
    {
        var taxonomy = await TaxonomyAsync();
        var needs = keys.Select(key => taxonomy.WithDescendants(taxonomy.All.Single(s => s.Key == key).Id)).ToList();

        var response = await factory.QueryAsync($$"""query($q: String) { searchExperts(query: $q, first: 100) { {{Page}} } }""", new { q = query });

        Assert.Null(response["errors"]);
        var edges = response["data"]!["searchExperts"]!["edges"].Arr();
        Assert.NotEmpty(edges);
        var met = edges.Select(e => Met(needs, e!["node"]!["skills"].Arr().Select(s => SkillId(s!["skill"]!["id"].Str())))).ToList();
        // What the service says each person meets is what their profile shows, and nobody meeting more is listed after someone meeting fewer.
        Assert.Equal(met, edges.Select(e => e!["skillsMet"]!.GetValue<int>()));
        Assert.Equal(met.OrderDescending(), met);
        Assert.Contains(needs.Count, met);
    }

    [Fact]
    public async Task ANarrowerSkillHeldAloneCountsForOneNeedNotTwo()
    {
        var taxonomy = await TaxonomyAsync();
        var runCharts = taxonomy.All.Single(s => s.Key == "run-charts").Id;
        Assert.Contains(runCharts, taxonomy.WithDescendants(taxonomy.All.Single(s => s.Key == "statistical-process-control").Id));

        var response = await factory.QueryAsync($$"""{ searchExperts(query: "Run charts and statistical process control", first: 100) { {{Page}} } }""");

        var edges = response["data"]!["searchExperts"]!["edges"].Arr();
        var onlyRunCharts = edges.Where(e =>
        {
            var held = e!["node"]!["skills"].Arr().Select(s => SkillId(s!["skill"]!["id"].Str())).ToHashSet();
            return held.Contains(runCharts) && held.Intersect(taxonomy.WithDescendants(taxonomy.All.Single(s => s.Key == "statistical-process-control").Id)).Count() == 1;
        }).ToList();
        Assert.NotEmpty(onlyRunCharts);
        Assert.All(onlyRunCharts, e => Assert.Equal(1, e!["skillsMet"]!.GetValue<int>()));
    }

    [Fact]
    public async Task TheWordsOfASkillNameDoNotMatchOtherTextByThemselvesAndMentionsComeAfterEveryHolder()
    {
        var taxonomy = await TaxonomyAsync();
        var systemsThinking = taxonomy.WithDescendants(taxonomy.All.Single(s => s.Key == "systems-thinking").Id);

        var (result, edges) = await EveryPageAsync("systems thinking");

        Assert.Equal(result["totalCount"]!.GetValue<int>(), result["skillHolderCount"]!.GetValue<int>() + result["wordMentionCount"]!.GetValue<int>());
        Assert.Equal(result["totalCount"]!.GetValue<int>(), edges.Count);
        Assert.True(result["wordMentionCount"]!.GetValue<int>() > 0, "Someone in the demo network mentions systems thinking without holding it.");
        var groups = edges.Select(e => e!["group"].Str()).ToList();
        Assert.Equal(groups.OrderBy(g => g == "SKILLS" ? 0 : 1), groups);
        Assert.Equal(result["skillHolderCount"]!.GetValue<int>(), groups.Count(g => g == "SKILLS"));
        foreach (var edge in edges)
        {
            var node = edge!["node"]!;
            var held = node["skills"].Arr().Select(s => SkillId(s!["skill"]!["id"].Str())).ToHashSet();
            if (edge["group"].Str() == "SKILLS")
            {
                Assert.True(held.Overlaps(systemsThinking), $"{node["displayName"]} is listed as holding systems thinking.");
            }
            else
            {
                // Found by the words only: the words are in their own text, both of them, not one in another skill's name.
                var text = SearchText.Words($"{node["displayName"]} {node["headline"]?.GetValue<string>()} {node["bio"]?.GetValue<string>()}");
                Assert.False(held.Overlaps(systemsThinking));
                Assert.Contains(text, w => w.StartsWith("system", StringComparison.Ordinal));
                Assert.Contains(text, w => w.StartsWith("thinking", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task AQueryThatIsAPersonsNameFindsThatPersonFirst()
    {
        var everyone = await factory.QueryAsync("{ people(first: 100) { nodes { id displayName } } }");
        var nodes = everyone["data"]!["people"]!["nodes"].Arr();
        // Someone sharing a surname with others: their full name must still put them first, ahead of namesakes and experts.
        var person = nodes.Where(n => nodes.Count(o => Surname(o!) == Surname(n!)) > 1).Select(n => n!).First();

        var response = await factory.QueryAsync("query($q: String) { searchExperts(query: $q, first: 5) { edges { group node { id } } } }", new { q = person["displayName"].Str() });

        var first = response["data"]!["searchExperts"]!["edges"].Arr()[0]!;
        Assert.Equal(person["id"].Str(), first["node"]!["id"].Str());
        Assert.Equal("NAME", first["group"].Str());
    }

    /// <summary>Every match of a query, page after page, with the first page's counts.</summary>
    private async Task<(JsonNode Result, List<JsonNode?> Edges)> EveryPageAsync(string query)
    {
        var edges = new List<JsonNode?>();
        JsonNode? first = null;
        string? after = null;
        do
        {
            var response = await factory.QueryAsync($$"""query($q: String, $after: String) { searchExperts(query: $q, first: 100, after: $after) { pageInfo { hasNextPage endCursor } {{Page}} } }""", new { q = query, after });
            Assert.Null(response["errors"]);
            var page = response["data"]!["searchExperts"]!;
            first ??= page;
            edges.AddRange(page["edges"].Arr());
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"].Str() : null;
        }
        while (after is not null);

        return (first!, edges);
    }

    /// <summary>
    /// Each filter keeps exactly the matches whose own profile passes it, worked out here from every match of the same
    /// search without the filter (current employments, their ICS and type, the domains of the skills held, availability),
    /// and the facets count exactly those people: whatever shortcut the index takes to decide a filter, including for
    /// people with more than one current employer.
    /// </summary>
    [Theory]
    [InlineData("lean")]
    [InlineData("SPC and systems thinking")]
    [InlineData("improvement")]
    public async Task EveryFilterKeepsExactlyTheMatchesWhoseProfilePassesIt(string query)
    {
        var everyone = await AllMatchesAsync(query, null);
        var people = everyone.Select(e => e!["node"]!).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        List<JsonNode> Current(JsonNode person) => [.. person["employments"].Arr()
            .Where(e => e!["until"] is null || DateOnly.Parse(e["until"].Str(), System.Globalization.CultureInfo.InvariantCulture) >= today)
            .Select(e => e!["organisation"]!)];
        // The ICS and type of someone's second current employer where they differ from the first's: a filter that only the
        // second employer passes is the harder case.
        string? Ics(JsonNode o) => o["integratedCareSystem"]?["id"]?.GetValue<string>();
        var twoEmployers = people.Select(p => Current(p)).Where(c => c.Count > 1).ToList();
        var system = twoEmployers.Where(c => Ics(c[1]) is not null && Ics(c[1]) != Ics(c[0])).Select(c => Ics(c[1])).FirstOrDefault()
            ?? twoEmployers.Select(c => Ics(c[1])).First(i => i is not null)!;
        var type = twoEmployers.Where(c => c[1]["type"].Str() != c[0]["type"].Str()).Select(c => c[1]["type"].Str()).First();
        var filters = new (object Filter, Func<JsonNode, bool> Passes)[]
        {
            (new { domains = new[] { "QUALITY_CONTROL" } }, p => p["skills"].Arr().Any(s => s!["skill"]!["domain"].Str() == "QUALITY_CONTROL")),
            (new { organisationTypes = new[] { "ACUTE_TRUST", "VCSE" } }, p => Current(p).Any(o => o["type"].Str() is "ACUTE_TRUST" or "VCSE")),
            (new { organisationTypes = new[] { type } }, p => Current(p).Any(o => o["type"].Str() == type)),
            (new { icsIds = new[] { system } }, p => Current(p).Any(o => o["integratedCareSystem"]?["id"]?.GetValue<string>() == system)),
            (new { icsIds = new[] { system }, organisationTypes = new[] { "ACUTE_TRUST" } },
                p => Current(p).Any(o => o["integratedCareSystem"]?["id"]?.GetValue<string>() == system && o["type"].Str() == "ACUTE_TRUST")),
            (new { availableOnly = true, openToCrossOrganisation = false },
                p => p["availability"]!["status"].Str() != "NOT_AVAILABLE" && !p["availability"]!["openToCrossOrganisation"]!.GetValue<bool>()),
        };

        foreach (var (filter, passes) in filters)
        {
            var kept = await AllMatchesAsync(query, filter);
            var expected = people.Where(passes).Select(p => p["id"].Str()).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, kept.Select(e => e!["node"]!["id"].Str()).Order(StringComparer.Ordinal));
            var facets = (await factory.QueryAsync("""query($q: String, $f: ExpertFilter) { searchExperts(query: $q, filter: $f, first: 1) { facets { organisationTypes { value count } domains { value count } } } }""",
                new { q = query, f = filter }))["data"]!["searchExperts"]!["facets"]!;
            var keptPeople = people.Where(passes).ToList();
            foreach (var facet in facets["organisationTypes"].Arr())
            {
                Assert.Equal(keptPeople.Count(p => Current(p).Any(o => o["type"].Str() == facet!["value"].Str())), facet!["count"]!.GetValue<int>());
            }

            foreach (var facet in facets["domains"].Arr())
            {
                Assert.Equal(keptPeople.Count(p => p["skills"].Arr().Any(s => s!["skill"]!["domain"].Str() == facet!["value"].Str())), facet!["count"]!.GetValue<int>());
            }
        }
    }

    private async Task<List<JsonNode?>> AllMatchesAsync(string query, object? filter)
    {
        const string Node = "id skills { skill { domain } } availability { status openToCrossOrganisation } employments { until organisation { type integratedCareSystem { id } } }";
        var edges = new List<JsonNode?>();
        string? after = null;
        do
        {
            var response = await factory.QueryAsync($$"""query($q: String, $f: ExpertFilter, $after: String) { searchExperts(query: $q, filter: $f, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { {{Node}} } } } }""",
                new { q = query, f = filter, after });
            Assert.Null(response["errors"]);
            var page = response["data"]!["searchExperts"]!;
            edges.AddRange(page["edges"].Arr());
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"].Str() : null;
        }
        while (after is not null);

        return edges;
    }

    [Theory]
    [InlineData("SPC and systems thinking")]
    [InlineData("lean")]
    [InlineData("Run charts and statistical process control")]
    [InlineData("improvement")]
    [InlineData("")]
    public async Task TheBestPageIsTheSameAsTheTopOfEveryMatchScored(string query)
    {
        // The index scores only people who can still reach the page; the page must be exactly the head of the whole ranking.
        var search = factory.Services.GetRequiredService<ExpertSearch>();
        var viewer = new Api.Auth.Viewer(null, true, false);
        var all = await search.SearchAsync(query, ExpertFilter.None, viewer, CancellationToken.None);
        var page = all.Top(20);
        var whole = all.Top(all.TotalCount);

        Assert.Equal(all.TotalCount, whole.Count);
        Assert.Equal(whole.Take(20).Select(r => (r.Candidate.PersonId, r.Score)), page.Select(r => (r.Candidate.PersonId, r.Score)));
        Assert.Equal([.. whole.Order(RankedCandidate.Order)], whole);
    }

    [Fact]
    public async Task TickingADomainFacetGivesExactlyTheCountItShowed()
    {
        // A filter narrows: the domain's facet count is how many the filtered search finds (it adds no need of its own).
        var facets = await factory.QueryAsync("{ searchExperts(query: \"lean\") { totalCount facets { domains { value count } } } }");
        var domains = facets["data"]!["searchExperts"]!["facets"]!["domains"].Arr();
        Assert.True(domains.Count > 1);

        foreach (var domain in domains)
        {
            var filtered = await factory.QueryAsync($$"""{ searchExperts(query: "lean", filter: { domains: [{{domain!["value"].Str()}}] }) { totalCount } }""");
            Assert.Equal(domain["count"]!.GetValue<int>(), filtered["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
        }
    }

    private static string Surname(JsonNode node) => node["displayName"].Str().Split(' ')[^1];

    /// <summary>How many needs the holdings meet, each by a distinct skill: a maximum matching, worked out by trying every assignment.</summary>
    private static int Met(List<IReadOnlySet<Guid>> needs, IEnumerable<Guid> held)
    {
        var skills = held.ToList();
        int Best(int need, HashSet<Guid> used)
        {
            if (need == needs.Count)
            {
                return 0;
            }

            var best = Best(need + 1, used);
            foreach (var skill in skills.Where(s => needs[need].Contains(s) && !used.Contains(s)))
            {
                used.Add(skill);
                best = Math.Max(best, 1 + Best(need + 1, used));
                used.Remove(skill);
            }

            return best;
        }

        return Best(0, []);
    }

    private static Guid SkillId(string id) => GlobalId.Parse(id, "Skill", "id");

    private async Task<SkillTaxonomy> TaxonomyAsync() =>
        await factory.Services.GetRequiredService<SkillCatalog>().GetAsync(CancellationToken.None);
}
