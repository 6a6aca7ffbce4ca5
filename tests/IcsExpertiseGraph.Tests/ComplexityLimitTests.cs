namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The production cost limit is sized from the heaviest queries a real client sends: they must pass, with room to
/// spare, while a query a few times heavier is refused before it runs.
/// </summary>
public sealed class ComplexityLimitTests : IDisposable
{
    /// <summary>The README's first example at a full results page: search, explanations, employments and all four facets.</summary>
    public const string HeaviestSearch = """
        {
          searchExperts(query: "SPC and systems thinking", filter: { availableOnly: true, openToCrossOrganisation: true }, first: 20) {
            totalCount
            recognisedSkills { name }
            edges {
              score
              matchedSkills { skill { name } level verified evidence forSkill { name } }
              explanation { signal detail contribution }
              node {
                displayName headline
                employments { organisation { name type integratedCareSystem { name } } role primary }
              }
            }
            facets { domains { value count } organisationTypes { value count }
                     integratedCareSystems { value count integratedCareSystem { name } } skills { value count skill { name } } }
          }
        }
        """;

    /// <summary>A full directory page, as the batching tests ask for it: the heaviest legitimate query we know.</summary>
    public const string HeaviestDirectoryPage = """
        { people(first: 100) { nodes {
            displayName
            skills { skill { name domain } level }
            employments { role organisation { name type integratedCareSystem { name } places { name } } }
            contributions { role project { title hostOrganisation { name } } } } } }
        """;

    /// <summary>A profile page: a person with skills, employments and projects, and who else worked on each project.</summary>
    public const string HeaviestProfilePage = """
        query($id: ID!) {
          person(id: $id) {
            displayName headline bio
            skills { skill { name domain broader { name } } level evidence verified years }
            employments { organisation { name odsCode type integratedCareSystem { name } } role primary }
            contributions { role project { title status aim contributors { role person { id displayName headline } } } }
          }
        }
        """;

    private readonly ApiFactory factory = ApiFactory.Production();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheHeaviestLegitimateQueriesPassTheProductionCostLimit()
    {
        var people = await factory.QueryAsync("{ people(first: 1) { nodes { id } } }");
        var id = people["data"]!["people"]!["nodes"]![0]!["id"].Str();

        var search = await factory.QueryAsync(HeaviestSearch);
        var profile = await factory.QueryAsync(HeaviestProfilePage, new { id });
        var page = await factory.QueryAsync(HeaviestDirectoryPage);

        Assert.Null(search["errors"]);
        Assert.Null(profile["errors"]);
        Assert.Null(page["errors"]);
    }

    public static TheoryData<string> HeavyQueries => new()
    {
        // Everyone's projects' people's projects, within the depth limit.
        "{ people(first: 100) { nodes { contributions { project { contributors { person { contributions { project { title } } } } } } } } }",
        // Two of the heaviest pages in one request.
        "{ a: " + HeaviestDirectoryPage.Trim()[1..^1] + " b: " + HeaviestDirectoryPage.Trim()[1..^1] + " }",
    };

    [Theory]
    [MemberData(nameof(HeavyQueries))]
    public async Task QueriesHeavierThanAnyClientSendsAreRefusedBeforeTheyRun(string heavy)
    {
        var response = await factory.QueryAsync(heavy);

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.ErrorCode());
        Assert.Contains("complex", response["errors"]![0]!["message"].Str(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(response["data"]);
    }
}
