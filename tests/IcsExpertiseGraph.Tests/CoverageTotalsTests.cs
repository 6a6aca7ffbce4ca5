using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The coverage page's figures add up, for every ICS: each cell and each total is checked against the people behind it,
/// worked out here from the demo network itself (the same generator, seed and size the service seeded), not from the API.
/// </summary>
public sealed class CoverageTotalsTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string CoverageQuery = """
        query($ics: ID!) { expertiseCoverage(icsId: $ics) {
            peopleCounted peopleInNoPlace domains { domain expertCount practitionerCount }
            places { place { id } peopleCounted cells { domain expertCount practitionerCount } }
            placesTotal { peopleCounted cells { domain expertCount practitionerCount } }
            organisations { organisation { id } peopleCounted cells { domain expertCount practitionerCount } }
            organisationsTotal { peopleCounted cells { domain expertCount practitionerCount } } } }
        """;

    [Fact]
    public async Task ForEveryIcsTheTotalsAreTheDistinctPeopleBehindTheCellsAndEachCellCountsThePeopleItNames()
    {
        var factory = api.Factory;
        // The service seeded this network on its first start (Seed:DemoSeed 42, Seed:DemoPeople, as of today).
        var network = new NetworkGenerator(42, DateOnly.FromDateTime(DateTime.UtcNow)).Generate(factory.DemoPeople);
        var manager = SeededPeople.SignInAble(network.People)[0];
        var token = factory.TokenFor(manager, Roles.NetworkManager);

        // What a network manager may see: PUBLIC and NETWORK people, and themself.
        var visible = network.People.Where(p => p.Visibility != Visibility.Private || p.Id == manager.Id).Select(p => p.Id).ToHashSet();
        var organisations = network.Organisations.ToDictionary(o => o.Id);
        var served = network.OrganisationPlaces.ToLookup(s => s.OrganisationId, s => s.PlaceId);
        var employers = network.Employments.Where(e => e.Until is null).ToLookup(e => e.PersonId, e => e.OrganisationId);
        var domainOf = network.Skills.ToDictionary(s => s.Id, s => s.Domain);
        var depth = network.PersonSkills.GroupBy(s => (s.PersonId, Domain: domainOf[s.SkillId])).ToDictionary(g => g.Key, g => g.Max(s => s.Level));
        var mismatches = new List<string>();
        var someOverlap = false;

        foreach (var ics in network.IntegratedCareSystems)
        {
            var local = visible.ToDictionary(p => p, p => employers[p].Where(o => organisations[o].IntegratedCareSystemId == ics.Id).Distinct().ToList());
            var counted = local.Where(p => p.Value.Count > 0).Select(p => p.Key).ToList();
            var byPlace = network.Places.Where(p => p.IntegratedCareSystemId == ics.Id)
                .ToDictionary(p => GlobalId.Encode("Place", p.Id), p => counted.Where(person => local[person].Any(o => served[o].Contains(p.Id))).ToList());
            var byOrganisation = counted.SelectMany(p => local[p].Select(o => (Organisation: o, Person: p)))
                .GroupBy(x => GlobalId.Encode("Organisation", x.Organisation), x => x.Person).ToDictionary(g => g.Key, g => g.ToList());
            var inAnyPlace = byPlace.Values.SelectMany(p => p).Distinct().ToList();

            var response = await factory.QueryAsync(CoverageQuery, new { ics = GlobalId.Encode("IntegratedCareSystem", ics.Id) }, token);
            Assert.True(response["errors"] is null, response.ToJsonString());
            var coverage = response["data"]!["expertiseCoverage"]!;
            void Check(string what, JsonNode? row, IReadOnlyCollection<Guid> people)
            {
                var expected = Figures(people, depth);
                var actual = $"{row!["peopleCounted"]!.GetValue<int>()} | {Cells(row["cells"]!)}";
                if (expected != actual)
                {
                    mismatches.Add($"{ics.Name}, {what}: expected {expected}, the API says {actual}");
                }
            }

            foreach (var row in coverage["places"]!.AsArray())
            {
                Check("a place row", row, byPlace[row!["place"]!["id"]!.GetValue<string>()]);
            }

            foreach (var row in coverage["organisations"]!.AsArray())
            {
                Check("an organisation row", row, byOrganisation[row!["organisation"]!["id"]!.GetValue<string>()]);
            }

            // The totals: each person once, however many rows they are in.
            Check("all places", coverage["placesTotal"], inAnyPlace);
            Check("all organisations", coverage["organisationsTotal"], counted);
            var totals = new JsonObject { ["peopleCounted"] = coverage["peopleCounted"]!.GetValue<int>(), ["cells"] = coverage["domains"]!.DeepClone() };
            Check("the ICS totals", totals, counted);
            Assert.Equal(counted.Count - inAnyPlace.Count, coverage["peopleInNoPlace"]!.GetValue<int>());
            someOverlap |= byPlace.Values.Sum(p => p.Count) > inAnyPlace.Count;
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
        // The case that confused readers exists: people counted in several places, so rows add up to more than the total.
        Assert.True(someOverlap);
    }

    [Fact]
    public async Task NoIcsNamesTwoOrganisationsAlikeAmongItsOrganisationsOrItsIsolatedOnes()
    {
        var factory = api.Factory;
        var network = new NetworkGenerator(42, DateOnly.FromDateTime(DateTime.UtcNow)).Generate(factory.DemoPeople);
        var token = factory.TokenFor(SeededPeople.SignInAble(network.People)[0], Roles.NetworkManager);
        var repeated = new List<string>();
        foreach (var ics in network.IntegratedCareSystems)
        {
            var response = await factory.QueryAsync("""
                query($ics: ID!) { organisationCollaboration(icsId: $ics) { organisations { organisation { name odsCode } } isolated { id name } } }
                """, new { ics = GlobalId.Encode("IntegratedCareSystem", ics.Id) }, token);
            var collaboration = response["data"]!["organisationCollaboration"]!;
            var names = collaboration["organisations"]!.AsArray().Select(o => o!["organisation"]!["name"]!.GetValue<string>()).ToList();
            var isolated = collaboration["isolated"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToList();
            repeated.AddRange(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{ics.Name}: {g.Key}"));
            repeated.AddRange(isolated.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{ics.Name}, isolated: {g.Key}"));
            Assert.NotEmpty(names);
        }

        Assert.True(repeated.Count == 0, string.Join("\n", repeated));
    }

    /// <summary>"people | domain experts/practitioners ..." by each person's deepest level per domain.</summary>
    private static string Figures(IReadOnlyCollection<Guid> people, Dictionary<(Guid, QualityDomain), SkillLevel> depth) =>
        $"{people.Count} | " + string.Join(" ", Enum.GetValues<QualityDomain>().Select(d =>
            $"{EnumText.Name(d)} {people.Count(p => depth.GetValueOrDefault((p, d)) >= SkillLevel.Expert)}/{people.Count(p => depth.GetValueOrDefault((p, d)) == SkillLevel.Practitioner)}"));

    private static string Cells(JsonNode cells) =>
        string.Join(" ", cells.AsArray().Select(c => $"{c!["domain"]!.GetValue<string>()} {c["expertCount"]!.GetValue<int>()}/{c["practitionerCount"]!.GetValue<int>()}"));
}
