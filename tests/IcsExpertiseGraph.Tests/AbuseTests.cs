using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The usual GraphQL security probes, sent to the production profile: each is refused with a clear error,
/// nothing executes, and nothing answers 5xx.
/// </summary>
public sealed class AbuseTests(SharedProductionApi api) : IClassFixture<SharedProductionApi>
{
    private readonly ApiFactory factory = api.Factory;

    private static string Repeat(int count, Func<int, string> part) => string.Concat(Enumerable.Range(0, count).Select(part));

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string body, string contentType = "application/json")
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync("/graphql", content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private Task<(HttpStatusCode Status, JsonObject Body)> PostQueryAsync(string query, object? variables = null) =>
        PostAsync(JsonSerializer.Serialize(new { query, variables }));

    /// <summary>Refused: an error with a code and a message naming <paramref name="reason"/>, no data, no 5xx.</summary>
    private static void AssertRefused((HttpStatusCode Status, JsonObject Body) response, string code, string reason)
    {
        Assert.True((int)response.Status < 500, $"status {(int)response.Status}");
        Assert.Null(response.Body["data"]);
        var errors = response.Body["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["extensions"]!["code"].Str() == code);
        Assert.Contains(errors, e => e!["message"].Str().Contains(reason, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AliasOverloadingIsRefused()
    {
        var query = "{ " + Repeat(100, i => $"a{i}: integratedCareSystems {{ totalCount }} ") + "}";

        AssertRefused(await PostQueryAsync(query), "GRAPHQL_VALIDATION_FAILED", "at most 15 aliases");
    }

    [Fact]
    public async Task AFewAliasesStillWork()
    {
        var query = "{ " + Repeat(15, i => $"a{i}: integratedCareSystems {{ totalCount }} ") + "}";

        var (status, body) = await PostQueryAsync(query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(42, body["data"]!["a14"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ArrayBatchingIsRefused()
    {
        var batch = JsonSerializer.Serialize(Enumerable.Range(0, 10).Select(_ => new { query = "{ integratedCareSystems { totalCount } }" }));

        AssertRefused(await PostAsync(batch), "BAD_REQUEST", "Batched (array) requests are not accepted");
    }

    [Fact]
    public async Task DirectiveOverloadingIsRefused()
    {
        var query = "{ " + Repeat(60, _ => "__typename @skip(if: false) ") + "}";

        AssertRefused(await PostQueryAsync(query), "GRAPHQL_VALIDATION_FAILED", "at most 50 directives");
    }

    [Fact]
    public async Task ThousandsOfRepeatedFieldsAreRefusedBeforeValidationCostsSeconds()
    {
        var query = "{ " + Repeat(2800, _ => "people { totalCount } ") + "}";

        AssertRefused(await PostQueryAsync(query), "GRAPHQL_VALIDATION_FAILED", "at most 200 fields");
    }

    [Fact]
    public async Task CircularIntrospectionIsRefused()
    {
        const string query = "{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }";

        AssertRefused(await PostQueryAsync(query), "GRAPHQL_VALIDATION_FAILED", "introspection");
    }

    [Fact]
    public async Task TypenameStillWorksWithoutIntrospection()
    {
        var (status, body) = await PostQueryAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Query", body["data"]!["__typename"].Str());
    }

    [Fact]
    public async Task FieldSuggestionsAreNotGiven()
    {
        var (status, body) = await PostQueryAsync("{ peopl { totalCount } }");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", body.ErrorCode());
        Assert.DoesNotContain("Did you mean", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("people", body["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMutationOverGetIsRefused()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("GraphQL-Require-Preflight", "1");

        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { confirmMyProfile { id } }"));

        AssertRefused((response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject()), "BAD_REQUEST", "POST");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task AGetWithoutThePreflightHeaderIsRefused()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ integratedCareSystems { totalCount } }"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertRefused((response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject()), "BAD_REQUEST", "GraphQL-Require-Preflight");
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "query=%7B__typename%7D")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n{ __typename }\r\n--x--")]
    [InlineData("text/plain", "{\"query\":\"{ __typename }\"}")]
    public async Task FormAndPlainTextPostsAreRefused(string contentType, string body)
    {
        var response = await PostAsync(body, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        AssertRefused(response, "BAD_REQUEST", "application/json");
    }

    [Fact]
    public async Task DeeplyNestedQueriesAreRefused()
    {
        const string query = """
            query($id: ID!) { person(id: $id) { contributions { project { contributors { person { contributions { project {
              contributors { person { contributions { project { contributors { person { displayName } } } } } } } } } } } } } }
            """;

        AssertRefused(await PostQueryAsync(query, new { id = "UGVyc29uOjA=" }), "GRAPHQL_VALIDATION_FAILED", "depth");
    }

    [Theory]
    [InlineData(2000, "{ a", " { a", " }")]
    [InlineData(5000, "{ people(after: ", "[", "]")]
    public async Task DocumentsNestedBeyondWhatTheParserAllowsAreRefused(int levels, string start, string open, string close)
    {
        var query = start + Repeat(levels, _ => open) + Repeat(levels, _ => close) + (start.EndsWith(' ') ? ") { totalCount } }" : " }");

        var (status, body) = await PostQueryAsync(query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["data"]);
        Assert.Equal("GRAPHQL_PARSE_FAILED", body.ErrorCode());
        Assert.Equal("The document is nested too deeply to parse.", body["errors"]![0]!["message"].Str());
    }

    [Fact]
    public async Task CircularFragmentsAreRefused()
    {
        const string query = """
            query($id: ID!) { person(id: $id) { ...A } }
            fragment A on Person { contributions { person { ...B } } }
            fragment B on Person { ...A }
            """;

        AssertRefused(await PostQueryAsync(query, new { id = "UGVyc29uOjA=" }), "GRAPHQL_VALIDATION_FAILED", "fragment");
    }

    [Theory]
    [InlineData("{ people(first: 99999999) { totalCount } }")]
    [InlineData("{ searchExperts(first: 99999999) { totalCount } }")]
    public async Task AHugePageIsRefused(string query)
    {
        var (status, body) = await PostQueryAsync(query);

        Assert.True((int)status < 500);
        Assert.Null(body["data"]?["people"] ?? body["data"]?["searchExperts"]);
        Assert.Contains(body["errors"]!.AsArray(), e => e!["extensions"]!["code"].Str() is "BAD_USER_INPUT" or "GRAPHQL_VALIDATION_FAILED");
    }

    [Fact]
    public async Task AOneMegabyteVariableIsRefusedBeforeItIsParsed()
    {
        var response = await PostQueryAsync("query($q: String) { searchExperts(query: $q) { totalCount } }", new { q = new string('x', 1024 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        AssertRefused(response, "BAD_REQUEST", "larger than 64 KiB");
    }

    [Fact]
    public async Task TextThatIsNotValidUnicodeIsRefusedRatherThanAltered()
    {
        var response = await PostAsync("""{"query": "query($q: String) { searchExperts(query: $q) { totalCount } }", "variables": {"q": "lean\ud800"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        AssertRefused(response, "BAD_REQUEST", "not valid Unicode");
    }

    [Fact]
    public async Task AStoreThatThrowsMakesTheServiceNotReadyButStillAlive()
    {
        using var client = factory.CreateClient();
        factory.Calls.FailingMethod = "IsReachableAsync";
        try
        {
            using var ready = await client.GetAsync("/readyz");
            using var alive = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("store unreachable", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
        finally
        {
            factory.Calls.FailingMethod = null;
        }
    }

    [Fact]
    public async Task ErrorsAreMaskedInProduction()
    {
        factory.Calls.FailingMethod = "ListIntegratedCareSystemsAsync";
        try
        {
            var (status, body) = await PostQueryAsync("{ integratedCareSystems { totalCount } }");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("INTERNAL_SERVER_ERROR", body.ErrorCode());
            Assert.DoesNotContain("hunter2", body.ToJsonString(), StringComparison.Ordinal);
            Assert.Null(body["errors"]![0]!["extensions"]!["details"]);
        }
        finally
        {
            factory.Calls.FailingMethod = null;
        }
    }
}
