using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Storage.Neo4j;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// PROTOCOL TESTS of the Neo4j Query API client against an in-process fake of the server: they check the request
/// shape, the auth header, the database path, the transaction flow, retries and the mapping of Neo4j's error
/// codes. They are not evidence that any Cypher behaves: that needs a real Neo4j (the contract suite, NEO4J_URI).
/// </summary>
public sealed class Neo4jProtocolTests
{
    private sealed class FakeQueryApi(Func<HttpRequestMessage, string?, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<(HttpMethod Method, string Path, string? Authorization, string? Affinity, JsonNode? Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues(Neo4jQueryClient.AffinityHeader, out var affinity) ? affinity.Single() : null,
                string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body)));
            return answer(request, body);
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json, string? affinity = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (affinity is not null)
        {
            response.Headers.Add(Neo4jQueryClient.AffinityHeader, affinity);
        }

        return response;
    }

    private static (Neo4jQueryClient Client, FakeQueryApi Server) Connect(Func<HttpRequestMessage, string?, HttpResponseMessage> answer, string database = "neo4j")
    {
        var server = new FakeQueryApi(answer);
        var options = new Neo4jOptions { Uri = new Uri("http://neo4j.test:7474"), Database = database, User = "neo4j", Password = "s3cret", FirstRetryDelay = TimeSpan.FromMilliseconds(1) };
        return (new Neo4jQueryClient(new HttpClient(server), options), server);
    }

    [Fact]
    public async Task AStatementIsPostedWithItsParametersBasicAuthAndTheDatabasePath()
    {
        var (client, server) = Connect((_, _) => Json(HttpStatusCode.Accepted, """{"data":{"fields":["name","level"],"values":[["Ada",3],["Grace",4]]},"bookmarks":["FB:x"]}"""), database: "expertise db");

        var result = await client.RunAsync("MATCH (p:Person {id: $id}) RETURN p.displayName AS name", new Dictionary<string, object?> { ["id"] = "p-1" }, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/db/expertise%20db/query/v2", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:s3cret")), request.Authorization);
        Assert.Equal("MATCH (p:Person {id: $id}) RETURN p.displayName AS name", request.Body!["statement"]!.GetValue<string>());
        Assert.Equal("p-1", request.Body!["parameters"]!["id"]!.GetValue<string>());
        Assert.Equal(["name", "level"], result.Fields);
        Assert.Equal(4, result.Rows[1][1].GetInt32());
    }

    [Fact]
    public async Task AnExplicitTransactionOpensWithItsFirstStatementEchoesAffinityAndCommitsWithAnEmptyJsonBody()
    {
        var (client, server) = Connect((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/db/neo4j/query/v2/tx" => Json(HttpStatusCode.Accepted, """{"data":{"fields":["n"],"values":[[1]]},"transaction":{"id":"lyU","expires":"2026-11-26T10:00:00Z"}}""", affinity: "MTAuOC41Ljc6MTc0NzQ="),
            "/db/neo4j/query/v2/tx/lyU" => Json(HttpStatusCode.Accepted, """{"data":{"fields":["n"],"values":[[1]]},"transaction":{"id":"lyU"}}"""),
            "/db/neo4j/query/v2/tx/lyU/commit" => Json(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"bookmarks":["FB:y"]}"""),
            _ => Json(HttpStatusCode.NotFound, "{}"),
        });

        var total = await client.InTransactionAsync(async tx =>
        {
            var first = await tx.RunAsync("RETURN 1 AS n", null, CancellationToken.None);
            var second = await tx.RunAsync("RETURN 1 AS n", null, CancellationToken.None);
            return first.Rows[0][0].GetInt32() + second.Rows[0][0].GetInt32();
        }, CancellationToken.None);

        Assert.Equal(2, total);
        Assert.Equal(["/db/neo4j/query/v2/tx", "/db/neo4j/query/v2/tx/lyU", "/db/neo4j/query/v2/tx/lyU/commit"], server.Requests.Select(r => r.Path));
        Assert.Equal("RETURN 1 AS n", server.Requests[0].Body!["statement"]!.GetValue<string>());
        Assert.All(server.Requests.Skip(1), r => Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", r.Affinity));
        Assert.Null(server.Requests[^1].Body); // no statement: an empty body, typed as JSON
    }

    [Fact]
    public async Task ACommitThatIsNeverAnsweredIsReportedAsUnknownAndNeverRetried()
    {
        var (client, server) = Connect((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/db/neo4j/query/v2/tx" => Json(HttpStatusCode.Accepted, """{"data":{"fields":["n"],"values":[[1]]},"transaction":{"id":"c1"}}"""),
            "/db/neo4j/query/v2/tx/c1/commit" => throw new HttpRequestException("Connection reset by peer"),
            _ => Json(HttpStatusCode.Accepted, "{}"),
        });

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.InTransactionAsync(tx => tx.RunAsync("CREATE (:Project) RETURN 1 AS n", null, CancellationToken.None), CancellationToken.None));

        Assert.Equal(Neo4jQueryClient.CommitOutcomeUnknown, error.Code);
        Assert.Equal(1, server.Requests.Count(r => r.Path == "/db/neo4j/query/v2/tx"));
        Assert.DoesNotContain(server.Requests, r => r.Method == HttpMethod.Delete);
    }

    [Fact]
    public async Task AFailureInsideATransactionRollsItBackAndCommitsNothing()
    {
        var (client, server) = Connect((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/db/neo4j/query/v2/tx" => Json(HttpStatusCode.Accepted, """{"data":{"fields":["n"],"values":[[1]]},"transaction":{"id":"t1"}}"""),
            _ when request.Method == HttpMethod.Delete => Json(HttpStatusCode.Accepted, "{}"),
            _ => Json(HttpStatusCode.BadRequest, """{"errors":[{"code":"Neo.ClientError.Schema.ConstraintValidationFailed","message":"already exists with label `Person` and property `email`"}]}"""),
        });

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.InTransactionAsync(async tx =>
        {
            await tx.RunAsync("MATCH (c:ChangeSequence {id: 1}) SET c.value = c.value + 1 RETURN 1 AS n", null, CancellationToken.None);
            return await tx.RunAsync("CREATE (:Person {email: $email})", null, CancellationToken.None);
        }, CancellationToken.None));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
        Assert.False(error.IsTransient);
        Assert.Contains(server.Requests, r => r.Method == HttpMethod.Delete && r.Path == "/db/neo4j/query/v2/tx/t1");
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Equal(2, server.Requests.Count(r => r.Method == HttpMethod.Post));
    }

    [Fact]
    public async Task TransientErrorsAreRetriedAndClientErrorsAreNot()
    {
        var calls = 0;
        var (client, server) = Connect((_, _) => ++calls < 3
            ? Json(HttpStatusCode.BadRequest, """{"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"deadlock"}]}""")
            : Json(HttpStatusCode.Accepted, """{"data":{"fields":["ok"],"values":[[true]]}}"""));

        var result = await client.RunAsync("RETURN true AS ok", null, CancellationToken.None);

        Assert.True(result.Rows[0][0].GetBoolean());
        Assert.Equal(3, server.Requests.Count);

        var (strict, strictServer) = Connect((_, _) => Json(HttpStatusCode.BadRequest, """{"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input"}]}"""));
        var syntax = await Assert.ThrowsAsync<Neo4jException>(() => strict.RunAsync("RETURN", null, CancellationToken.None));
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", syntax.Code);
        Assert.Single(strictServer.Requests);
    }

    [Fact]
    public async Task RefusedCredentialsAndUnreachableServersAreOneClearError()
    {
        var (client, _) = Connect((_, _) => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var refused = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => client.RunAsync("RETURN 1", null, CancellationToken.None));
        Assert.Contains("credentials", refused.Message, StringComparison.Ordinal);

        var (down, server) = Connect((_, _) => throw new HttpRequestException("Connection refused"));
        var unreachable = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => down.RunAsync("RETURN 1", null, CancellationToken.None));
        Assert.Contains("cannot be reached", unreachable.Message, StringComparison.Ordinal);
        Assert.Equal(5, server.Requests.Count); // the first try and four retries
    }
}

/// <summary>Every Cypher statement lives in a .cypher file with parameters; none is built from C# strings.</summary>
public sealed class CypherHygieneTests
{
    private static readonly System.Text.RegularExpressions.Regex CypherInAString = new(
        "\"[^\"\\n]*\\b(MATCH|MERGE|UNWIND|OPTIONAL MATCH|DETACH DELETE|CREATE \\(|RETURN [a-z])",
        System.Text.RegularExpressions.RegexOptions.Compiled);

    [Fact]
    public void NoCSharpInTheNeo4jAdapterBuildsCypher()
    {
        var folder = Path.Combine(SchemaContractTests.RepositoryRoot(), "src", "IcsExpertiseGraph.Api", "Storage", "Neo4j");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        var offenders = files.SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => CypherInAString.IsMatch(l.Text) || l.Text.Contains("$\"MATCH", StringComparison.Ordinal)
                || (l.Text.Contains("RunAsync(", StringComparison.Ordinal) && l.Text.Contains(" + ", StringComparison.Ordinal) && l.File != "Neo4jQueryClient.cs"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Cypher belongs in .cypher files:\n" + string.Join('\n', offenders));
    }
}
