using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace IcsExpertiseGraph.Tests;

/// <summary>GraphQL over HTTP as the specification describes it: methods, media types and status codes.</summary>
public sealed class TransportTests(SharedApi api) : IClassFixture<SharedApi>
{
    private readonly ApiFactory factory = api.Factory;

    private static StringContent JsonBody(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    private HttpClient PreflightClient()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("GraphQL-Require-Preflight", "1");
        return client;
    }

    [Theory]
    [InlineData("/healthz", "alive")]
    [InlineData("/readyz", "ready")]
    public async Task LivenessAndReadinessAnswerOnceTheStoreIsMigrated(string path, string body)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task QueriesCanBeSentWithGetAndThePreflightHeader()
    {
        using var client = PreflightClient();

        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ integratedCareSystems { totalCount } }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(42, body["data"]!["integratedCareSystems"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task AMutationSentWithGetIsRefusedWith405()
    {
        using var client = PreflightClient();

        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { confirmMyProfile { id } }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "query=%7B__typename%7D")]
    [InlineData("text/plain", "{\"query\":\"{ __typename }\"}")]
    [InlineData("multipart/form-data; boundary=x", "--x--")]
    public async Task OnlyJsonBodiesAreAccepted(string contentType, string body)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"variables\": {}}")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [1]}")]
    [InlineData("{\"query\": \"{ __typename }\", \"operationName\": 7}")]
    public async Task MalformedRequestsAre400(string body)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/graphql", JsonBody(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("BAD_REQUEST", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task InvalidDocumentsAre400OnlyForTheGraphQLResponseMediaType(string accept, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonBody("{\"query\": \"{ people { nope } }\"}") };
        request.Headers.Accept.Add(Json.Accept(accept));

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AnUnacceptableMediaTypeIs406()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonBody("{\"query\": \"{ __typename }\"}") };
        request.Headers.Accept.Add(Json.Accept("text/html"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task OperationNameSelectsWhichOperationRuns()
    {
        using var client = factory.CreateClient();
        const string body = """{"query": "query A { integratedCareSystems { totalCount } } query B { __typename }", "operationName": "B"}""";

        using var response = await client.PostAsync("/graphql", JsonBody(body));

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Query", json["data"]!["__typename"]!.GetValue<string>());
        Assert.Null(json["data"]!["integratedCareSystems"]);
    }
}
