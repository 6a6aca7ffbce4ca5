using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Property-based fuzzing of the production profile: malformed documents, wrongly typed and oddly shaped variables
/// at every mutation, and strange Unicode. Never a 5xx, never an internal error or its details, never a partial write.
/// </summary>
public sealed class FuzzTests(SharedProductionApi api) : IClassFixture<SharedProductionApi>
{
    private readonly ApiFactory factory = api.Factory;
    private readonly Lazy<Task<Caller>> admin = new(() => SignInAdminAsync(api.Factory));

    private sealed record Caller(string Token, IReadOnlyList<string> Ids);

    private static async Task<Caller> SignInAdminAsync(ApiFactory factory)
    {
        var all = Viewers.Everyone;
        var people = await factory.Store.ListPeopleAsync(all, new PageRequest(0, 2), CancellationToken.None);
        var token = await factory.SignInAsync(people.Items[0], Roles.Admin);
        var projects = await factory.Store.ListProjectsAsync(new ProjectFilter([], [], []), new PageRequest(0, 1), CancellationToken.None);
        var skills = await factory.Store.GetAllSkillsAsync(CancellationToken.None);
        var organisations = await factory.Store.ListOrganisationsAsync(new OrganisationFilter([], [], null), new PageRequest(0, 1), CancellationToken.None);
        return new Caller(token,
        [
            GlobalId.Encode("Person", people.Items[1].Id), GlobalId.Encode("Project", projects.Items[0].Id),
            GlobalId.Encode("Skill", skills[0].Id), GlobalId.Encode("Organisation", organisations.Items[0].Id), FuzzInputs.UnknownPersonId,
            // Well-formed ids of nothing, so input also gets past parsing into the store and is refused there.
            GlobalId.Encode("Skill", Guid.Empty), GlobalId.Encode("Project", Guid.Empty), GlobalId.Encode("Organisation", Guid.Empty), GlobalId.Encode("Invitation", Guid.Empty),
        ]);
    }

    /// <summary>Runs the async check off xunit's synchronisation context, for FsCheck's synchronous properties.</summary>
    private static bool Check(Func<Task> check)
    {
        Task.Run(check).GetAwaiter().GetResult();
        return true;
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string json, string? token = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A refusal or an answer, never a fault: no 5xx, a JSON body, no internal error, no exception text.</summary>
    private static JsonObject AssertClean(HttpStatusCode status, string body)
    {
        Assert.True((int)status < 500, $"status {(int)status}: {body}");
        var json = JsonNode.Parse(body)!.AsObject();
        foreach (var error in json["errors"]?.AsArray() ?? [])
        {
            Assert.NotEqual("INTERNAL_SERVER_ERROR", error!["extensions"]?["code"]?.GetValue<string>());
            Assert.Null(error["extensions"]?["details"]);
            Assert.DoesNotContain("Exception", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        return json;
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(FuzzInputs)])]
    public bool MalformedDocumentsAreRefusedCleanly(FuzzDocument document) => Check(async () =>
    {
        var (status, body) = await PostAsync(JsonSerializer.Serialize(new { query = document.Text }));

        var json = AssertClean(status, body);
        Assert.True(json["errors"] is not null || json["data"] is not null);
    });

    [Property(MaxTest = 100, Arbitrary = [typeof(FuzzInputs)])]
    public bool BrokenRequestBodiesAreRefusedCleanly(FuzzDocument document, OddText text) => Check(async () =>
    {
        // Raw text where JSON should be, and JSON whose strings end in escapes System.Text.Json will not unescape.
        var (status, body) = await PostAsync(document.Text + text.Text);
        AssertClean(status, body);

        var escaped = JsonSerializer.Serialize(text.Text)[..^1] + "\\ud800\"";
        (status, body) = await PostAsync("{\"query\": " + escaped + ", \"variables\": {\"v\": " + escaped + "}}");
        AssertClean(status, body);
    });

    [Property(MaxTest = 300)]
    public bool EveryMutationRefusesBadInputWithoutWriting(int seed) => Check(async () =>
    {
        var caller = await admin.Value;
        var random = new Random(seed);
        var schema = factory.Services.GetRequiredService<ExpertiseSchema>();
        schema.Initialize();
        var mutations = schema.Mutation!.Fields.Where(f => f.Arguments?.Count > 0).ToList();
        var mutation = mutations[random.Next(mutations.Count)];
        var arguments = mutation.Arguments!.ToList();
        var declarations = string.Join(", ", arguments.Select(a => $"${a.Name}: {a.ResolvedType}"));
        var selection = mutation.ResolvedType!.GetNamedType() is IComplexGraphType ? " { __typename }" : "";
        var query = $"mutation({declarations}) {{ {mutation.Name}({string.Join(", ", arguments.Select(a => $"{a.Name}: ${a.Name}"))}){selection} }}";
        var variables = new JsonObject(arguments.Select(a => KeyValuePair.Create(a.Name, FuzzInputs.ValueFor(a.ResolvedType!, random, caller.Ids))));
        var before = await StoreFingerprintAsync();

        var (status, body) = await PostAsync(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), caller.Token);

        var json = AssertClean(status, body);
        if (json["errors"] is not null)
        {
            // Not only the change sequence: invitations, the outbox and the audit trail are written without moving it.
            Assert.Equal(before, await StoreFingerprintAsync());
        }
    });

    /// <summary>
    /// What a write would move: the change sequence, and the row count of every table of the store's file (read through a
    /// connection of its own), so a refused mutation that wrote anything at all, counted or not by the feed, shows.
    /// </summary>
    private async Task<string> StoreFingerprintAsync()
    {
        var sequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new StringBuilder().Append(sequence);
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts.Append(' ').Append(table).Append('=').Append(await count.ExecuteScalarAsync());
        }

        return counts.ToString();
    }

    [Property(MaxTest = 120, Arbitrary = [typeof(FuzzInputs)])]
    public bool OddTextIsStoredExactlyOrRefusedWithoutAWrite(OddText text) => Check(async () =>
    {
        var caller = await admin.Value;
        var before = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);
        var request = new JsonObject
        {
            ["query"] = "mutation($t: String) { updateMyProfile(input: { headline: $t }) { headline } }",
            ["variables"] = new JsonObject { ["t"] = text.Text },
        };

        var (status, body) = await PostAsync(request.ToJsonString(), caller.Token);

        var json = AssertClean(status, body);
        if (json["errors"] is null)
        {
            // Profile text is trimmed, and a blank headline clears it; nothing else may change. Compared escaped, to show what differs.
            var expected = string.IsNullOrWhiteSpace(text.Text) ? null : text.Text.Trim();
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(json["data"]!["updateMyProfile"]!["headline"]?.GetValue<string>()));
        }
        else
        {
            Assert.Equal(before, await factory.Store.GetChangeSequenceAsync(CancellationToken.None));
        }
    });
}
