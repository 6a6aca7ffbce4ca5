namespace IcsExpertiseGraph.Tests;

/// <summary>Nested lists load in batches: store round-trips do not grow with the number of rows on a page.</summary>
public sealed class BatchingTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string PageOfPeople = """
        query($first: Int) { people(first: $first) { nodes {
            displayName
            skills { skill { name domain } level }
            employments { role organisation { name type integratedCareSystem { name } places { name } } }
            contributions { role project { title hostOrganisation { name } } } } } }
        """;

    [Fact]
    public async Task StoreRoundTripsForAPageOfPeopleDoNotGrowWithThePageSize()
    {
        var factory = api.Factory;
        await factory.QueryAsync(PageOfPeople, new { first = 1 }); // warm the skill catalog

        factory.Calls.Reset();
        var small = await factory.QueryAsync(PageOfPeople, new { first = 50 });
        var forFifty = factory.Calls.Count;

        factory.Calls.Reset();
        var large = await factory.QueryAsync(PageOfPeople, new { first = 100 });
        var forHundred = factory.Calls.Count;

        Assert.Null(small["errors"]);
        Assert.Null(large["errors"]);
        Assert.Equal(100, large["data"]!["people"]!["nodes"].Arr().Count);
        Assert.Equal(forFifty, forHundred);
        // people, skills, employments, contributions, organisations, projects, ICSs, places served, places, host organisations.
        Assert.InRange(forFifty, 1, 12);
    }

    [Fact]
    public async Task SearchLoadsItsPageOfPeopleInOneBatch()
    {
        var factory = api.Factory;
        const string search = "query($first: Int) { searchExperts(query: \"improvement\", first: $first) { edges { node { displayName skills { level } } } } }";
        await factory.QueryAsync(search, new { first = 1 });

        factory.Calls.Reset();
        await factory.QueryAsync(search, new { first = 3 });
        var forThree = factory.Calls.Count;

        factory.Calls.Reset();
        await factory.QueryAsync(search, new { first = 40 });

        // Candidates come from the in-memory index; the page of people and their skills are two calls whatever the page size.
        Assert.Equal(forThree, factory.Calls.Count);
        Assert.Equal(2, forThree);
    }
}
