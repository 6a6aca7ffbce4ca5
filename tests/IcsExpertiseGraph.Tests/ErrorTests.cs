namespace IcsExpertiseGraph.Tests;

/// <summary>Bad input of every kind gets BAD_USER_INPUT naming the argument at fault, and nothing else happens.</summary>
public sealed class ErrorTests(SharedApi api) : IClassFixture<SharedApi>
{
    private readonly ApiFactory factory = api.Factory;

    [Theory]
    [InlineData("{ people(first: 0) { totalCount } }", "first")]
    [InlineData("{ people(first: 101) { totalCount } }", "first")]
    [InlineData("{ searchExperts(first: -3) { totalCount } }", "first")]
    [InlineData("{ people(after: \"not-a-cursor\") { totalCount } }", "after")]
    [InlineData("{ person(id: \"garbage\") { displayName } }", "id")]
    [InlineData("{ node(id: \"%%%\") { id } }", "id")]
    [InlineData("{ skills(domain: NOT_A_DOMAIN) { totalCount } }", "domain")]
    [InlineData("{ searchExperts(filter: { icsIds: [\"nope\"] }) { totalCount } }", "filter.icsIds")]
    [InlineData("{ people(first: \"ten\") { totalCount } }", "first")]
    [InlineData("{ person { displayName } }", "id")]
    [InlineData("{ projects(filter: { statuses: [FINISHED] }) { totalCount } }", "filter")]
    public async Task BadArgumentsAreBadUserInputNamingTheArgument(string query, string field)
    {
        var response = await factory.QueryAsync(query);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal(field, response.ErrorField());
        Assert.False(string.IsNullOrWhiteSpace(response["errors"]![0]!["message"].Str()));
    }

    [Fact]
    public async Task AnIdOfTheWrongKindIsBadUserInput()
    {
        var systems = await factory.QueryAsync("{ integratedCareSystems(first: 1) { nodes { id } } }");
        var icsId = systems["data"]!["integratedCareSystems"]!["nodes"]![0]!["id"].Str();

        var response = await factory.QueryAsync("query($id: ID!) { person(id: $id) { displayName } }", new { id = icsId });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal("id", response.ErrorField());
        Assert.Contains("IntegratedCareSystem", response["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownEnumValueInVariablesIsBadUserInputNamingTheVariable()
    {
        var response = await factory.QueryAsync(
            "query($domain: QualityDomain) { skills(domain: $domain) { totalCount } }", new { domain = "QUALITY_MAGIC" });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal("domain", response.ErrorField());
    }

    [Fact]
    public async Task AQueryLongerThanTheLimitIsBadUserInput()
    {
        var response = await factory.QueryAsync("query($q: String) { searchExperts(query: $q) { totalCount } }", new { q = new string('x', 201) });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal("query", response.ErrorField());
    }

    [Fact]
    public async Task AnUnknownFieldIsAValidationErrorWithACode()
    {
        var response = await factory.QueryAsync("{ people { totalCount secretField } }");

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.ErrorCode());
        Assert.Null(response["data"]);
    }

    [Fact]
    public async Task UnparsableQueriesAreParseErrors()
    {
        var response = await factory.QueryAsync("{ people { ");

        Assert.Equal("GRAPHQL_PARSE_FAILED", response.ErrorCode());
    }
}
