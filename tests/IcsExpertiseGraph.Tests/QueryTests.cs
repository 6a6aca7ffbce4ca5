using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>What a new user of the API sees: the reference data, search, lookups, paging and privacy.</summary>
public sealed class QueryTests(SharedApi api) : IClassFixture<SharedApi>
{
    private readonly ApiFactory factory = api.Factory;

    [Fact]
    public async Task EnglandHasFortyTwoIntegratedCareSystems()
    {
        var response = await factory.QueryAsync("{ integratedCareSystems(first: 100) { totalCount nodes { odsCode name nhsRegion } } }");

        Assert.Null(response["errors"]);
        Assert.Equal(42, response["data"]!["integratedCareSystems"]!["totalCount"]!.GetValue<int>());
        var nodes = response["data"]!["integratedCareSystems"]!["nodes"].Arr();
        Assert.Contains(nodes, n => n!["odsCode"].Str() == "QWO" && n["name"].Str() == "NHS West Yorkshire Integrated Care Board");
        Assert.Equal(42, nodes.Select(n => n!["odsCode"].Str()).Distinct().Count());
    }

    [Fact]
    public async Task SearchingForImprovementReturnsNamedPeopleBestFirst()
    {
        var response = await factory.QueryAsync("""
            { searchExperts(query: "improvement", first: 5) { totalCount edges { cursor score node { id displayName skills { skill { name } level } } } } }
            """);

        Assert.Null(response["errors"]);
        var edges = response["data"]!["searchExperts"]!["edges"].Arr();
        Assert.Equal(5, edges.Count);
        Assert.All(edges, e => Assert.False(string.IsNullOrWhiteSpace(e!["node"]!["displayName"].Str())));
        var scores = edges.Select(e => e!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.True(response["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() >= 5);
    }

    [Fact]
    public async Task AnAbbreviationFindsPeopleWithTheSkillItStandsFor()
    {
        var response = await factory.QueryAsync("""
            { searchExperts(query: "SPC", first: 10) { totalCount
                edges { matchedSkills { skill { id name } forSkill { name } } node { skills { skill { id } } } } } }
            """);

        var edges = response["data"]!["searchExperts"]!["edges"].Arr();
        Assert.Equal(10, edges.Count);
        Assert.All(edges, e =>
        {
            var matched = Assert.Single(e!["matchedSkills"].Arr())!;
            Assert.Equal("Statistical process control", (matched["forSkill"] ?? matched["skill"])!["name"].Str());
            Assert.Contains(e["node"]!["skills"].Arr(), s => s!["skill"]!["id"].Str() == matched["skill"]!["id"].Str());
        });
    }

    [Fact]
    public async Task FiltersNarrowTheResultsToWhatWasAskedFor()
    {
        var response = await factory.QueryAsync("""
            { searchExperts(filter: { organisationTypes: [INTEGRATED_CARE_BOARD], availableOnly: true, openToCrossOrganisation: true }, first: 50) {
                totalCount edges { node { availability { status openToCrossOrganisation } employments { primary until organisation { type } } } } } }
            """);

        Assert.Null(response["errors"]);
        var edges = response["data"]!["searchExperts"]!["edges"].Arr();
        Assert.NotEmpty(edges);
        Assert.All(edges, e =>
        {
            var node = e!["node"]!;
            Assert.NotEqual("NOT_AVAILABLE", node["availability"]!["status"].Str());
            Assert.True(node["availability"]!["openToCrossOrganisation"]!.GetValue<bool>());
            Assert.Contains(node["employments"].Arr(), m => m!["organisation"]!["type"].Str() == "INTEGRATED_CARE_BOARD" && m["until"] is null);
        });
    }

    [Fact]
    public async Task ASkillFilterWithAMinimumLevelOnlyReturnsPeopleThatDeep()
    {
        var skills = await factory.QueryAsync("""{ skills(query: "statistical process control") { nodes { id name narrower { id } } } }""");
        var spc = skills["data"]!["skills"]!["nodes"].Arr().Single(n => n!["name"].Str() == "Statistical process control")!;
        var acceptable = spc["narrower"].Arr().Select(n => n!["id"].Str()).Append(spc["id"].Str()).ToHashSet();

        var response = await factory.QueryAsync(
            "query($skill: ID!) { searchExperts(filter: { skillIds: [$skill], minLevel: EXPERT }, first: 100) { totalCount edges { node { skills { skill { id } level } } } } }",
            new { skill = spc["id"].Str() });

        var edges = response["data"]!["searchExperts"]!["edges"].Arr();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Contains(e!["node"]!["skills"].Arr(),
            s => acceptable.Contains(s!["skill"]!["id"].Str()) && s["level"].Str() is "EXPERT" or "COACH"));
    }

    [Fact]
    public async Task HiddenProfilesNeverAppearToAnAnonymousCaller()
    {
        var admin = Viewers.Admin;
        var everyone = await factory.Store.ListPeopleAsync(admin, new PageRequest(0, 10_000), CancellationToken.None);
        var hidden = everyone.Items.Where(p => p.Visibility != Visibility.Public).ToList();
        var hiddenIds = hidden.Select(p => GlobalId.Encode("Person", p.Id)).ToHashSet();
        Assert.NotEmpty(hidden);

        var people = await factory.QueryAsync("{ people(first: 100) { totalCount } }");
        Assert.Equal(everyone.Items.Count - hidden.Count, people["data"]!["people"]!["totalCount"]!.GetValue<int>());

        var search = await factory.QueryAsync("{ searchExperts(query: \"improvement\", first: 100) { edges { node { id } } } }");
        Assert.DoesNotContain(search["data"]!["searchExperts"]!["edges"].Arr(), e => hiddenIds.Contains(e!["node"]!["id"].Str()));

        var direct = await factory.QueryAsync("query($id: ID!) { person(id: $id) { displayName } node(id: $id) { id } }", new { id = hiddenIds.First() });
        Assert.Null(direct["errors"]);
        Assert.Null(direct["data"]!["person"]);
        Assert.Null(direct["data"]!["node"]);
    }

    [Fact]
    public async Task EmailIsNeverShownToAnonymousCallers()
    {
        var response = await factory.QueryAsync("{ people(first: 50) { nodes { email } } }");

        Assert.All(response["data"]!["people"]!["nodes"].Arr(), n => Assert.Null(n!["email"]));
    }

    [Fact]
    public async Task PagingWithCursorsVisitsEveryPersonExactlyOnce()
    {
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var page = await factory.QueryAsync(
                "query($after: String) { people(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }",
                new { after });
            var people = page["data"]!["people"]!;
            total = people["totalCount"]!.GetValue<int>();
            seen.AddRange(people["edges"].Arr().Select(e => e!["node"]!["id"].Str()));
            after = people["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? people["pageInfo"]!["endCursor"].Str() : null;
        }
        while (after is not null);

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task EveryKindOfObjectCanBeFetchedAgainByItsGlobalId()
    {
        var listing = await factory.QueryAsync("""
            { people(first: 1) { nodes { id displayName } }
              organisations(first: 1) { nodes { id name } }
              integratedCareSystems(first: 1) { nodes { id name } }
              skills(first: 1) { nodes { id name } }
              projects(first: 1) { nodes { id title } } }
            """);
        var data = listing["data"]!;
        var samples = new (string Id, string Label, string Type)[]
        {
            (data["people"]!["nodes"]![0]!["id"].Str(), data["people"]!["nodes"]![0]!["displayName"].Str(), "Person"),
            (data["organisations"]!["nodes"]![0]!["id"].Str(), data["organisations"]!["nodes"]![0]!["name"].Str(), "Organisation"),
            (data["integratedCareSystems"]!["nodes"]![0]!["id"].Str(), data["integratedCareSystems"]!["nodes"]![0]!["name"].Str(), "IntegratedCareSystem"),
            (data["skills"]!["nodes"]![0]!["id"].Str(), data["skills"]!["nodes"]![0]!["name"].Str(), "Skill"),
            (data["projects"]!["nodes"]![0]!["id"].Str(), data["projects"]!["nodes"]![0]!["title"].Str(), "Project"),
        };

        foreach (var (id, label, type) in samples)
        {
            var response = await factory.QueryAsync(
                "query($id: ID!) { node(id: $id) { __typename id ... on Person { displayName } ... on Organisation { name } ... on IntegratedCareSystem { name } ... on Skill { name } ... on Project { title } } }",
                new { id });
            var node = response["data"]!["node"]!;
            Assert.Equal(type, node["__typename"].Str());
            Assert.Equal(id, node["id"].Str());
            Assert.Equal(label, (node["displayName"] ?? node["name"] ?? node["title"]).Str());
        }
    }

    [Fact]
    public async Task APersonShowsSkillsEmploymentsAndContributions()
    {
        var response = await factory.QueryAsync("""
            { searchExperts(query: "improvement", first: 20) { edges { node {
                id displayName headline bio visibility version
                availability { status hoursPerMonth openToCrossOrganisation }
                skills { skill { id name domain } level evidence verified }
                employments { organisation { id name type integratedCareSystem { id name } } role primary }
                contributions { project { id title } role } } } } }
            """);

        Assert.Null(response["errors"]);
        var nodes = response["data"]!["searchExperts"]!["edges"].Arr().Select(e => e!["node"]!).ToList();
        Assert.All(nodes, n =>
        {
            Assert.NotEmpty(n["skills"].Arr());
            Assert.Contains(n["employments"].Arr(), e => e!["primary"]!.GetValue<bool>() && e["organisation"]!["integratedCareSystem"]!["name"] is not null);
        });
        Assert.Contains(nodes, n => n["contributions"].Arr().Count > 0);
    }

    [Fact]
    public async Task OrganisationsCanBeFilteredByTypeAndSystem()
    {
        var systems = await factory.QueryAsync("{ integratedCareSystems(first: 1) { nodes { id name } } }");
        var ics = systems["data"]!["integratedCareSystems"]!["nodes"]![0]!;

        var response = await factory.QueryAsync(
            "query($ics: ID!) { organisations(filter: { icsIds: [$ics], types: [ACUTE_TRUST, GP_PRACTICE] }, first: 100) { totalCount nodes { type integratedCareSystem { id } } } }",
            new { ics = ics["id"].Str() });

        var nodes = response["data"]!["organisations"]!["nodes"].Arr();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n =>
        {
            Assert.Contains(n!["type"].Str(), new[] { "ACUTE_TRUST", "GP_PRACTICE" });
            Assert.Equal(ics["id"].Str(), n["integratedCareSystem"]!["id"].Str());
        });
    }

    [Fact]
    public async Task SearchCanBeNarrowedToAnIntegratedCareSystemOrAPlace()
    {
        var systems = await factory.QueryAsync("{ integratedCareSystems(first: 100) { nodes { id places { id } } } }");
        var ics = systems["data"]!["integratedCareSystems"]!["nodes"].Arr().First(n => n!["places"].Arr().Count > 0)!;
        var place = ics["places"]![0]!["id"].Str();

        var inSystem = await factory.QueryAsync(
            "query($ics: ID!) { searchExperts(filter: { icsIds: [$ics] }, first: 100) { totalCount edges { node { employments { until organisation { integratedCareSystem { id } } } } } } }",
            new { ics = ics["id"].Str() });
        var inPlace = await factory.QueryAsync(
            "query($place: ID!) { searchExperts(filter: { placeIds: [$place] }, first: 100) { totalCount edges { node { employments { until organisation { places { id } } } } } } }",
            new { place });

        var systemEdges = inSystem["data"]!["searchExperts"]!["edges"].Arr();
        Assert.NotEmpty(systemEdges);
        Assert.All(systemEdges, e => Assert.Contains(e!["node"]!["employments"].Arr(),
            m => m!["until"] is null && m["organisation"]!["integratedCareSystem"]!["id"].Str() == ics["id"].Str()));
        var placeEdges = inPlace["data"]!["searchExperts"]!["edges"].Arr();
        Assert.NotEmpty(placeEdges);
        Assert.All(placeEdges, e => Assert.Contains(e!["node"]!["employments"].Arr(),
            m => m!["until"] is null && m["organisation"]!["places"].Arr().Any(p => p!["id"].Str() == place)));
        var total = await factory.QueryAsync("{ searchExperts { totalCount } }");
        Assert.True(inSystem["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() < total["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ProjectsCanBeFilteredByStatus()
    {
        var response = await factory.QueryAsync("{ all: projects { totalCount } active: projects(filter: { statuses: [ACTIVE, PAUSED] }, first: 100) { totalCount nodes { status } } }");

        var active = response["data"]!["active"]!;
        Assert.NotEmpty(active["nodes"].Arr());
        Assert.All(active["nodes"].Arr(), n => Assert.Contains(n!["status"].Str(), new[] { "ACTIVE", "PAUSED" }));
        Assert.True(active["totalCount"]!.GetValue<int>() < response["data"]!["all"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task SkillsCanBeFoundByAliasAndDomainAndShowTheirTaxonomy()
    {
        var response = await factory.QueryAsync("""{ skills(query: "pdsa") { nodes { name broader { name } } } lean: skills(query: "lean", domain: QUALITY_IMPROVEMENT) { nodes { name domain narrower { name } } } }""");

        Assert.Contains(response["data"]!["skills"]!["nodes"].Arr(), n => n!["name"].Str().Contains("PDSA", StringComparison.Ordinal));
        var lean = response["data"]!["lean"]!["nodes"].Arr().First(n => n!["name"].Str() == "Lean")!;
        Assert.Contains(lean["narrower"].Arr(), n => n!["name"].Str() == "Value stream mapping");
        Assert.All(response["data"]!["lean"]!["nodes"].Arr(), n => Assert.Equal("QUALITY_IMPROVEMENT", n!["domain"].Str()));
    }

    [Theory]
    [InlineData("statistical", "Statistical analysis", "Statistical process control", "Making Data Count")]
    [InlineData("SPC", "Statistical process control", "Making Data Count")]
    [InlineData("run chart", "Run charts")]
    [InlineData("MDC", "Making Data Count")]
    public async Task ASkillPickerListsTheExactNameOrAliasFirstThenNamesStartingWithTheWordsThenTheRest(string query, params string[] first)
    {
        var response = await factory.QueryAsync("query($q: String) { skills(query: $q, first: 50) { nodes { name } } }", new { q = query });

        var names = response["data"]!["skills"]!["nodes"].Arr().Select(n => n!["name"].Str()).ToList();
        Assert.Equal(first, names.Take(first.Length));
    }

    [Fact]
    public async Task ASkillPickerPutsNamesContainingTheWordsBeforeSkillsFoundOnlyThroughAnAlias()
    {
        var response = await factory.QueryAsync("""{ skills(query: "process", first: 50) { nodes { name } } }""");

        var names = response["data"]!["skills"]!["nodes"].Arr().Select(n => n!["name"].Str()).ToList();
        Assert.True(names.IndexOf("Statistical process control") < names.IndexOf("Making Data Count"), string.Join(", ", names));
        Assert.True(names.IndexOf("Process mapping") < names.IndexOf("Statistical process control"), string.Join(", ", names));
    }

    [Fact]
    public async Task ProjectsListOnlyContributorsTheCallerMaySee()
    {
        var response = await factory.QueryAsync("{ projects(first: 100) { totalCount nodes { title status methods { name } hostOrganisation { name } contributors { role person { visibility } } } } }");

        Assert.Null(response["errors"]);
        var contributors = response["data"]!["projects"]!["nodes"].Arr().SelectMany(p => p!["contributors"].Arr()).ToList();
        Assert.NotEmpty(contributors);
        Assert.All(contributors, c => Assert.Equal("PUBLIC", c!["person"]!["visibility"].Str()));
    }
}
