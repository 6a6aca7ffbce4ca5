using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Other callers' read models trail a write by up to a second. Someone erased in that second must drop out of
/// similar experts and team proposals, as they already do from search, instead of failing the whole answer with
/// a null where a person must be.
/// </summary>
public sealed class StaleSnapshotTests : IDisposable
{
    private static readonly Viewer Admin = Viewers.Admin;
    private readonly ApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task SomeoneErasedSinceTheSnapshotDropsOutOfSimilarExpertsAndTeams()
    {
        var (subject, similar) = await PublicPersonWithPublicSimilarExpertAsync();
        var gone = similar[0];
        var skills = (await factory.QueryAsync(
            "query($id: ID!) { person(id: $id) { skills { skill { id } } } }", new { id = gone }))["data"]!["person"]!["skills"].Arr()
            .Select(s => s!["skill"]!["id"].Str()).Take(3).ToArray();
        var teamBefore = await TeamAsync(skills);
        var token = await factory.SignInAsync((await factory.Store.GetPeopleAsync([GlobalId.Parse(gone, "Person", "id")], Admin, CancellationToken.None)).Values.Single());
        factory.Calls.FrozenChangeSequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);

        var deleted = await factory.QueryAsync("mutation { deleteMyProfile }", token: token);
        var similarAfter = await factory.QueryAsync(SimilarQuery, new { id = subject });
        var teamAfter = await factory.QueryAsync(TeamQuery, new { skills });

        Assert.True(deleted["data"]!["deleteMyProfile"]!.GetValue<bool>());
        Assert.Contains(gone, teamBefore);
        Assert.Null(similarAfter["errors"]);
        Assert.Null(teamAfter["errors"]);
        var similarIds = similarAfter["data"]!["similarExperts"].Arr().Select(m => m!["node"]!["id"].Str()).ToList();
        Assert.DoesNotContain(gone, similarIds);
        Assert.Equal(similar.Skip(1), similarIds);
        var team = teamAfter["data"]!["assembleTeam"]!;
        Assert.DoesNotContain(gone, team["members"].Arr().Select(m => m!["person"]!["id"].Str()));
        // What only the erased member covered is reported uncovered, with the reason, not silently lost.
        var covered = team["members"].Arr().SelectMany(m => m!["covers"].Arr()).Select(s => s!["id"].Str()).ToHashSet();
        var uncovered = team["uncovered"].Arr().Select(u => u!["skill"]!["id"].Str()).ToHashSet();
        Assert.All(skills, skill => Assert.True(covered.Contains(skill) || uncovered.Contains(skill), $"{skill} is neither covered nor reported uncovered."));
    }

    private const string SimilarQuery = "query($id: ID!) { similarExperts(personId: $id, first: 5) { node { id displayName } } }";
    private const string TeamQuery = "query($skills: [ID!]!) { assembleTeam(skillIds: $skills, size: 5) { members { person { id displayName } covers { id } } uncovered { skill { id } reason } } }";

    private async Task<List<string>> TeamAsync(string[] skills) =>
        [.. (await factory.QueryAsync(TeamQuery, new { skills }))["data"]!["assembleTeam"]!["members"].Arr().Select(m => m!["person"]!["id"].Str())];

    /// <summary>A public person whose most similar expert is public too and leads an (anonymous) team for their own skills.</summary>
    private async Task<(string Subject, List<string> Similar)> PublicPersonWithPublicSimilarExpertAsync()
    {
        var people = (await factory.Store.ListPeopleAsync(Admin, new PageRequest(0, 400), CancellationToken.None)).Items
            .Where(p => p.Visibility == Visibility.Public).ToList();
        foreach (var person in people)
        {
            var id = GlobalId.Encode("Person", person.Id);
            var similar = (await factory.QueryAsync(SimilarQuery, new { id }))["data"]!["similarExperts"].Arr()
                .Select(m => m!["node"]!["id"].Str()).ToList();
            if (similar.Count < 2)
            {
                continue;
            }

            var skills = (await factory.QueryAsync("query($id: ID!) { person(id: $id) { skills { skill { id } } } }", new { id = similar[0] }))["data"]!["person"]!["skills"].Arr()
                .Select(s => s!["skill"]!["id"].Str()).Take(3).ToArray();
            if ((await TeamAsync(skills)).Contains(similar[0]))
            {
                return (id, similar);
            }
        }

        throw new InvalidOperationException("The demo network has no public person with a public similar expert who makes a team.");
    }
}
