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

    [Fact]
    public async Task AmongEquallyGoodCandidatesTheBetterEvidencedThenTheLowestIdIsProposedWhereverTheyStandInTheSearch()
    {
        // Everyone here is available, open and in one organisation. Pia, the first to join, is a practitioner in the one
        // skill asked for and adds less than the three coaches after her, who would each add exactly as much to a team
        // of one. Eve's holding is backed by a publication, the other coaches' by training: she is proposed, neither
        // the first nor the last of the three to join. Among people equal in evidence too, the one with the lowest id is
        // proposed, the same one every time; three are picked for that so that the lowest id falls between the other
        // two in the order they joined.
        using var factory = new ApiFactory { DemoPeople = 20 };
        string[] names = ["Pia Partly", "Ed Early", "Eve Evidenced", "Eli Late", "Pam Project", "Sam Summed", "Pub Published", "Vic Verified", .. Enumerable.Range(1, 10).Select(i => $"Ida Equal {i}")];
        var crew = await CrewAsync(factory, skillCount: 5, names);
        await crew.SetAsync(factory, "Pia Partly", AvailabilityStatus.Open, open: true, (0, SkillLevel.Practitioner, SkillEvidence.Publication));
        await crew.SetAsync(factory, "Ed Early", AvailabilityStatus.Open, open: true, (0, SkillLevel.Coach, SkillEvidence.Training));
        await crew.SetAsync(factory, "Eve Evidenced", AvailabilityStatus.Open, open: true, (0, SkillLevel.Coach, SkillEvidence.Publication));
        await crew.SetAsync(factory, "Eli Late", AvailabilityStatus.Open, open: true, (0, SkillLevel.Coach, SkillEvidence.Training));
        var alike = names[8..];
        var (before, lowest, after) = (from i in Enumerable.Range(0, alike.Length)
                                       from j in Enumerable.Range(i + 1, alike.Length - i - 1)
                                       from k in Enumerable.Range(j + 1, alike.Length - j - 1)
                                       where crew.Id(alike[j]).CompareTo(crew.Id(alike[i])) < 0 && crew.Id(alike[j]).CompareTo(crew.Id(alike[k])) < 0
                                       select (alike[i], alike[j], alike[k])).First();
        foreach (var name in new[] { before, lowest, after })
        {
            await crew.SetAsync(factory, name, AvailabilityStatus.Open, open: true, (1, SkillLevel.Coach, SkillEvidence.Training));
        }

        // A person's evidence is that of all their holdings, the skills asked for or not, and a verified holding counts
        // one more: Sam's two holdings backed by training outweigh Pam's one backed by a project; Vic's verified holding
        // backed by training outweighs Pub's publication.
        await crew.SetAsync(factory, "Sam Summed", AvailabilityStatus.Open, open: true, (2, SkillLevel.Coach, SkillEvidence.Training), (3, SkillLevel.Practitioner, SkillEvidence.Training));
        await crew.SetAsync(factory, "Pam Project", AvailabilityStatus.Open, open: true, (2, SkillLevel.Coach, SkillEvidence.Project));
        await crew.SetAsync(factory, "Pub Published", AvailabilityStatus.Open, open: true, (4, SkillLevel.Coach, SkillEvidence.Publication));
        await crew.SetAsync(factory, "Vic Verified", AvailabilityStatus.Open, open: true, (4, SkillLevel.Coach, SkillEvidence.Training));
        await factory.Store.VerifySkillAsync(crew.Id("Vic Verified"), crew.Skills[4], null, Now, Ct);
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);

        Assert.Equal(["Eve Evidenced"], (await crew.TeamAsync(factory, [0], size: 1, cross: false)).Members);
        Assert.Equal([lowest], (await crew.TeamAsync(factory, [1], size: 1, cross: false)).Members);
        Assert.Equal(["Sam Summed"], (await crew.TeamAsync(factory, [2], size: 1, cross: false)).Members);
        Assert.Equal(["Vic Verified"], (await crew.TeamAsync(factory, [4], size: 1, cross: false)).Members);
    }

    [Fact]
    public async Task AskedToSpanOrganisationsATeamWithRoomTakesSomeoneFromAnotherOrganisationButNobodyItMayNotPropose()
    {
        // Hal (the first organisation) and Oz (the second) are coaches in the first skill; Hal's publication puts him
        // first, and Oz adds nothing to him, but a team with room takes Oz to span two organisations: the two of them,
        // each once (Hal's id is above Oz's, so a team that swapped its least needed member for Oz would hold Oz
        // twice). Hana (the first organisation) is a coach in the second skill; Rex (the second, not available) only a
        // practitioner in it, so he may not be proposed at all, not even to span organisations. Nia has no employer.
        using var factory = new ApiFactory { DemoPeople = 20 };
        // Ids are random: among four and four, no home id is above an away id once in 70 runs (seen in CI); among eight
        // and eight, once in 12,870.
        string[] home = [.. Enumerable.Range(1, 8).Select(i => $"Hal Home {i}")];
        string[] away = [.. Enumerable.Range(1, 8).Select(i => $"Oz Other {i}")];
        var crew = await CrewAsync(factory, skillCount: 3, [.. home, .. away, "Hana Home", "Rex Restricted", "Nia Nowhere"],
            name => name.StartsWith("Oz", StringComparison.Ordinal) || name == "Rex Restricted" ? 1 : name == "Nia Nowhere" ? -1 : 0);
        var (hal, oz) = (from h in home from o in away where crew.Id(h).CompareTo(crew.Id(o)) > 0 select (h, o)).First();
        await crew.SetAsync(factory, hal, AvailabilityStatus.Open, open: true, (0, SkillLevel.Coach, SkillEvidence.Publication));
        await crew.SetAsync(factory, oz, AvailabilityStatus.Open, open: true, (0, SkillLevel.Coach, SkillEvidence.Training));
        await crew.SetAsync(factory, "Hana Home", AvailabilityStatus.Open, open: true, (1, SkillLevel.Coach, SkillEvidence.Project));
        await crew.SetAsync(factory, "Rex Restricted", AvailabilityStatus.NotAvailable, open: true, (1, SkillLevel.Practitioner, SkillEvidence.Project));
        await crew.SetAsync(factory, "Nia Nowhere", AvailabilityStatus.Open, open: true, (2, SkillLevel.Coach, SkillEvidence.Project));
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);

        Assert.Equal([hal], (await crew.TeamAsync(factory, [0], size: 3, cross: false)).Members);
        Assert.Equal([hal, oz], (await crew.TeamAsync(factory, [0], size: 3, cross: true)).Members);
        Assert.Equal(["Hana Home"], (await crew.TeamAsync(factory, [1], size: 3, cross: true)).Members);
        Assert.Equal(["Nia Nowhere"], (await crew.TeamAsync(factory, [2], size: 2, cross: false, inIcs: false)).Members);
        Assert.Equal(["Nia Nowhere"], (await crew.TeamAsync(factory, [2], size: 2, cross: true, inIcs: false)).Members);
    }

    [Fact]
    public async Task AskedToSpanOrganisationsAFullTeamSwapsTheMemberItNeedsLeastForTheOutsiderCoveringMostThenOpenThenBestEvidencedThenLowestId()
    {
        // In the first organisation: Hal, an expert in the first skill and a coach in the second, then Hugh, a coach in
        // the third, fill a team of two (Hal's id is above Hugh's). Outside it, none adds enough to be picked: Ora and Oli,
        // practitioners in the first two skills backed by projects, cover the most (two practitioner holdings outweigh
        // Max's one expert holding backed by a publication); Rex, a coach in the first skill but not available, covers as
        // much as they do, and Tom, like Ora and Oli backed by training only, too. Spanning two organisations, Hugh, whose
        // loss costs the team least, makes way for whichever of Ora and Oli has the lower id.
        using var factory = new ApiFactory { DemoPeople = 20 };
        string[] home = [.. Enumerable.Range(1, 4).Select(i => $"Hal Home {i}")];
        string[] away = ["Ora Outside", "Oli Outside", "Max Maximum", "Rex Restricted", "Tom Training"];
        var crew = await CrewAsync(factory, skillCount: 3, [.. home, .. away], name => away.Contains(name) ? 1 : 0);
        var (hal, hugh) = (from h in home from g in home where crew.Id(h).CompareTo(crew.Id(g)) > 0 select (h, g)).First();
        await crew.SetAsync(factory, hal, AvailabilityStatus.Open, open: true, (0, SkillLevel.Expert, SkillEvidence.Project), (1, SkillLevel.Coach, SkillEvidence.Project));
        await crew.SetAsync(factory, hugh, AvailabilityStatus.Open, open: true, (2, SkillLevel.Coach, SkillEvidence.Project));
        foreach (var name in new[] { "Ora Outside", "Oli Outside" })
        {
            await crew.SetAsync(factory, name, AvailabilityStatus.Open, open: true, (0, SkillLevel.Practitioner, SkillEvidence.Project), (1, SkillLevel.Practitioner, SkillEvidence.Project));
        }

        await crew.SetAsync(factory, "Max Maximum", AvailabilityStatus.Open, open: true, (0, SkillLevel.Expert, SkillEvidence.Publication));
        await crew.SetAsync(factory, "Rex Restricted", AvailabilityStatus.NotAvailable, open: true, (0, SkillLevel.Coach, SkillEvidence.Publication));
        await crew.SetAsync(factory, "Tom Training", AvailabilityStatus.Open, open: true, (0, SkillLevel.Practitioner, SkillEvidence.Training), (1, SkillLevel.Practitioner, SkillEvidence.Training));
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);
        var outsider = crew.Id("Ora Outside").CompareTo(crew.Id("Oli Outside")) < 0 ? "Ora Outside" : "Oli Outside";

        Assert.Equal([hal, hugh], (await crew.TeamAsync(factory, [0, 1, 2], size: 2, cross: false)).Members);
        Assert.Equal([hal, outsider], (await crew.TeamAsync(factory, [0, 1, 2], size: 2, cross: true)).Members);
    }

    [Fact]
    public async Task AskedToSpanOrganisationsAFullTeamOfThreeLetsGoTheMemberWhoseSkillsTheOthersMostlyCover()
    {
        // In the first organisation: Cid, an expert in the first and third skills, comes first; then Bea, a coach in the
        // second (and a practitioner in the first); then Abe, a coach in the first (and a practitioner in the second).
        // Olive, elsewhere, is a practitioner in the third: she adds nothing to Cid, so she is never picked. Spanning two
        // organisations, someone makes way for her: Abe, whose loss costs the team least (only his coaching of the first
        // skill above Cid's expert level), not Bea (her coaching of the second) nor Cid (the only one in the third). Abe's
        // id is below Bea's: counting a loss with the others' weakest cover instead of their strongest, or counting what
        // the others cover beyond the member instead of what only the member brings, would tie Abe and Bea and let Bea go.
        using var factory = new ApiFactory { DemoPeople = 20 };
        string[] home = [.. Enumerable.Range(1, 3).Select(i => $"Home Member {i}")];
        var crew = await CrewAsync(factory, skillCount: 3, [.. home, "Olive Outside"], name => name == "Olive Outside" ? 1 : 0);
        var byId = home.OrderBy(crew.Id).ToArray();
        var (abe, bea, cid) = (byId[0], byId[1], byId[2]);
        await crew.SetAsync(factory, cid, AvailabilityStatus.Open, open: true, (0, SkillLevel.Expert, SkillEvidence.Project), (2, SkillLevel.Expert, SkillEvidence.Project));
        await crew.SetAsync(factory, bea, AvailabilityStatus.Open, open: true, (0, SkillLevel.Practitioner, SkillEvidence.Project), (1, SkillLevel.Coach, SkillEvidence.Project));
        await crew.SetAsync(factory, abe, AvailabilityStatus.Open, open: true, (0, SkillLevel.Coach, SkillEvidence.Project), (1, SkillLevel.Practitioner, SkillEvidence.Project));
        await crew.SetAsync(factory, "Olive Outside", AvailabilityStatus.Open, open: true, (2, SkillLevel.Practitioner, SkillEvidence.Project));
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);

        Assert.Equal([cid, bea, abe], (await crew.TeamAsync(factory, [0, 1, 2], size: 3, cross: false)).Members);
        Assert.Equal([cid, bea, "Olive Outside"], (await crew.TeamAsync(factory, [0, 1, 2], size: 3, cross: true)).Members);
    }

    [Fact]
    public async Task AskedToSpanOrganisationsAFullTeamWhoseMembersWouldEachBeMissedAlikeLetsGoTheOneWithTheHigherId()
    {
        // Two coaches from the first organisation, one in each skill, fill a team of two; Otto, elsewhere, a practitioner in
        // the first skill, is never picked. Spanning two organisations, one of them makes way for him: losing either costs a
        // whole skill, so the rule that keeps answers stable decides: the member with the higher id goes.
        using var factory = new ApiFactory { DemoPeople = 20 };
        string[] home = ["Dee First", "Eli Second"];
        var crew = await CrewAsync(factory, skillCount: 2, [.. home, "Otto Outside"], name => name == "Otto Outside" ? 1 : 0);
        await crew.SetAsync(factory, "Dee First", AvailabilityStatus.Open, open: true, (0, SkillLevel.Coach, SkillEvidence.Project));
        await crew.SetAsync(factory, "Eli Second", AvailabilityStatus.Open, open: true, (1, SkillLevel.Coach, SkillEvidence.Project));
        await crew.SetAsync(factory, "Otto Outside", AvailabilityStatus.Open, open: true, (0, SkillLevel.Practitioner, SkillEvidence.Project));
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);
        var (lower, higher) = crew.Id("Dee First").CompareTo(crew.Id("Eli Second")) < 0 ? ("Dee First", "Eli Second") : ("Eli Second", "Dee First");

        Assert.Equal([lower, higher], (await crew.TeamAsync(factory, [0, 1], size: 2, cross: false)).Members);
        Assert.Equal([lower, "Otto Outside"], (await crew.TeamAsync(factory, [0, 1], size: 2, cross: true)).Members);
    }

    [Fact]
    public async Task WhereCoverIsEqualOpennessAndThenANewOrganisationTipTheChoice()
    {
        // Noel works only for his own organisation; as the only coach in the first skill he may be proposed for it, but
        // Olga, a coach in the second skill and open to work elsewhere, adds as much cover and her openness puts her
        // first in a team of one (Noel's publication would win an exact tie). In the third and fourth skills, Fay (the
        // first organisation) comes first as a coach in the third and an expert in the fourth; Pip (hers) and Quin (the
        // second organisation), coaches in the fourth, would deepen it alike: asked to span organisations Quin joins her,
        // otherwise Pip, whose holding is better evidenced. Uma (the second organisation) holds more of the two skills
        // than Quin but adds nothing to Fay: she would come in only in place of Pip, had Pip been chosen.
        using var factory = new ApiFactory { DemoPeople = 20 };
        var crew = await CrewAsync(factory, skillCount: 4, ["Noel Notopen", "Olga Open", "Fay First", "Pip Publication", "Quin Elsewhere", "Uma Upper"],
            name => name is "Quin Elsewhere" or "Uma Upper" ? 1 : 0);
        await crew.SetAsync(factory, "Noel Notopen", AvailabilityStatus.Open, open: false, (0, SkillLevel.Coach, SkillEvidence.Publication));
        await crew.SetAsync(factory, "Olga Open", AvailabilityStatus.Open, open: true, (1, SkillLevel.Coach, SkillEvidence.Training));
        await crew.SetAsync(factory, "Fay First", AvailabilityStatus.Open, open: true, (2, SkillLevel.Coach, SkillEvidence.Project), (3, SkillLevel.Expert, SkillEvidence.Project));
        await crew.SetAsync(factory, "Pip Publication", AvailabilityStatus.Open, open: true, (3, SkillLevel.Coach, SkillEvidence.Publication));
        await crew.SetAsync(factory, "Quin Elsewhere", AvailabilityStatus.Open, open: true, (3, SkillLevel.Coach, SkillEvidence.Training));
        await crew.SetAsync(factory, "Uma Upper", AvailabilityStatus.Open, open: true, (2, SkillLevel.Practitioner, SkillEvidence.Training), (3, SkillLevel.Expert, SkillEvidence.Training));
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);

        Assert.Equal(["Olga Open"], (await crew.TeamAsync(factory, [0, 1], size: 1, cross: false)).Members);
        Assert.Equal(["Noel Notopen", "Olga Open"], (await crew.TeamAsync(factory, [0, 1], size: 2, cross: false)).Members.Order());
        Assert.Equal(["Fay First", "Quin Elsewhere"], (await crew.TeamAsync(factory, [2, 3], size: 2, cross: true)).Members);
        Assert.Equal(["Fay First", "Pip Publication"], (await crew.TeamAsync(factory, [2, 3], size: 2, cross: false)).Members);
    }

    [Fact]
    public async Task AtOneLevelAMemberCoversASkillWithTheSkillItselfBeforeANarrowerOneThenWithTheNarrowerSkillOfLowestId()
    {
        // Wes holds a broad skill and a narrower one whose id is below the broad skill's, both as a coach: he covers the
        // broad skill with itself. Nell, in another organisation, holds two narrower skills of it as a coach and covers it
        // with the one whose id is lower; she joins Wes (whose holdings are better evidenced) to span two organisations.
        // Both work in the crew's ICS, where nobody else holds these skills.
        using var factory = new ApiFactory { DemoPeople = 20 };
        var taxonomy = await factory.Store.GetAllSkillsAsync(Ct);
        var (broad, narrower) = (from b in taxonomy
                                 let children = taxonomy.Where(n => n.BroaderId == b.Id).Select(n => n.Id).Order().ToList()
                                 where children.Count >= 2 && children[0].CompareTo(b.Id) < 0
                                 select (b.Id, children)).First();
        var crew = await CrewAsync(factory, skillCount: 0, ["Wes Whole", "Nell Narrow"], name => name == "Nell Narrow" ? 1 : 0);
        foreach (var (name, skills, evidence) in new[] { ("Wes Whole", new[] { broad, narrower[0] }, SkillEvidence.Publication), ("Nell Narrow", narrower.ToArray(), SkillEvidence.Project) })
        {
            foreach (var skill in skills)
            {
                await factory.Store.SetSkillAsync(crew.Id(name), new SkillClaim(skill, SkillLevel.Coach, evidence, 3), crew.Id(name), Now, Ct);
            }
        }

        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);
        var response = await factory.QueryAsync("""
            query($skills: [ID!]!, $ics: ID) { assembleTeam(skillIds: $skills, icsId: $ics, size: 2, crossOrganisation: true) {
                members { person { displayName } coverage { heldSkill { id } level } } } }
            """, new { skills = new[] { GlobalId.Encode("Skill", broad) }, ics = crew.Ics });

        Assert.Null(response["errors"]);
        var held = response["data"]!["assembleTeam"]!["members"].Arr().ToDictionary(m => m!["person"]!["displayName"].Str(), m => Assert.Single(m!["coverage"].Arr())!["heldSkill"]!["id"].Str());
        Assert.Equal(["Wes Whole", "Nell Narrow"], held.Keys);
        Assert.Equal(GlobalId.Encode("Skill", broad), held["Wes Whole"]);
        Assert.Equal(GlobalId.Encode("Skill", narrower[0]), held["Nell Narrow"]);
    }

    private sealed record World(string Ics, string First, string Second, string NarrowerThanSecond, string Third);

    /// <summary>
    /// People imported into three new organisations of an ICS nobody in the small demo network works in (the
    /// organisation by a name's position: the first three names' organisations are given with them), and skills
    /// that have no narrower skill and are narrower than none, by position.
    /// </summary>
    private sealed record Crew(string Ics, Guid[] Skills, Dictionary<string, Guid> People)
    {
        public Guid Id(string name) => People[name];

        public async Task SetAsync(ApiFactory factory, string name, AvailabilityStatus availability, bool open, params (int Skill, SkillLevel Level, SkillEvidence Evidence)[] holdings)
        {
            var id = People[name];
            await factory.Store.UpdateProfileAsync(id, ProfileEdits.None with
            {
                AvailabilityStatus = Change.To(availability),
                OpenToCrossOrganisation = Change.To(open),
            }, null, id, Now, Ct);
            foreach (var (skill, level, evidence) in holdings)
            {
                await factory.Store.SetSkillAsync(id, new SkillClaim(Skills[skill], level, evidence, 3), id, Now, Ct);
            }
        }

        /// <summary>The proposed team's members (by name, in the order proposed) and the skills left uncovered with their reasons.</summary>
        public async Task<(string[] Members, (string Skill, string Reason)[] Uncovered)> TeamAsync(ApiFactory factory, int[] skills, int size, bool cross, bool inIcs = true)
        {
            var response = await factory.QueryAsync("""
                query($skills: [ID!]!, $ics: ID, $size: Int, $cross: Boolean) { assembleTeam(skillIds: $skills, icsId: $ics, size: $size, crossOrganisation: $cross) {
                    members { person { displayName } } uncovered { skill { id } reason } } }
                """, new { skills = skills.Select(s => GlobalId.Encode("Skill", Skills[s])).ToArray(), ics = inIcs ? Ics : null, size, cross });
            Assert.Null(response["errors"]);
            var team = response["data"]!["assembleTeam"]!;
            return ([.. team["members"].Arr().Select(m => m!["person"]!["displayName"].Str())],
                [.. team["uncovered"].Arr().Select(u => (u!["skill"]!["id"].Str(), u["reason"].Str()))]);
        }
    }

    /// <summary>
    /// A crew of these people (by name, in this order of import) in organisations ZZC1, ZZC2, ZZC3 (by
    /// <paramref name="organisation"/>: 0, 1, 2, or below 0 for no employer; without it, the first).
    /// </summary>
    /// <summary>An ICS nobody in the demo network works in, so the people a test puts there are the only ones.</summary>
    private static async Task<Guid> EmptyIcsAsync(ApiFactory factory)
    {
        foreach (var ics in (await factory.Store.ListIntegratedCareSystemsAsync(new PageRequest(0, 100), Ct)).Items)
        {
            var there = await factory.QueryAsync("query($ics: ID!) { searchExperts(filter: { icsIds: [$ics] }) { totalCount } }",
                new { ics = GlobalId.Encode("IntegratedCareSystem", ics.Id) });
            if (there["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() == 0)
            {
                return ics.Id;
            }
        }

        Assert.Fail("Every ICS has someone working in it: no empty one to build the team in.");
        return Guid.Empty;
    }

    private static async Task<Crew> CrewAsync(ApiFactory factory, int skillCount, string[] names, Func<string, int>? organisation = null)
    {
        var store = factory.Store;
        var taxonomy = await store.GetAllSkillsAsync(Ct);
        var skills = taxonomy.Where(s => s.BroaderId is null && taxonomy.All(n => n.BroaderId != s.Id)).Take(skillCount).Select(s => s.Id).ToArray();
        Assert.Equal(skillCount, skills.Length);
        var icsId = await EmptyIcsAsync(factory);
        for (var o = 1; o <= 3; o++)
        {
            await store.UpsertOrganisationAsync(new OrganisationDraft(null, $"ZZC{o}", $"Crew Organisation {o}", OrganisationType.AcuteTrust, icsId), null, Now, Ct);
        }

        await store.ImportPeopleAsync(
            [.. names.Select((name, i) => new PersonImport($"crew{i}@team.test", name, null, null, Visibility.Public, (organisation?.Invoke(name) ?? 0) is var o and >= 0 ? $"ZZC{1 + o}" : null, "Analyst"))],
            null, Now, Ct);
        var people = (await store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 1000), Ct)).Items.Where(p => names.Contains(p.DisplayName)).ToDictionary(p => p.DisplayName, p => p.Id);
        return new Crew(GlobalId.Encode("IntegratedCareSystem", icsId), skills, people);
    }

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

        var icsId = await EmptyIcsAsync(factory);
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
            await store.UpdateProfileAsync(id, ProfileEdits.None with
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
