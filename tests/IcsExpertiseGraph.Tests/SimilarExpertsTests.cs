using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// similarExperts as a person looking for peers meets it, over skills nobody in the small demo network holds, so the
/// people here are the only candidates: the same profile scores 1 (its skills 0.8, its domains 0.2), a profile that
/// shares less, or adds what the person does not hold, scores less, equal scores go to the better evidenced holding,
/// and someone with no skills has no peers.
/// </summary>
public sealed class SimilarExpertsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private const string Similar = """
        query($id: ID!) { similarExperts(personId: $id, first: 20) {
            score node { displayName } matchedSkills { skill { id } level } explanation { signal detail contribution } } }
        """;

    [Fact]
    public async Task PeersAreRankedByHowCloselyTheirSkillsAndDomainsMatchAndEqualScoresByEvidence()
    {
        var (world, similar) = await SimilarToAsync("Tara Target");
        var names = similar.Select(s => s!["node"]!["displayName"].Str()).ToList();
        var score = similar.ToDictionary(s => s!["node"]!["displayName"].Str(), s => s!["score"]!.GetValue<double>());

        // Dan holds only the skill Tara lacks, and Zed nothing: neither shares a skill with her.
        Assert.Equal(["Eve Evidenced", "Ida Identical", "Nia Unevidenced", "Olly One", "Pia Pair", "Sam Sidestep"], names.Order());
        Assert.Equal("Ida Identical", names[0]);
        Assert.Equal(1.0, score["Ida Identical"]);
        Assert.InRange(score["Olly One"], 0.2001, 0.9999);
        Assert.True(score["Olly One"] > score["Sam Sidestep"], "Holding a skill the person lacks, in another domain, makes a profile less similar.");
        Assert.True(score["Sam Sidestep"] > 0);
        Assert.Equal(score["Eve Evidenced"], score["Nia Unevidenced"]);
        Assert.Equal(names.IndexOf("Eve Evidenced") + 1, names.IndexOf("Nia Unevidenced"));
        Assert.Equal(similar.Select(s => s!["score"]!.GetValue<double>()).OrderDescending(), similar.Select(s => s!["score"]!.GetValue<double>()));

        var ida = similar[0]!;
        Assert.Equal(
            [
                ("SHARED_SKILLS", $"Shares 2 skills: {world.FirstName} (COACH), {world.SecondName} (PRACTITIONER)", 0.8),
                ("SHARED_DOMAINS", $"Works in the same quality domains: {world.Domain}", 0.2),
            ],
            ida["explanation"].Arr().Select(r => (r!["signal"].Str(), r["detail"].Str(), r["contribution"]!.GetValue<double>())));
        Assert.Equal([(world.First, "COACH"), (world.Second, "PRACTITIONER")], ida["matchedSkills"].Arr().Select(m => (m!["skill"]!["id"].Str(), m["level"].Str())));

        var sam = similar.Single(s => s!["node"]!["displayName"].Str() == "Sam Sidestep")!;
        Assert.Equal([(world.First, "COACH")], sam["matchedSkills"].Arr().Select(m => (m!["skill"]!["id"].Str(), m["level"].Str())));
        Assert.Equal(sam["score"]!.GetValue<double>(), sam["explanation"].Arr().Sum(r => r!["contribution"]!.GetValue<double>()), 6);
        Assert.All(sam["explanation"].Arr(), r => Assert.InRange(r!["contribution"]!.GetValue<double>(), 0.0001, r["signal"].Str() == "SHARED_SKILLS" ? 0.7999 : 0.1999));
    }

    [Fact]
    public async Task APeerSharingTwoQualityDomainsIsToldBothApart()
    {
        const string Lead = "Works in the same quality domains: ";
        var (world, similar) = await SimilarToAsync("Sam Sidestep");

        var pia = similar.Single(s => s!["node"]!["displayName"].Str() == "Pia Pair")!;
        var detail = pia["explanation"].Arr().Single(r => r!["signal"].Str() == "SHARED_DOMAINS")!["detail"].Str();
        Assert.StartsWith(Lead, detail, StringComparison.Ordinal);
        Assert.Equal(new[] { world.Domain, world.OtherDomain }.Order(StringComparer.Ordinal), detail[Lead.Length..].Split(", ").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AmongEqualPeersAVerifiedHoldingThenBetterEvidenceThenAnEndorsedOneComeFirst()
    {
        var (_, similar) = await SimilarToAsync("Dan Domain");

        // The four hold Dan's one skill at his level, so all score 1; their evidence: Vic training and verified (1.4),
        // Pam a project (0.7), Ann training and one endorsement (0.525), Ben training alone (0.4).
        Assert.Equal(
            ["Vic Verified", "Pam Project", "Ann Endorsed", "Ben Bare"],
            similar.Where(s => s!["score"]!.GetValue<double>() == 1.0).Select(s => s!["node"]!["displayName"].Str()));
    }

    [Fact]
    public async Task SomeoneWithNoSkillsHasNoPeers()
    {
        var (_, similar) = await SimilarToAsync("Zed Zero");

        Assert.Empty(similar);
    }

    [Fact]
    public async Task PeersOfSomeoneWhoIsNotThereAreNotFoundAndTheAnswerSaysSo()
    {
        using var factory = new ApiFactory { DemoPeople = 20 };

        var response = await factory.QueryAsync(Similar, new { id = GlobalId.Encode("Person", Guid.NewGuid()) });

        var error = Assert.Single(response["errors"].Arr())!;
        Assert.Equal("There is no person with that id that you may see.", error["message"].Str());
        Assert.Equal("NOT_FOUND", error["extensions"]!["code"].Str());
    }

    /// <summary>The world below in a fresh API, and similarExperts for one of its people (which must not fail).</summary>
    private static async Task<(World World, JsonArray Similar)> SimilarToAsync(string name)
    {
        using var factory = new ApiFactory { DemoPeople = 20 };
        var world = await BuildAsync(factory);
        var response = await factory.QueryAsync(Similar, new { id = world.People[name] });
        Assert.Null(response["errors"]);
        return (world, response["data"]!["similarExperts"].Arr());
    }

    private sealed record World(IReadOnlyDictionary<string, string> People, string First, string FirstName, string Second, string SecondName, string Domain, string OtherDomain);

    /// <summary>
    /// Two skills of one quality domain and one of another, none held by anyone in the demo network: Tara is a coach
    /// in the first and a practitioner in the second; Ida the same; Olly a coach in the first only; Sam a coach in the
    /// first and in the other domain's skill, and Pia the same as Sam; Eve and Nia practitioners in the second, Eve with a publication behind
    /// it and Nia with training; Dan a coach in the other domain's skill only, and so are Vic (training, verified), Pam (a
    /// project), Ann (training, endorsed once, by Dan) and Ben (training); Zed holds nothing.
    /// </summary>
    private static async Task<World> BuildAsync(ApiFactory factory)
    {
        var store = factory.Store;
        var taxonomy = await store.GetAllSkillsAsync(Ct);
        var unheld = new List<Skill>();
        foreach (var skill in taxonomy)
        {
            var holders = await factory.QueryAsync("query($s: ID!) { searchExperts(filter: { skillIds: [$s] }) { totalCount } }", new { s = GlobalId.Encode("Skill", skill.Id) });
            if (holders["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() == 0)
            {
                unheld.Add(skill);
            }
        }

        var pair = unheld.GroupBy(s => s.Domain).First(g => g.Count() >= 2).Take(2).ToList();
        var other = unheld.First(s => s.Domain != pair[0].Domain);
        var (first, second) = (pair[0], pair[1]);

        string[] names = ["Tara Target", "Ida Identical", "Olly One", "Sam Sidestep", "Pia Pair", "Eve Evidenced", "Nia Unevidenced", "Dan Domain", "Vic Verified", "Pam Project", "Ann Endorsed", "Ben Bare", "Zed Zero"];
        await store.ImportPeopleAsync([.. names.Select(n => new PersonImport($"{n.Split(' ')[0].ToLowerInvariant()}@similar.test", n, null, null, Visibility.Public, null, "Analyst"))], null, Now, Ct);
        var ids = (await store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 1000), Ct)).Items.Where(p => names.Contains(p.DisplayName)).ToDictionary(p => p.DisplayName, p => p.Id);

        async Task Hold(string name, Skill skill, SkillLevel level, SkillEvidence evidence = SkillEvidence.Project) =>
            await store.SetSkillAsync(ids[name], new SkillClaim(skill.Id, level, evidence, 3), ids[name], Now, Ct);

        await Hold("Tara Target", first, SkillLevel.Coach);
        await Hold("Tara Target", second, SkillLevel.Practitioner);
        await Hold("Ida Identical", first, SkillLevel.Coach);
        await Hold("Ida Identical", second, SkillLevel.Practitioner);
        await Hold("Olly One", first, SkillLevel.Coach);
        await Hold("Sam Sidestep", first, SkillLevel.Coach);
        await Hold("Sam Sidestep", other, SkillLevel.Coach);
        await Hold("Pia Pair", first, SkillLevel.Coach);
        await Hold("Pia Pair", other, SkillLevel.Coach);
        await Hold("Eve Evidenced", second, SkillLevel.Practitioner, SkillEvidence.Publication);
        await Hold("Nia Unevidenced", second, SkillLevel.Practitioner, SkillEvidence.Training);
        await Hold("Dan Domain", other, SkillLevel.Coach);
        await Hold("Vic Verified", other, SkillLevel.Coach, SkillEvidence.Training);
        await Hold("Pam Project", other, SkillLevel.Coach);
        await Hold("Ann Endorsed", other, SkillLevel.Coach, SkillEvidence.Training);
        await Hold("Ben Bare", other, SkillLevel.Coach, SkillEvidence.Training);
        await store.VerifySkillAsync(ids["Vic Verified"], other.Id, null, Now, Ct);
        await store.EndorseSkillAsync(ids["Dan Domain"], ids["Ann Endorsed"], other.Id, Now, Ct);
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);

        return new World(
            ids.ToDictionary(p => p.Key, p => GlobalId.Encode("Person", p.Value)),
            GlobalId.Encode("Skill", first.Id), first.Name, GlobalId.Encode("Skill", second.Id), second.Name, EnumText.Name(first.Domain), EnumText.Name(other.Domain));
    }
}
