using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>
/// A small client of Neo4j's Query API (<c>POST /db/{database}/query/v2</c>, Neo4j 5.26+ and 2025.x): implicit
/// transactions for single statements, explicit ones (<c>/query/v2/tx</c>, opened by their first statement, echoing
/// <c>neo4j-cluster-affinity</c> so every request of a transaction reaches the same server) for work that must be
/// atomic. Transient failures are retried with doubling backoff; for explicit transactions the whole unit of work is
/// retried from the start, except when the commit itself went unanswered: then the outcome is unknown and retrying
/// could apply the write twice, so that is reported instead. Statements are passed in whole, with parameters: they
/// come from .cypher files, never from string building.
/// </summary>
public sealed class Neo4jQueryClient(HttpClient http, Neo4jOptions options)
{
    public const string AffinityHeader = "neo4j-cluster-affinity";

    /// <summary>The code reported when a commit was sent but its answer never came: it may or may not have happened.</summary>
    public const string CommitOutcomeUnknown = "Neo.ClientError.Transaction.CommitOutcomeUnknown";

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    /// <summary>One statement in its own (implicit) transaction; <paramref name="timeout"/> overrides the per-request timeout (long waits, large reads).</summary>
    public Task<Neo4jResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        WithRetriesAsync(async () =>
        {
            using var response = await SendAsync(HttpMethod.Post, QueryPath(), Body(statement, parameters), null, timeout, cancellationToken);
            return (await ReadAsync(response, cancellationToken)).Result;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction: committed if it returns, rolled back if it throws.
    /// <paramref name="timeout"/> overrides the per-request timeout for every request of it (imports, large reads).
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<Neo4jTransaction, Task<T>> work, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WithRetriesAsync(async () =>
        {
            var tx = new Neo4jTransaction(this, QueryPath() + "/tx", timeout);
            T result;
            try
            {
                result = await work(tx);
            }
            catch
            {
                await tx.RollbackQuietlyAsync();
                throw;
            }

            if (tx.IsOpen)
            {
                await CommitAsync(tx, cancellationToken);
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>Opens the transaction with its first statement (one round trip), or runs a statement in it once open.</summary>
    internal async Task<Neo4jResult> RunInAsync(Neo4jTransaction transaction, string statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, transaction.Path, Body(statement, parameters), transaction.Affinity, transaction.Timeout, cancellationToken);
        var (result, document) = await ReadAsync(response, cancellationToken);
        using (document)
        {
            if (!transaction.IsOpen)
            {
                var id = document.RootElement.TryGetProperty("transaction", out var opened) && opened.TryGetProperty("id", out var value)
                    ? value.GetString()!
                    : throw new Neo4jException("Client.Protocol", "Opening a transaction returned no transaction id.");
                transaction.Opened(transaction.Path + "/" + Uri.EscapeDataString(id), response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null);
            }
        }

        return result;
    }

    internal async Task RollbackAsync(Neo4jTransaction transaction)
    {
        using var response = await SendAsync(HttpMethod.Delete, transaction.Path, null, transaction.Affinity, null, CancellationToken.None);
    }

    /// <summary>A commit whose answer never came may have happened: it is reported as such, never retried.</summary>
    private async Task CommitAsync(Neo4jTransaction tx, CancellationToken cancellationToken)
    {
        try
        {
            // An empty JSON body: the commit carries no statement of its own.
            using var committed = await SendAsync(HttpMethod.Post, tx.Path + "/commit", "", tx.Affinity, tx.Timeout, cancellationToken);
            (await ReadAsync(committed, cancellationToken)).Document.Dispose();
        }
        catch (Exception e) when (e is HttpRequestException || (e is Neo4jException { Code: TimedOut }))
        {
            throw new Neo4jException(CommitOutcomeUnknown, $"The commit was sent but not answered ({e.Message}); it may or may not have been applied.");
        }
    }

    private string QueryPath() => "/db/" + Uri.EscapeDataString(options.Database) + "/query/v2";

    private static string? Body(string statement, IReadOnlyDictionary<string, object?>? parameters) =>
        JsonSerializer.Serialize(new { statement, parameters = parameters ?? new Dictionary<string, object?>() });

    private const string TimedOut = "Neo.TransientError.Client.Timeout";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? affinity, TimeSpan? timeout, CancellationToken cancellationToken)
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

        var limit = timeout ?? options.RequestTimeout;
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        expiry.CancelAfter(limit);
        try
        {
            return await http.SendAsync(request, expiry.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Neo4jException(TimedOut, $"No answer from {options.Uri} within {limit.TotalSeconds:0} s.");
        }
    }

    private static async Task<(Neo4jResult Result, JsonDocument Document)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized)
        {
            throw new Neo4jUnavailableException($"Neo4j refused the credentials in Storage:Neo4j:User/Password ({(int)response.StatusCode}).");
        }

        if (response.StatusCode is HttpStatusCode.Forbidden)
        {
            throw new Neo4jUnavailableException($"Neo4j accepted the credentials but refused access to Storage:Neo4j:Database ({(int)response.StatusCode}).");
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

