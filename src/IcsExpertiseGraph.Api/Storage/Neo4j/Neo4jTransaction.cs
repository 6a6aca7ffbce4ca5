using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>An explicit transaction: opened by its first statement, then run in until the client commits or rolls it back.</summary>
public sealed class Neo4jTransaction
{
    private readonly Neo4jQueryClient client;

    internal Neo4jTransaction(Neo4jQueryClient client, string path, TimeSpan? timeout)
    {
        this.client = client;
        Path = path;
        Timeout = timeout;
    }

    /// <summary>Where its next request goes: /tx until it is open, then /tx/{id}.</summary>
    internal string Path { get; private set; }

    internal string? Affinity { get; private set; }

    internal TimeSpan? Timeout { get; }

    internal bool IsOpen { get; private set; }

    public Task<Neo4jResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        client.RunInAsync(this, statement, parameters, cancellationToken);

    internal void Opened(string path, string? affinity)
    {
        Path = path;
        Affinity = affinity;
        IsOpen = true;
    }

    internal async Task RollbackQuietlyAsync()
    {
        if (!IsOpen)
        {
            return;
        }

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
