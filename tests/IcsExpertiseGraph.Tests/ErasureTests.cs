using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQL;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Erasure is final for the sign-in that asked for it (issue 17): its old tokens are refused, whatever they ask, and
/// signing in again gives no profile until the person explicitly starts one, PRIVATE. In the production profile.
/// </summary>
public sealed class ErasureTests : IDisposable
{
    private static readonly Viewer Admin = new(null, true, true);
    private static readonly Viewer Member = new(null, true, false);

    private readonly ApiFactory factory = ApiFactory.Production(demoPeople: 60);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TokensIssuedBeforeAnErasureAreRefusedWhateverTheyAsk()
    {
        var (person, token) = await ErasedAsync();
        var sequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);

        foreach (var query in new[] { "{ me { id } }", "{ integratedCareSystems { totalCount } }", "mutation { createMyProfile { id } }", "mutation { updateMyProfile(input: { headline: \"Back\" }) { id } }" })
        {
            var (status, body, challenge) = await PostAsync(query, token);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal(ErrorCodes.Unauthenticated, body.ErrorCode());
            Assert.Contains("profile of this sign-in was deleted", body["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
            Assert.Contains("invalid_token", challenge, StringComparison.Ordinal);
        }

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var export = await client.GetAsync(new Uri("/exports/collaboration?format=json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
        Assert.Contains(ErrorCodes.Unauthenticated, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(sequence, await factory.Store.GetChangeSequenceAsync(CancellationToken.None));
        Assert.Null(await factory.Store.FindPersonIdByExternalIdAsync(ExternalId(person), CancellationToken.None));
    }

    [Fact]
    public async Task SigningInAgainAfterAnErasureGivesNoProfileUntilCreateMyProfileStartsAPrivateOne()
    {
        var (person, oldToken) = await ErasedAsync();
        // An admin imports someone with the erased person's email: a sign-in that was erased is not linked to it by email.
        await factory.Store.ImportPeopleAsync([new PersonImport(person.Email!, "Imported Again", null, null, Visibility.Network, null, null)], null, DateTimeOffset.UtcNow, CancellationToken.None);
        var token = NewToken(person);
        var sequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);

        var me = await factory.QueryAsync("{ me { id } }", token: token);
        var write = await factory.QueryAsync("mutation { confirmMyProfile { id } }", token: token);

        Assert.Equal(("NOT_FOUND", "me"), (me.ErrorCode(), me.ErrorField()));
        Assert.Contains("deleted", me["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
        Assert.Contains("createMyProfile", me["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
        Assert.Equal("NOT_FOUND", write.ErrorCode());
        Assert.Equal(sequence, await factory.Store.GetChangeSequenceAsync(CancellationToken.None));
        Assert.Null(await factory.Store.FindPersonIdByExternalIdAsync(ExternalId(person), CancellationToken.None));

        var created = await factory.QueryAsync("mutation { createMyProfile { id visibility email displayName } }", token: token);
        Assert.True(created["errors"] is null, created.ToJsonString());
        var profile = created["data"]!["createMyProfile"]!;
        var id = GlobalId.Parse(profile["id"].Str(), "Person", "id");
        Assert.NotEqual(person.Id, id);
        Assert.Equal("PRIVATE", profile["visibility"].Str());
        Assert.Null(profile["email"]); // the address belongs to the imported profile now
        Assert.Empty(await factory.Store.GetPeopleAsync([id], Member, CancellationToken.None));
        Assert.Equal(profile["id"].Str(), (await factory.QueryAsync("{ me { id } }", token: token))["data"]!["me"]!["id"].Str());
        var (oldStatus, _, _) = await PostAsync("{ me { id } }", oldToken);
        Assert.Equal(HttpStatusCode.Unauthorized, oldStatus);
    }

    [Fact]
    public async Task TheStoreKeepsOnlyAHashOfTheErasedSignInAndWhen()
    {
        var (person, _) = await ErasedAsync();

        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM erased_identity";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(["identity_hash", "erased_at"], Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        Assert.Equal(ErasedSignIn.HashOf(ExternalId(person)), reader.GetString(0));
        var row = reader.GetString(0) + reader.GetString(1);
        Assert.DoesNotContain(person.Id.ToString("D"), row, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.Email!, row, StringComparison.OrdinalIgnoreCase);
        Assert.False(await reader.ReadAsync());
    }

    /// <summary>A seeded person signed in (linked by their verified email), who then deletes their profile.</summary>
    private async Task<(Person Person, string Token)> ErasedAsync()
    {
        var person = (await factory.Store.ListPeopleAsync(Admin, new PageRequest(0, 100), CancellationToken.None)).Items.First(p => p.Email is not null);
        var token = await factory.SignInAsync(person);
        var deleted = await factory.QueryAsync("mutation { deleteMyProfile }", token: token);
        Assert.True(deleted["data"]!["deleteMyProfile"]!.GetValue<bool>(), deleted.ToJsonString());
        return (person, token);
    }

    private static string ExternalId(Person person) => person.ExternalId ?? "local:" + person.Id.ToString("D");

    /// <summary>Signing in again: a token issued after the erasure (token times are whole seconds, so a little later).</summary>
    private string NewToken(Person person) =>
        factory.Services.GetRequiredService<LocalIssuer>().Issue(ExternalId(person), person.Email, person.DisplayName, [], DateTimeOffset.UtcNow.AddSeconds(2));

    private async Task<(HttpStatusCode Status, JsonObject Body, string Challenge)> PostAsync(string query, string token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), string.Join(' ', response.Headers.WwwAuthenticate));
    }
}
