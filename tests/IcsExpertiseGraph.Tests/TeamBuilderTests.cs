using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The team builder's promise to an ICS designer: nobody unavailable or only working for their own organisation is
/// proposed while someone available and open in scope covers the same skill as deeply; each member says at what
/// level they cover each skill, and through which narrower skill.
/// </summary>
public sealed class TeamBuilderTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly ProfileChanges NoChanges = new(default, default, default, default, default, default, default, default, default, default);

    private const string Team = """
        query($skills: [ID!]!, $ics: ID) { assembleTeam(skillIds: $skills, icsId: $ics, size: 5) {
            members { person { id displayName availability { status openToCrossOrganisation } skills { skill { id } level } }
                      covers { id } coverage { skill { id } heldSkill { id } throughNarrower level } } } }
        """;

    [Fact]
    public async Task SomeoneUnavailableAndOwnOrganisationOnlyIsNeverPickedOverAvailableOpenPeopleWhoCoverTheSameSkillsAsDeeply()
    {
        // The reproduction: one person holds both skills asked for but is not available and works only for their own
        // organisation; two available, open people hold one each at the same level (one through a narrower skill).
        // Holding two skills used to outweigh availability, so the unavailable person came first.
        using var factory = new ApiFactory { DemoPeople = 20 };
        var world = await BuildAsync(factory);

        var response = await factory.QueryAsync(Team, new { skills = new[] { world.First, world.Second }, ics = world.Ics });

        Assert.Null(response["errors"]);
        var members = response["data"]!["assembleTeam"]!["members"].Arr();
        Assert.Equal(["Avery Available", "Noor Narrower"], members.Select(m => m!["person"]!["displayName"].Str()).Order());
        var avery = members.Single(m => m!["person"]!["displayName"].Str() == "Avery Available")!["coverage"].Arr().Single()!;
        Assert.Equal((world.First, world.First, false, "COACH"), (avery["skill"]!["id"].Str(), avery["heldSkill"]!["id"].Str(), avery["throughNarrower"]!.GetValue<bool>(), avery["level"].Str()));
        var noor = members.Single(m => m!["person"]!["displayName"].Str() == "Noor Narrower")!["coverage"].Arr().Single()!;
        Assert.Equal((world.Second, world.NarrowerThanSecond, true, "COACH"), (noor["skill"]!["id"].Str(), noor["heldSkill"]!["id"].Str(), noor["throughNarrower"]!.GetValue<bool>(), noor["level"].Str()));
    }

    [Fact]
    public async Task SomeoneUnavailableIsProposedOnlyForASkillNobodyAvailableHoldsAsDeeply()
    {
        using var factory = new ApiFactory { DemoPeople = 20 };
        var world = await BuildAsync(factory);

        var response = await factory.QueryAsync(Team, new { skills = new[] { world.First, world.Second, world.Third }, ics = world.Ics });

        Assert.Null(response["errors"]);
        var members = response["data"]!["assembleTeam"]!["members"].Arr();
        Assert.Equal(["Avery Available", "Noor Narrower", "Una Unavailable"], members.Select(m => m!["person"]!["displayName"].Str()).Order());
        var una = members.Single(m => m!["person"]!["displayName"].Str() == "Una Unavailable")!;
        Assert.Equal([world.Third], una["covers"].Arr().Select(s => s!["id"].Str()));
        Assert.Equal("COACH", Assert.Single(una["coverage"].Arr())!["level"].Str());
    }

    [Theory]
    [InlineData(0, "Statistical process control", "Systems thinking")]
    [InlineData(0, "Lean", "Process mapping", "Human factors")]
    [InlineData(0, "Model for Improvement", "PDSA cycles", "Driver diagrams", "Run charts")]
    [InlineData(3, "Statistical process control", "Systems thinking")]
    [InlineData(3, "Lean", "Process mapping", "Human factors")]
    [InlineData(3, "Model for Improvement", "Experience-based co-design")]
    public async Task AcrossTheDemoNetworkARestrictedMemberIsAlwaysTheDeepestCoverInScope(int systems, params string[] skillNames)
    {
        var factory = api.Factory;
        var skills = await SkillIdsAsync(factory, skillNames);
        List<string?> scopes = systems == 0 ? [null] : [.. (await IcsIdsAsync(factory)).Take(systems)];

        foreach (var ics in scopes)
        {
            var response = await factory.QueryAsync(Team, new { skills, ics });
            Assert.Null(response["errors"]);
            foreach (var member in response["data"]!["assembleTeam"]!["members"].Arr())
            {
                var person = member!["person"]!;
                var held = person["skills"].Arr().ToDictionary(s => s!["skill"]!["id"].Str(), s => s!["level"].Str());
                foreach (var cover in member["coverage"].Arr())
                {
                    Assert.Equal(held[cover!["heldSkill"]!["id"].Str()], cover["level"].Str());
                    if (person["availability"]!["status"].Str() != "NOT_AVAILABLE" && person["availability"]!["openToCrossOrganisation"]!.GetValue<bool>())
                    {
                        continue;
                    }

                    var rivals = await factory.QueryAsync("""
                        query($skill: ID!, $ics: [ID!], $level: SkillLevel) { searchExperts(first: 1,
                            filter: { skillIds: [$skill], icsIds: $ics, minLevel: $level, availableOnly: true, openToCrossOrganisation: true }) { totalCount } }
                        """, new { skill = cover["skill"]!["id"].Str(), ics = ics is null ? null : new[] { ics }, level = cover["level"].Str() });
                    Assert.True(rivals["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() == 0,
                        $"{person["displayName"]} ({person["availability"]!.ToJsonString()}) was proposed for {cover["skill"]!["id"]} at {cover["level"]} in scope {ics ?? "everywhere"}, where someone available and open covers it as deeply.");
                }
            }
        }
    }

    [Fact]
    public async Task ASkillTheTeamLacksIsExplainedAsCrowdedOutByTheSizeOrAsHeldByNobodyTheCallerMaySee()
    {
        // Avery (available, open) is a coach in the first skill and is picked; Una and Pat hold the third, which a
        // team of one has no room for; nobody anywhere holds the unheld skill at practitioner level or deeper.
        using var factory = new ApiFactory { DemoPeople = 20 };
        var world = await BuildAsync(factory);
        var taxonomy = (await factory.Store.GetAllSkillsAsync(Ct)).ToDictionary(s => GlobalId.Encode("Skill", s.Id), s => s.Name);
        string? unheld = null;
        foreach (var skill in taxonomy.Keys)
        {
            var holders = await factory.QueryAsync("query($s: ID!) { searchExperts(filter: { skillIds: [$s], minLevel: PRACTITIONER }) { totalCount } }", new { s = skill });
            if (holders["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() == 0)
            {
                unheld = skill;
                break;
            }
        }

        Assert.NotNull(unheld);
        const string Small = """
            query($skills: [ID!]!, $ics: ID) { assembleTeam(skillIds: $skills, icsId: $ics, size: 1, crossOrganisation: false) {
                members { person { displayName } } uncovered { skill { id } reason } } }
            """;

        var inIcs = (await factory.QueryAsync(Small, new { skills = new[] { world.First, world.Third, unheld }, ics = world.Ics }))["data"]!["assembleTeam"]!;
        var everywhere = (await factory.QueryAsync(Small, new { skills = new[] { unheld } }))["data"]!["assembleTeam"]!;

        Assert.Equal("Avery Available", Assert.Single(inIcs["members"].Arr())!["person"]!["displayName"].Str());
        Assert.Equal(
            [
                (world.Third, $"The team reached its size of 1 before anyone holding {taxonomy[world.Third]} could join; ask for a larger team."),
                (unheld, $"Nobody you may see in this ICS holds {taxonomy[unheld]} (or a narrower skill) at practitioner level or deeper."),
            ],
            inIcs["uncovered"].Arr().Select(u => (u!["skill"]!["id"].Str(), u["reason"].Str())));
        Assert.Empty(everywhere["members"].Arr());
        Assert.Equal(
            $"Nobody you may see holds {taxonomy[unheld]} (or a narrower skill) at practitioner level or deeper.",
            Assert.Single(everywhere["uncovered"].Arr())!["reason"].Str());
    }

    [Fact]
    public async Task AskedToSpanOrganisationsAFullTeamFromOneOrganisationGivesUpTheMemberItNeedsLeastForSomeoneFromAnother()
    {
        // Avery (first organisation) is a coach in the first skill and a practitioner in the third; Una (the same
        // organisation, restricted) adds only depth in the third; Pat (the second organisation) is a practitioner in the
        // third. A team of two is Avery and Una; asked to span organisations, Una, whose loss costs least, makes way for Pat.
        using var factory = new ApiFactory { DemoPeople = 20 };
        var world = await BuildAsync(factory);
        var avery = (await factory.Store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 1000), Ct)).Items.Single(p => p.DisplayName == "Avery Available").Id;
        await factory.Store.SetSkillAsync(avery, new SkillClaim(GlobalId.Parse(world.Third, "Skill", "skillId"), SkillLevel.Practitioner, SkillEvidence.Project, 3), avery, Now, Ct);
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);
        const string Pair = """
            query($skills: [ID!]!, $ics: ID, $cross: Boolean) { assembleTeam(skillIds: $skills, icsId: $ics, size: 2, crossOrganisation: $cross) {
                organisationCount members { person { displayName } } } }
            """;

        async Task<(int Organisations, string[] Names)> TeamAsync(bool cross)
        {
            var team = (await factory.QueryAsync(Pair, new { skills = new[] { world.First, world.Third }, ics = world.Ics, cross }))["data"]!["assembleTeam"]!;
            return (team["organisationCount"]!.GetValue<int>(), [.. team["members"].Arr().Select(m => m!["person"]!["displayName"].Str()).Order()]);
        }

        var (organisations, names) = await TeamAsync(cross: false);
        Assert.Equal(1, organisations);
        Assert.Equal(["Avery Available", "Una Unavailable"], names);
        (organisations, names) = await TeamAsync(cross: true);
        Assert.Equal(2, organisations);
        Assert.Equal(["Avery Available", "Pat Practitioner"], names);
    }

    private sealed record World(string Ics, string First, string Second, string NarrowerThanSecond, string Third);

    /// <summary>
    /// An ICS nobody in the small demo network works in, with three people in two new organisations: Una (not
    /// available, own organisation only) is a coach in the first, second and third skill; Avery (available, open) a
    /// coach in the first; Noor (available, open) a coach in a skill narrower than the second; Pat (available, open)
    /// a practitioner in the third.
    /// </summary>
    private static async Task<World> BuildAsync(ApiFactory factory)
    {
        var store = factory.Store;
        var taxonomy = await store.GetAllSkillsAsync(Ct);
        var narrower = taxonomy.First(s => s.BroaderId is not null);
        var second = taxonomy.Single(s => s.Id == narrower.BroaderId);
        var unrelated = taxonomy.Where(s => s.BroaderId is null && s.Id != second.Id && taxonomy.All(n => n.BroaderId != s.Id)).Take(2).ToList();
        var (first, third) = (unrelated[0], unrelated[1]);

        var icsId = Guid.Empty;
        foreach (var ics in (await store.ListIntegratedCareSystemsAsync(new PageRequest(0, 100), Ct)).Items)
        {
            var there = await factory.QueryAsync("query($ics: ID!) { searchExperts(filter: { icsIds: [$ics] }) { totalCount } }",
                new { ics = GlobalId.Encode("IntegratedCareSystem", ics.Id) });
            if (there["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() == 0)
            {
                icsId = ics.Id;
                break;
            }
        }

        Assert.NotEqual(Guid.Empty, icsId);
        await store.UpsertOrganisationAsync(new OrganisationDraft(null, "ZZT01", "Team Test Trust", OrganisationType.AcuteTrust, icsId), null, Now, Ct);
        await store.UpsertOrganisationAsync(new OrganisationDraft(null, "ZZT02", "Team Test Council", OrganisationType.LocalAuthority, icsId), null, Now, Ct);
        await store.ImportPeopleAsync(
        [
            new PersonImport("una@team.test", "Una Unavailable", null, null, Visibility.Public, "ZZT01", "Improvement lead"),
            new PersonImport("avery@team.test", "Avery Available", null, null, Visibility.Public, "ZZT01", "Improvement advisor"),
            new PersonImport("noor@team.test", "Noor Narrower", null, null, Visibility.Public, "ZZT02", "Analyst"),
            new PersonImport("pat@team.test", "Pat Practitioner", null, null, Visibility.Public, "ZZT02", "Analyst"),
        ], null, Now, Ct);
        var people = (await store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 1000), Ct)).Items.ToDictionary(p => p.DisplayName, p => p.Id);

        async Task Set(string name, bool available, bool open, params (Guid Skill, SkillLevel Level)[] holdings)
        {
            var id = people[name];
            await store.UpdateProfileAsync(id, NoChanges with
            {
                AvailabilityStatus = Change.To(available ? AvailabilityStatus.Open : AvailabilityStatus.NotAvailable),
                OpenToCrossOrganisation = Change.To(open),
            }, null, id, Now, Ct);
            foreach (var (skill, level) in holdings)
            {
                await store.SetSkillAsync(id, new SkillClaim(skill, level, SkillEvidence.Project, 3), id, Now, Ct);
            }
        }

        await Set("Una Unavailable", false, false, (first.Id, SkillLevel.Coach), (second.Id, SkillLevel.Coach), (third.Id, SkillLevel.Coach));
        await Set("Avery Available", true, true, (first.Id, SkillLevel.Coach));
        await Set("Noor Narrower", true, true, (narrower.Id, SkillLevel.Coach));
        await Set("Pat Practitioner", true, true, (third.Id, SkillLevel.Practitioner));
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);

        static string Skill(Skill s) => GlobalId.Encode("Skill", s.Id);
        return new World(GlobalId.Encode("IntegratedCareSystem", icsId), Skill(first), Skill(second), Skill(narrower), Skill(third));
    }

    private static async Task<string[]> SkillIdsAsync(ApiFactory factory, string[] names)
    {
        var ids = new List<string>();
        foreach (var name in names)
        {
            var found = await factory.QueryAsync("query($q: String) { skills(query: $q, first: 50) { nodes { id name } } }", new { q = name });
            ids.Add(found["data"]!["skills"]!["nodes"].Arr().Single(n => n!["name"].Str() == name)!["id"].Str());
        }

        return [.. ids];
    }

    private static async Task<IReadOnlyList<string>> IcsIdsAsync(ApiFactory factory) =>
        [.. (await factory.QueryAsync("{ integratedCareSystems(first: 100) { nodes { id } } }"))["data"]!["integratedCareSystems"]!["nodes"].Arr().Select(n => n!["id"].Str())];
}
