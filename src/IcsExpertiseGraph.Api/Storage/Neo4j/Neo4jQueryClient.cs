using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The rows of one statement: field names, and one array of values per row.</summary>
public sealed record Neo4jResult(IReadOnlyList<string> Fields, IReadOnlyList<JsonElement[]> Rows);

/// <summary>An error Neo4j reported, with its status code (e.g. Neo.ClientError.Schema.ConstraintValidationFailed).</summary>
public sealed class Neo4jException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;

    /// <summary>Neo4j says retrying the same work may succeed (deadlocks, leader switches, memory pressure).</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);
}

/// <summary>Neo4j could not be reached or refused our credentials: an operator's problem, reported in one clear line.</summary>
public sealed class Neo4jUnavailableException(string message, Exception? inner = null) : StoreUnavailableException(message, inner);

/// <summary>
/// A small client of Neo4j's Query API (<c>POST /db/{database}/query/v2</c>, Neo4j 5.25+ and 2025.x): implicit
/// transactions for single statements, explicit ones (<c>/query/v2/tx</c>, echoing <c>neo4j-cluster-affinity</c> so
/// every request of a transaction reaches the same server) for work that must be atomic. Transient failures are
/// retried with doubling backoff; for explicit transactions the whole unit of work is retried from the start.
/// Statements are passed in whole, with parameters: they come from .cypher files, never from string building.
/// </summary>
public sealed class Neo4jQueryClient(HttpClient http, Neo4jOptions options)
{
    public const string AffinityHeader = "neo4j-cluster-affinity";
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    /// <summary>One statement in its own (implicit) transaction.</summary>
    public Task<Neo4jResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        WithRetriesAsync(async () =>
        {
            using var response = await SendAsync(HttpMethod.Post, QueryPath(), Body(statement, parameters), null, cancellationToken);
            return (await ReadAsync(response, cancellationToken)).Result;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one explicit transaction: committed if it returns, rolled back if it throws.</summary>
    public Task<T> InTransactionAsync<T>(Func<Neo4jTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WithRetriesAsync(async () =>
        {
            using var opened = await SendAsync(HttpMethod.Post, QueryPath() + "/tx", null, null, cancellationToken);
            var (_, document) = await ReadAsync(opened, cancellationToken);
            using (document)
            {
                var id = document.RootElement.TryGetProperty("transaction", out var transaction) && transaction.TryGetProperty("id", out var value)
                    ? value.GetString()!
                    : throw new Neo4jException("Client.Protocol", "Opening a transaction returned no transaction id.");
                var affinity = opened.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
                var tx = new Neo4jTransaction(this, QueryPath() + "/tx/" + Uri.EscapeDataString(id), affinity);
                try
                {
                    var result = await work(tx);
                    using var committed = await SendAsync(HttpMethod.Post, tx.Path + "/commit", null, affinity, cancellationToken);
                    (await ReadAsync(committed, cancellationToken)).Document.Dispose();
                    return result;
                }
                catch
                {
                    await tx.RollbackQuietlyAsync();
                    throw;
                }
            }
        }, cancellationToken);
    }

    internal async Task<Neo4jResult> RunInAsync(Neo4jTransaction transaction, string statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, transaction.Path, Body(statement, parameters), transaction.Affinity, cancellationToken);
        var (result, document) = await ReadAsync(response, cancellationToken);
        document.Dispose();
        return result;
    }

    internal async Task RollbackAsync(Neo4jTransaction transaction)
    {
        using var response = await SendAsync(HttpMethod.Delete, transaction.Path, null, transaction.Affinity, CancellationToken.None);
    }

    private string QueryPath() => "/db/" + Uri.EscapeDataString(options.Database) + "/query/v2";

    private static string? Body(string statement, IReadOnlyDictionary<string, object?>? parameters) =>
        JsonSerializer.Serialize(new { statement, parameters = parameters ?? new Dictionary<string, object?>() });

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? affinity, CancellationToken cancellationToken)
    {
        if (options.Uri is null)
        {
            throw new Neo4jUnavailableException("Storage:Neo4j:Uri is not set.");
        }

        using var request = new HttpRequestMessage(method, new Uri(options.Uri, path));
        request.Headers.Accept.Add(Json);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            return await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Neo4jException("Neo.TransientError.Client.Timeout", $"No answer from {options.Uri} within {options.RequestTimeout.TotalSeconds:0} s.");
        }
    }

    private static async Task<(Neo4jResult Result, JsonDocument Document)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new Neo4jUnavailableException($"Neo4j refused the credentials in Storage:Neo4j:User/Password ({(int)response.StatusCode}).");
        }

        if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
        {
            throw new Neo4jException("Neo.TransientError.General.DatabaseUnavailable", $"Neo4j answered {(int)response.StatusCode}.");
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        }
        catch (JsonException e)
        {
            throw new Neo4jException("Client.Protocol", $"Neo4j answered {(int)response.StatusCode} with a body that is not JSON: {e.Message}");
        }

        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            var code = first.TryGetProperty("code", out var c) ? c.GetString() ?? "Neo.Unknown" : "Neo.Unknown";
            var message = first.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            document.Dispose();
            throw new Neo4jException(code, message);
        }

        if (!response.IsSuccessStatusCode)
        {
            document.Dispose();
            throw new Neo4jException("Client.Protocol", $"Neo4j answered {(int)response.StatusCode} without an error body.");
        }

        if (!root.TryGetProperty("data", out var data))
        {
            return (new Neo4jResult([], []), document);
        }

        var fields = data.TryGetProperty("fields", out var f) ? f.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var rows = data.TryGetProperty("values", out var v)
            ? v.EnumerateArray().Select(row => row.EnumerateArray().Select(value => value.Clone()).ToArray()).ToList()
            : [];
        return (new Neo4jResult(fields, rows), document);
    }

    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        var delay = options.FirstRetryDelay;
        for (var tries = 0; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (Neo4jException e) when (e.IsTransient && tries < options.MaxRetries)
            {
            }
            catch (HttpRequestException e) when (tries < options.MaxRetries && e.StatusCode is null)
            {
                // A reset or refused connection: the request may not have reached Neo4j; the unit of work is retried whole.
            }
            catch (HttpRequestException e) when (e.StatusCode is null)
            {
                throw new Neo4jUnavailableException($"Neo4j at {options.Uri} cannot be reached: {e.Message}", e);
            }

            await Task.Delay(delay, cancellationToken);
            delay *= 2;
        }
    }
}

/// <summary>An open explicit transaction: statements run in it until the client commits or rolls it back.</summary>
public sealed class Neo4jTransaction
{
    private readonly Neo4jQueryClient client;

    internal Neo4jTransaction(Neo4jQueryClient client, string path, string? affinity)
    {
        this.client = client;
        Path = path;
        Affinity = affinity;
    }

    internal string Path { get; }

    internal string? Affinity { get; }

    public Task<Neo4jResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        client.RunInAsync(this, statement, parameters, cancellationToken);

    internal async Task RollbackQuietlyAsync()
    {
        try
        {
            await client.RollbackAsync(this);
        }
        catch (Exception e) when (e is HttpRequestException or Neo4jException or Neo4jUnavailableException or TaskCanceledException)
        {
            // The server rolls back an abandoned transaction when it times out; the original failure matters more.
        }
    }
}
