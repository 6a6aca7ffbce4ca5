using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Tests;

/// <summary>Expert search as an ICS designer uses it: reasons that add up, vocabulary, facets, similar experts and teams.</summary>
public sealed class SearchTests(SharedApi api) : IClassFixture<SharedApi>
{
    private readonly ApiFactory factory = api.Factory;

    private const string Edges = """
        edges { score matchedSkills { skill { id name } level verified forSkill { id name } } explanation { signal detail contribution }
                node { id displayName skills { skill { id name broader { id } } level verified } } }
        """;

    [Theory]
    [InlineData("query($s: ID!) { searchExperts(filter: { skillIds: [$s] }) { totalCount } }", "filter.skillIds")]
    [InlineData("query($s: ID!) { assembleTeam(skillIds: [$s]) { organisationCount } }", "skillIds")]
    public async Task ASkillIdOfAllZerosIsNotFoundNamingTheFieldNotAServerError(string query, string field)
    {
        var zero = IcsExpertiseGraph.Api.GraphQLApi.GlobalId.Encode("Skill", Guid.Empty);

        var response = await factory.QueryAsync(query, new { s = zero });

        var error = response["errors"]![0]!["extensions"]!;
        Assert.Equal("NOT_FOUND", error["code"].Str());
        Assert.Equal(field, error["field"].Str());
    }

    [Fact]
    public async Task EveryExplanationAddsUpToTheScoreAndMatchesTheProfile()
    {
        var response = await factory.QueryAsync($$"""{ searchExperts(query: "SPC and systems thinking", first: 20) { totalCount edges { group skillsMet } {{Edges}} } }""");

        Assert.Null(response["errors"]);
        var edges = response["data"]!["searchExperts"]!["edges"].Arr();
        Assert.Equal(20, edges.Count);
        foreach (var edge in edges)
        {
            var reasons = edge!["explanation"].Arr();
            Assert.NotEmpty(reasons);
            Assert.Equal(edge["score"]!.GetValue<double>(), reasons.Sum(r => r!["contribution"]!.GetValue<double>()), 6);
            Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r!["detail"].Str())));
            var held = edge["node"]!["skills"].Arr().ToDictionary(s => s!["skill"]!["id"].Str(), s => (Level: s!["level"].Str(), Verified: s["verified"]!.GetValue<bool>()));
            // A holder of the skills asked for is shown what they matched with: at least one matched skill per skill met.
            if (edge["group"].Str() == "SKILLS")
            {
                Assert.True(edge["skillsMet"]!.GetValue<int>() > 0, "A person in the SKILLS group meets at least one skill.");
                Assert.True(edge["matchedSkills"].Arr().Count >= edge["skillsMet"]!.GetValue<int>(), "Every skill met is shown as a matched skill.");
            }

            Assert.All(edge["matchedSkills"].Arr(), m =>
            {
                Assert.True(held.TryGetValue(m!["skill"]!["id"].Str(), out var holding), "A matched skill must be one the person holds.");
                Assert.Equal(holding.Level, m["level"].Str());
                Assert.Equal(holding.Verified, m["verified"]!.GetValue<bool>());
            });
        }

        // "SPC and systems thinking" names two skills that many hold: the page is their holders, each with what they matched.
        Assert.Contains(edges, e => e!["group"].Str() == "SKILLS" && e["matchedSkills"].Arr().Count > 0);

        // Best first: by group, then skills met, then score.
        var places = response["data"]!["searchExperts"]!["edges"].Arr().Select(e => (Group: e!["group"].Str(), Met: e["skillsMet"]!.GetValue<int>())).ToList();
        var order = places.Zip(edges, (p, e) => (p.Group, p.Met, Score: e!["score"]!.GetValue<double>())).ToList();
        Assert.Equal(order.OrderBy(o => o.Group == "NAME" ? 0 : o.Group == "SKILLS" ? 1 : 2).ThenByDescending(o => o.Met).ThenByDescending(o => o.Score), order);
    }

    [Fact]
    public async Task PeopleHoldingBothRequestedSkillsRankFirst()
    {
        var response = await factory.QueryAsync($$"""{ searchExperts(query: "SPC and systems thinking", first: 5) { {{Edges}} } }""");

        Assert.All(response["data"]!["searchExperts"]!["edges"].Arr(), e => Assert.Equal(2, e!["matchedSkills"].Arr().Count));
    }

    [Fact]
    public async Task ABroaderSkillFindsPeopleWithNarrowerOnes()
    {
        // Holders of Lean itself come first (an explicit holding ranks above one through a narrower skill), so every page is read.
        var edges = new List<JsonNode?>();
        string? after = null;
        do
        {
            var response = await factory.QueryAsync($$"""query($after: String) { searchExperts(query: "lean", first: 100, after: $after) { recognisedSkills { name } pageInfo { hasNextPage endCursor } {{Edges}} } }""", new { after });
            Assert.Equal("Lean", Assert.Single(response["data"]!["searchExperts"]!["recognisedSkills"].Arr())!["name"].Str());
            edges.AddRange(response["data"]!["searchExperts"]!["edges"].Arr());
            var pageInfo = response["data"]!["searchExperts"]!["pageInfo"]!;
            after = pageInfo["hasNextPage"]!.GetValue<bool>() ? pageInfo["endCursor"].Str() : null;
        }
        while (after is not null);

        var viaNarrower = edges.SelectMany(e => e!["matchedSkills"].Arr()).Where(m => m!["forSkill"] is not null).ToList();
        Assert.NotEmpty(viaNarrower);
        Assert.All(viaNarrower, m => Assert.Equal("Lean", m!["forSkill"]!["name"].Str()));
        Assert.Contains(viaNarrower, m => m!["skill"]!["name"].Str() == "Value stream mapping");
    }

    [Theory]
    [InlineData("statistcal proces control", "Statistical process control")]
    [InlineData("Run-Charts!!", "Run charts")]
    [InlineData("ebcd", "Experience-based co-design")]
    [InlineData("QSIR", "QSIR (Quality, Service Improvement and Redesign)")]
    [InlineData("kaizan", "Kaizen")]
    [InlineData("hoshin kanri", "Hoshin Kanri (strategy deployment)")]
    public async Task AliasesCasePunctuationPluralsAndMisspellingsAllResolveToTheSkill(string query, string skill)
    {
        var response = await factory.QueryAsync("query($q: String) { searchExperts(query: $q, first: 3) { totalCount recognisedSkills { name } } }", new { q = query });

        Assert.Null(response["errors"]);
        Assert.Contains(response["data"]!["searchExperts"]!["recognisedSkills"].Arr(), s => s!["name"].Str() == skill);
        Assert.True(response["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AnEmptyQueryReturnsEveryoneVisibleRankedByTheirExpertise(string query)
    {
        var people = await factory.QueryAsync("{ people { totalCount } }");
        var response = await factory.QueryAsync("query($q: String) { searchExperts(query: $q, first: 10) { totalCount edges { score explanation { signal } } } }", new { q = query });

        Assert.Equal(people["data"]!["people"]!["totalCount"]!.GetValue<int>(), response["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
        var edges = response["data"]!["searchExperts"]!["edges"].Arr();
        Assert.All(edges, e => Assert.Contains(e!["explanation"].Arr(), r => r!["signal"].Str() == "SKILL_LEVEL"));
        var scores = edges.Select(e => e!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Theory]
    [InlineData("\"SPC\" AND (NEAR* -lean)")]
    [InlineData("spc*")]
    [InlineData("-")]
    [InlineData("NEAR(spc, lean)")]
    [InlineData("'); DROP TABLE person; --")]
    public async Task FullTextSyntaxIsTreatedAsPlainText(string query)
    {
        var response = await factory.QueryAsync("query($q: String) { searchExperts(query: $q, first: 3) { totalCount } }", new { q = query });

        Assert.Null(response["errors"]);
        // Read as plain words, the query finds what its words find (an operator read as syntax would find something else,
        // or fail): the same total as the query's words alone, separated by spaces.
        var words = string.Join(' ', System.Text.RegularExpressions.Regex.Split(query, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0));
        var plain = await factory.QueryAsync("query($q: String) { searchExperts(query: $q, first: 3) { totalCount } }", new { q = words });
        Assert.Equal(plain["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>(), response["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task QuotesAndOperatorsAroundAWordStillFindWhatTheWordMeans()
    {
        var plain = await factory.QueryAsync("{ searchExperts(query: \"SPC\") { totalCount } }");
        var decorated = await factory.QueryAsync("query($q: String) { searchExperts(query: $q) { totalCount recognisedSkills { name } } }", new { q = "\"SPC\"* -(NEAR)" });

        Assert.Contains(decorated["data"]!["searchExperts"]!["recognisedSkills"].Arr(), s => s!["name"].Str() == "Statistical process control");
        Assert.True(decorated["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() >= plain["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task FacetsCountTheWholeResultAndAddUp()
    {
        var response = await factory.QueryAsync("""
            { all: searchExperts(query: "improvement", first: 1) { totalCount facets {
                domains { value count } skills { value count skill { name } } integratedCareSystems { value count integratedCareSystem { name } } organisationTypes { value count } } }
              boards: searchExperts(query: "improvement", filter: { organisationTypes: [INTEGRATED_CARE_BOARD] }, first: 1) { totalCount facets { organisationTypes { value count } } } }
            """);

        Assert.Null(response["errors"]);
        var all = response["data"]!["all"]!;
        var total = all["totalCount"]!.GetValue<int>();
        Assert.True(total > 1, "The facets must cover more than the one-person page.");
        var facets = all["facets"]!;
        foreach (var facet in new[] { "domains", "skills", "integratedCareSystems", "organisationTypes" })
        {
            Assert.NotEmpty(facets[facet].Arr());
            Assert.All(facets[facet].Arr(), f => Assert.InRange(f!["count"]!.GetValue<int>(), 1, total));
        }

        // Everyone matched has a current employer, so the types and the systems each cover the whole result at least once.
        Assert.True(facets["organisationTypes"].Arr().Sum(f => f!["count"]!.GetValue<int>()) >= total);
        Assert.True(facets["integratedCareSystems"].Arr().Sum(f => f!["count"]!.GetValue<int>()) >= total);
        var boards = response["data"]!["boards"]!;
        Assert.Contains(boards["facets"]!["organisationTypes"].Arr(),
            f => f!["value"].Str() == "INTEGRATED_CARE_BOARD" && f["count"]!.GetValue<int>() == boards["totalCount"]!.GetValue<int>());
        Assert.Equal(
            facets["organisationTypes"].Arr().Single(f => f!["value"].Str() == "INTEGRATED_CARE_BOARD")!["count"]!.GetValue<int>(),
            boards["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFacetValueCanBeFedBackAsAFilter()
    {
        var first = await factory.QueryAsync("""{ searchExperts(query: "improvement") { facets { skills { value count } integratedCareSystems { value count } } } }""");
        var skill = first["data"]!["searchExperts"]!["facets"]!["skills"]![0]!;
        var ics = first["data"]!["searchExperts"]!["facets"]!["integratedCareSystems"]![0]!;

        var narrowed = await factory.QueryAsync(
            "query($ics: ID!) { searchExperts(query: \"improvement\", filter: { icsIds: [$ics] }) { totalCount } }", new { ics = ics["value"].Str() });

        Assert.Equal(ics["count"]!.GetValue<int>(), narrowed["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
        Assert.StartsWith("Skill", DecodedType(skill["value"].Str()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSkillInTheFilterIsNotFound()
    {
        var response = await factory.QueryAsync("query($s: ID!) { searchExperts(filter: { skillIds: [$s] }) { totalCount } }",
            new { s = GlobalId.Encode("Skill", Guid.NewGuid()) });

        Assert.Equal("NOT_FOUND", response.ErrorCode());
        Assert.Equal("filter.skillIds", response.ErrorField());
    }

    [Fact]
    public async Task SimilarExpertsShareSkillsAndNeverIncludeThePerson()
    {
        var someone = (await factory.QueryAsync("{ searchExperts(query: \"lean\", first: 1) { edges { node { id skills { skill { id } } } } } }"))
            ["data"]!["searchExperts"]!["edges"]![0]!["node"]!;
        var theirs = someone["skills"].Arr().Select(s => s!["skill"]!["id"].Str()).ToHashSet();

        var response = await factory.QueryAsync(
            "query($id: ID!) { similarExperts(personId: $id, first: 10) { score matchedSkills { skill { id } } explanation { signal contribution } node { id } } }",
            new { id = someone["id"].Str() });

        Assert.Null(response["errors"]);
        var similar = response["data"]!["similarExperts"].Arr();
        Assert.Equal(10, similar.Count);
        Assert.DoesNotContain(similar, s => s!["node"]!["id"].Str() == someone["id"].Str());
        Assert.All(similar, s =>
        {
            Assert.NotEmpty(s!["matchedSkills"].Arr());
            Assert.All(s["matchedSkills"].Arr(), m => Assert.Contains(m!["skill"]!["id"].Str(), theirs));
            Assert.Equal(s["score"]!.GetValue<double>(), s["explanation"].Arr().Sum(r => r!["contribution"]!.GetValue<double>()), 6);
        });
        var scores = similar.Select(s => s!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Theory]
    [InlineData("{ similarExperts(personId: \"x\") { score } }", "BAD_USER_INPUT", "personId")]
    [InlineData("{ similarExperts(personId: \"UGVyc29uOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAx\") { score } }", "NOT_FOUND", "personId")]
    public async Task SimilarExpertsRefusesBadOrUnknownPeople(string query, string code, string field)
    {
        var response = await factory.QueryAsync(query);

        Assert.Equal(code, response.ErrorCode());
        Assert.Equal(field, response.ErrorField());
    }

    [Fact]
    public async Task ATeamProposalCoversWhatItClaimsWithPeopleFromTheOrganisationsItNames()
    {
        var skills = await SkillIdsAsync("Statistical process control", "Systems thinking", "Experience-based co-design", "Lean");

        var response = await factory.QueryAsync("""
            query($skills: [ID!]!) { assembleTeam(skillIds: $skills, size: 4) {
                organisationCount uncoveredSkills { id } uncovered { skill { id } reason }
                members { covers { id name narrower { id narrower { id narrower { id } } } } organisation { id }
                          person { id skills { skill { id } level } employments { until organisation { id } } } } } }
            """, new { skills = skills.Values.ToArray() });

        Assert.Null(response["errors"]);
        var team = response["data"]!["assembleTeam"]!;
        var members = team["members"].Arr();
        Assert.InRange(members.Count, 1, 4);
        Assert.Equal(members.Count, members.Select(m => m!["person"]!["id"].Str()).Distinct().Count());
        foreach (var member in members)
        {
            var person = member!["person"]!;
            var held = person["skills"].Arr().Where(s => s!["level"].Str() != "AWARENESS").Select(s => s!["skill"]!["id"].Str()).ToHashSet();
            Assert.All(member["covers"].Arr(), covered => Assert.True(held.Overlaps(SelfAndNarrower(covered!)),
                $"{person["id"]} is said to cover {covered!["name"]} but holds neither it nor a narrower skill at practitioner level."));
            Assert.Contains(person["employments"].Arr(), e => e!["until"] is null && e["organisation"]!["id"].Str() == member["organisation"]!["id"].Str());
        }

        var covers = members.SelectMany(m => m!["covers"].Arr().Select(c => c!["id"].Str())).ToHashSet();
        var uncovered = team["uncoveredSkills"].Arr().Select(s => s!["id"].Str()).ToHashSet();
        Assert.Equal(skills.Values.ToHashSet(), covers.Union(uncovered).ToHashSet());
        Assert.Empty(covers.Intersect(uncovered));
        Assert.Equal(members.Select(m => m!["organisation"]!["id"].Str()).Distinct().Count(), team["organisationCount"]!.GetValue<int>());
        Assert.True(team["organisationCount"]!.GetValue<int>() >= 2, "crossOrganisation defaults to true: the team spans at least two organisations.");
    }

    [Fact]
    public async Task SkillsATeamCannotCoverAreExplainedNotAnError()
    {
        var skills = await SkillIdsAsync("Statistical process control", "Systems thinking", "Lean");

        var response = await factory.QueryAsync("query($skills: [ID!]!) { assembleTeam(skillIds: $skills, size: 1) { members { covers { id } } uncovered { skill { id } reason } } }",
            new { skills = skills.Values.ToArray() });

        Assert.Null(response["errors"]);
        var team = response["data"]!["assembleTeam"]!;
        var uncovered = team["uncovered"].Arr();
        Assert.Single(team["members"].Arr());
        Assert.NotEmpty(uncovered);
        Assert.All(uncovered, u => Assert.Contains("size", u!["reason"].Str(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ assembleTeam(skillIds: [], size: 3) { organisationCount } }", "skillIds")]
    [InlineData("{ assembleTeam(skillIds: [\"bad\"]) { organisationCount } }", "skillIds")]
    [InlineData("{ assembleTeam(skillIds: [\"U2tpbGw6MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDE\"], size: 0) { organisationCount } }", "size")]
    [InlineData("{ assembleTeam(skillIds: [\"U2tpbGw6MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDE\"], size: 21) { organisationCount } }", "size")]
    public async Task ATeamRequestWithBadInputIsBadUserInput(string query, string field)
    {
        var response = await factory.QueryAsync(query);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal(field, response.ErrorField());
    }

    private async Task<Dictionary<string, string>> SkillIdsAsync(params string[] names)
    {
        var response = await factory.QueryAsync("{ skills(first: 100) { nodes { id name } } more: skills(first: 100, after: \"Y3Vyc29yOjk5\") { nodes { id name } } }");
        return response["data"]!["skills"]!["nodes"].Arr().Concat(response["data"]!["more"]!["nodes"].Arr())
            .Where(n => names.Contains(n!["name"].Str())).ToDictionary(n => n!["name"].Str(), n => n!["id"].Str());
    }

    private static IEnumerable<string> SelfAndNarrower(JsonNode skill) =>
        new[] { skill["id"].Str() }.Concat((skill["narrower"]?.AsArray() ?? []).SelectMany(n => SelfAndNarrower(n!)));

    private static string DecodedType(string id) => GlobalId.TryDecode(id, out var type, out _) ? type : "";
}
