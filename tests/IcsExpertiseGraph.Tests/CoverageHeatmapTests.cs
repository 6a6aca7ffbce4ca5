using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// expertiseCoverage's heatmap rows (quality domains × places, × organisations), checked against other ways of
/// asking the API the same question: organisation staff with their skills, and filtered searches per place.
/// </summary>
public sealed class CoverageHeatmapTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static readonly string[] Domains = [.. Enum.GetValues<QualityDomain>().Select(d => EnumText.Name(d))];

    private const string CoverageQuery = """
        query($ics: ID!) { expertiseCoverage(icsId: $ics) {
            peopleCounted domains { domain expertCount practitionerCount }
            places { place { id name } peopleCounted cells { domain expertCount practitionerCount } }
            organisations { organisation { id name people(first: 100) { id visibility skills { level skill { domain } } } }
                            peopleCounted cells { domain expertCount practitionerCount } } } }
        """;

    private ApiFactory Factory => api.Factory;

    private Task<IReadOnlyList<Person>> EveryoneAsync() => SeededPeople.AllAsync(Factory.Store);

    private async Task<string> TokenAsync(params string[] roles) => Factory.TokenFor(await SeededPeople.PickAsync(Factory.Store, roles.Length + 3), roles);

    private Task<string> IcsWithPeopleAsync() => NetworkTests.IcsWithMostPeopleAsync(Factory);

    private async Task<JsonNode> CoverageAsync(string ics, string token)
    {
        var response = await Factory.QueryAsync(CoverageQuery, new { ics }, token);
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]!["expertiseCoverage"]!;
    }

    [Fact]
    public async Task OrganisationCellsCountTheirStaffAndTheirExpertsTogetherAreTheDomainTotals()
    {
        var manager = await TokenAsync(Roles.NetworkManager);
        var coverage = await CoverageAsync(await IcsWithPeopleAsync(), manager);

        var organisations = coverage["organisations"].Arr();
        Assert.NotEmpty(organisations);
        Assert.Equal(organisations.Select(o => o!["organisation"]!["name"].Str()).Order(StringComparer.Ordinal), organisations.Select(o => o!["organisation"]!["name"].Str()));
        var expertsByDomain = Domains.ToDictionary(d => d, _ => new HashSet<string>());
        var practitionersByDomain = Domains.ToDictionary(d => d, _ => new HashSet<string>());
        foreach (var row in organisations)
        {
            // The organisation's own staff list (the store's visibility rule, not the index's) is the oracle.
            var staff = row!["organisation"]!["people"].Arr();
            Assert.InRange(staff.Count, 1, 99);
            Assert.Equal(staff.Count, row["peopleCounted"]!.GetValue<int>());
            var cells = row["cells"].Arr();
            Assert.Equal(Domains, cells.Select(c => c!["domain"].Str()));
            foreach (var cell in cells)
            {
                var domain = cell!["domain"].Str();
                var experts = staff.Where(p => Deepest(p!, domain) >= 3).Select(p => p!["id"].Str()).ToList();
                var practitioners = staff.Where(p => Deepest(p!, domain) == 2).Select(p => p!["id"].Str()).ToList();
                Assert.Equal(experts.Count, cell["expertCount"]!.GetValue<int>());
                Assert.Equal(practitioners.Count, cell["practitionerCount"]!.GetValue<int>());
                expertsByDomain[domain].UnionWith(experts);
                practitionersByDomain[domain].UnionWith(practitioners);
            }
        }

        foreach (var total in coverage["domains"].Arr())
        {
            var domain = total!["domain"].Str();
            Assert.Equal(total["expertCount"]!.GetValue<int>(), expertsByDomain[domain].Count);
            Assert.Equal(total["practitionerCount"]!.GetValue<int>(), practitionersByDomain[domain].Except(expertsByDomain[domain]).Count());
        }

        Assert.Equal(coverage["peopleCounted"]!.GetValue<int>(), organisations.SelectMany(o => o!["organisation"]!["people"].Arr().Select(p => p!["id"].Str())).Distinct().Count());
    }

    [Fact]
    public async Task EveryPlaceOfTheIcsIsARowAndItsCellsAreWhatAFilteredSearchFinds()
    {
        var manager = await TokenAsync(Roles.NetworkManager);
        var ics = await IcsWithPeopleAsync();
        var coverage = await CoverageAsync(ics, manager);
        var places = (await Factory.QueryAsync("query($ics: ID!) { node(id: $ics) { ... on IntegratedCareSystem { places { id name } } } }", new { ics }, manager))["data"]!["node"]!["places"].Arr();

        var rows = coverage["places"].Arr();
        Assert.Equal(places.Select(p => p!["name"].Str()).Order(StringComparer.Ordinal), rows.Select(r => r!["place"]!["name"].Str()));
        Assert.Equal(places.Select(p => p!["id"].Str()).Order(), rows.Select(r => r!["place"]!["id"].Str()).Order());
        foreach (var row in rows)
        {
            var place = row!["place"]!["id"].Str();
            // The search filter "works, now, for an organisation in the ICS serving the place" is the same rule, answered by other code.
            var aliases = string.Join(' ', Domains.Select(d =>
                $"{d}_e: searchExperts(filter: {{ icsIds: [$ics], placeIds: [$place], domains: [{d}], minLevel: EXPERT }}) {{ totalCount }} " +
                $"{d}_p: searchExperts(filter: {{ icsIds: [$ics], placeIds: [$place], domains: [{d}], minLevel: PRACTITIONER }}) {{ totalCount }}"));
            var searched = await Factory.QueryAsync($"query($ics: ID!, $place: ID!) {{ everyone: searchExperts(filter: {{ icsIds: [$ics], placeIds: [$place] }}) {{ totalCount }} {aliases} }}",
                new { ics, place }, manager);
            Assert.True(searched["errors"] is null, searched.ToJsonString());
            var data = searched["data"]!;
            Assert.Equal(data["everyone"]!["totalCount"]!.GetValue<int>(), row["peopleCounted"]!.GetValue<int>());
            Assert.Equal(Domains, row["cells"].Arr().Select(c => c!["domain"].Str()));
            foreach (var cell in row["cells"].Arr())
            {
                var domain = cell!["domain"].Str();
                var experts = data[$"{domain}_e"]!["totalCount"]!.GetValue<int>();
                Assert.Equal(experts, cell["expertCount"]!.GetValue<int>());
                Assert.Equal(data[$"{domain}_p"]!["totalCount"]!.GetValue<int>() - experts, cell["practitionerCount"]!.GetValue<int>());
            }
        }
    }

    [Fact]
    public async Task APlaceWithNobodyIsARowOfZeros()
    {
        var manager = await TokenAsync(Roles.NetworkManager);
        var systems = (await Factory.QueryAsync("{ integratedCareSystems(first: 100) { nodes { id } } }", token: manager))["data"]!["integratedCareSystems"]!["nodes"].Arr();
        JsonNode? empty = null;
        foreach (var ics in systems.Select(s => s!["id"].Str()))
        {
            empty = (await CoverageAsync(ics, manager))["places"].Arr().FirstOrDefault(p => p!["peopleCounted"]!.GetValue<int>() == 0);
            if (empty is not null)
            {
                break;
            }
        }

        Assert.NotNull(empty);
        Assert.Equal(Domains, empty["cells"].Arr().Select(c => c!["domain"].Str()));
        Assert.All(empty["cells"].Arr(), c =>
        {
            Assert.Equal(0, c!["expertCount"]!.GetValue<int>());
            Assert.Equal(0, c["practitionerCount"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task APrivatePersonCountsForAnAdminButNotForANetworkManager()
    {
        var everyone = await EveryoneAsync();
        var employments = await Factory.Store.GetEmploymentsOfPeopleAsync([.. everyone.Select(p => p.Id)], CancellationToken.None);
        var organisations = await Factory.Store.GetOrganisationsAsync([.. employments.Values.SelectMany(e => e).Select(e => e.OrganisationId).Distinct()], CancellationToken.None);
        var (hidden, employer) = everyone.Where(p => p.Visibility == Visibility.Private)
            .SelectMany(p => (employments.GetValueOrDefault(p.Id) ?? []).Where(e => e.Until is null || e.Until >= DateOnly.FromDateTime(DateTime.UtcNow)).Select(e => (Person: p, Organisation: organisations[e.OrganisationId])))
            .First(x => x.Organisation.IntegratedCareSystemId is not null);
        var ics = GlobalId.Encode("IntegratedCareSystem", employer.IntegratedCareSystemId!.Value);
        var organisation = GlobalId.Encode("Organisation", employer.Id);

        var asManager = await CoverageAsync(ics, await TokenAsync(Roles.NetworkManager));
        var asAdmin = await CoverageAsync(ics, await TokenAsync(Roles.Admin));

        int counted(JsonNode coverage) => coverage["organisations"].Arr().SingleOrDefault(o => o!["organisation"]!["id"].Str() == organisation)?["peopleCounted"]!.GetValue<int>() ?? 0;
        var adminRow = asAdmin["organisations"].Arr().Single(o => o!["organisation"]!["id"].Str() == organisation)!;
        var privateStaff = adminRow["organisation"]!["people"].Arr().Count(p => p!["visibility"].Str() == "PRIVATE");
        Assert.Contains(adminRow["organisation"]!["people"].Arr(), p => p!["id"].Str() == GlobalId.Encode("Person", hidden.Id));
        Assert.True(privateStaff >= 1);
        Assert.Equal(counted(asAdmin) - privateStaff, counted(asManager));
        Assert.True(asAdmin["peopleCounted"]!.GetValue<int>() > asManager["peopleCounted"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheHeatmapIsForNetworkManagersOnly()
    {
        var ics = await IcsWithPeopleAsync();
        const string query = "query($ics: ID!) { expertiseCoverage(icsId: $ics) { places { cells { expertCount } } organisations { cells { expertCount } } } }";

        Assert.Equal("UNAUTHENTICATED", (await Factory.QueryAsync(query, new { ics })).ErrorCode());
        var member = await Factory.QueryAsync(query, new { ics }, await TokenAsync());
        Assert.Equal("FORBIDDEN", member.ErrorCode());
        Assert.Null(member["data"]);
    }

    /// <summary>A person's deepest level (1..4) in a domain, 0 when they hold nothing in it.</summary>
    private static int Deepest(JsonNode person, string domain) =>
        person["skills"].Arr().Where(s => s!["skill"]!["domain"].Str() == domain).Select(s => s!["level"].Str() switch
        {
            "AWARENESS" => 1,
            "PRACTITIONER" => 2,
            "EXPERT" => 3,
            "COACH" => 4,
            var other => throw new InvalidOperationException(other),
        }).DefaultIfEmpty(0).Max();
}
