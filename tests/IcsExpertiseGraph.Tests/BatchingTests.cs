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

    /// <summary>Every list field that nests people: a small and a large page make the same number of store calls.</summary>
    [Theory]
    [InlineData("query($n: Int, $p: ID!) { similarExperts(personId: $p, first: $n) { score node { displayName skills { level skill { name } } employments { organisation { name } } } } }")]
    [InlineData("query($n: Int, $p: ID!) { collaborationNetwork(around: $p, hops: 2, limit: $n) { nodes { person { displayName skills { level } } organisation { name integratedCareSystem { name } } } } }")]
    [InlineData("query($n: Int, $p: ID!) { collaborationNetwork(around: $p, hops: 2, limit: $n) { nodes { betweenness person { displayName } organisation { name } } } }")]
    [InlineData("query($n: Int) { brokers(first: $n) { betweenness person { displayName employments { organisation { name } } } } }")]
    [InlineData("query($n: Int) { projects(first: $n) { nodes { title methods { name } hostOrganisation { name } contributors { role person { displayName skills { level } } } } } }")]
    public async Task StoreRoundTripsForOtherListsDoNotGrowWithTheirSize(string query)
    {
        var factory = api.Factory;
        var people = (await factory.Store.ListPeopleAsync(new IcsExpertiseGraph.Api.Auth.Viewer(null, true, true), new IcsExpertiseGraph.Api.Storage.PageRequest(0, 500), CancellationToken.None)).Items;
        var manager = people.First(p => p.Visibility == IcsExpertiseGraph.Api.Domain.Visibility.Public && p.Email is not null);
        var token = await factory.SignInAsync(manager, IcsExpertiseGraph.Api.Auth.Roles.NetworkManager);
        var centre = IcsExpertiseGraph.Api.GraphQLApi.GlobalId.Encode("Person", manager.Id);
        var warm = await factory.QueryAsync(query, new { n = 2, p = centre }, token);
        Assert.Null(warm["errors"]);

        factory.Calls.Reset();
        var small = await factory.QueryAsync(query, new { n = 3, p = centre }, token);
        var forSmall = factory.Calls.Count;
        factory.Calls.Reset();
        var large = await factory.QueryAsync(query, new { n = 60, p = centre }, token);

        Assert.Null(small["errors"]);
        Assert.Null(large["errors"]);
        Assert.True(large.ToJsonString().Length > small.ToJsonString().Length, "the large page must hold more rows");
        Assert.Equal(forSmall, factory.Calls.Count);
    }
}
