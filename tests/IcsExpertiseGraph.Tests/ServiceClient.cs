using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IcsExpertiseGraph.Tests;

/// <summary>GraphQL over HTTP to a service running as its own process (crash tests, several instances on one store).</summary>
public sealed class ServiceClient : IDisposable
{
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => client.Dispose();

    /// <summary>Posts a query to the service at <paramref name="service"/>, as the bearer of <paramref name="token"/> when given; a non-2xx answer throws.</summary>
    public async Task<JsonObject> PostAsync(Uri service, string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service, "/graphql"))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
