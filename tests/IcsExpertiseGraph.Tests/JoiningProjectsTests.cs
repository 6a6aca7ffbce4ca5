using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Projects people can trust (issue 17) as members meet them over HTTP: joining needs the lead's consent and counts for
/// nothing until then (no contributor, no link, no path, no evidence); a lead adds people who confirm; the lead role is
/// handed over or given by a network manager, never taken; refusals read alike whether or not a hidden person is there;
/// and every invalid field of an input is reported at once.
/// </summary>
public sealed class JoiningProjectsTests : IDisposable
{
    private const string Request = """
        mutation($p: ID!, $role: ContributionRole!) { addMyContribution(input: { projectId: $p, role: $role, from: "2026-01-01" }) {
          joinRequests { kind role displayName project { id } } contributions { project { id } } } }
        """;

    private const string Decide = "mutation($p: ID!, $who: ID!, $d: JoinDecision!) { decideJoinRequest(projectId: $p, personId: $who, decision: $d) { id contributors { role person { id } } } }";

    private const string ToDecide = "{ me { joinRequestsToDecide { kind displayName role person { id } project { id title } } notifications { kind subject project { id } } } }";

    private readonly ApiFactory factory = new() { DemoPeople = 150 };

    public void Dispose() => factory.Dispose();

    /// <summary>A newcomer with a profile others may see, signed in: someone with no projects and so no links yet.</summary>
    private async Task<(string Token, string Id)> NewcomerAsync(string name)
    {
        var token = factory.TokenForNewcomer("oid-" + name, name.Replace(' ', '.').ToLowerInvariant() + "@nhs.net", name);
        var created = await factory.QueryAsync("mutation { createMyProfile { id } }", token: token);
        await factory.QueryAsync("mutation { updateMyProfile(input: { visibility: NETWORK }) { id } }", token: token);
        return (token, created["data"]!["createMyProfile"]!["id"].Str());
    }

    private async Task<string> CreateProjectAsync(string token, string title, params string[] methodSkillIds)
    {
        var created = await factory.QueryAsync("mutation($t: String!, $m: [ID!]) { createProject(input: { title: $t, status: ACTIVE, methodSkillIds: $m }) { id } }",
            new { t = title, m = methodSkillIds }, token);
        return created["data"]!["createProject"]!["id"].Str();
    }

    private async Task<JsonNode?> PathAsync(string token, string from, string to) =>
        (await factory.QueryAsync("query($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b) { length projects { id } } }", new { a = from, b = to }, token))["data"]!["collaborationPath"];

    private async Task<JsonArray> ContributorsAsync(string token, string project) =>
        (await factory.QueryAsync("query($p: ID!) { project(id: $p) { contributors { role person { id } } } }", new { p = project }, token))["data"]!["project"]!["contributors"].Arr();

    /// <summary>How many of the person's projects used the skill, as the search index ranks them (project evidence).</summary>
    private async Task<int> ProjectEvidenceAsync(string personId, Guid skillId)
    {
        var index = await factory.Services.GetRequiredService<ExpertIndexHost>().GetAsync(CancellationToken.None);
        var criteria = new ExpertCriteria([], [skillId], [], null, [], [], [], [], false, null);
        var id = GlobalIdOf(personId);
        return index.FindCandidates(criteria, Viewers.Admin).Single(c => c.PersonId == id).Skills.Single(s => s.SkillId == skillId).ProjectEvidence;
    }

    private static Guid GlobalIdOf(string id) => GlobalId.Parse(id, "Person", "id");

    [Fact]
    public async Task AColleagueJoinsAnExpertsProjectWithTheLeadsApprovalAndNotBefore()
    {
        var skill = (await factory.Store.GetAllSkillsAsync(CancellationToken.None)).First(s => s.Key == "pdsa-cycles");
        var skillId = GlobalId.Encode("Skill", skill.Id);
        var (lead, leadId) = await NewcomerAsync("Lena Lead");
        var (colleague, colleagueId) = await NewcomerAsync("Colin Colleague");
        await factory.QueryAsync("mutation($s: ID!) { setMySkill(input: { skillId: $s, level: PRACTITIONER }) { id } }", new { s = skillId }, colleague);
        var project = await CreateProjectAsync(lead, "Zephyr falls prevention", skillId);

        // The colleague finds it in the picker and asks to join: a request, not a contribution.
        var found = await factory.QueryAsync("{ projects(filter: { query: \"zephyr FALLS\" }) { totalCount nodes { id } } }", token: colleague);
        Assert.Equal(project, Assert.Single(found["data"]!["projects"]!["nodes"].Arr())!["id"].Str());
        var asked = await factory.QueryAsync(Request, new { p = project, role = "MEMBER" }, colleague);
        var me = asked["data"]!["addMyContribution"]!;
        Assert.Equal(("REQUEST", "MEMBER", "Colin Colleague", project),
            (me["joinRequests"]![0]!["kind"].Str(), me["joinRequests"]![0]!["role"].Str(), me["joinRequests"]![0]!["displayName"].Str(), me["joinRequests"]![0]!["project"]!["id"].Str()));
        Assert.Empty(me["contributions"].Arr());

        // Until the lead decides: no contributor, no link, no warm path, no evidence, for anyone.
        Assert.DoesNotContain(await ContributorsAsync(lead, project), c => c!["person"]!["id"].Str() == colleagueId);
        Assert.DoesNotContain(await ContributorsAsync(colleague, project), c => c!["person"]!["id"].Str() == colleagueId);
        Assert.Null(await PathAsync(colleague, colleagueId, leadId));
        var around = await factory.QueryAsync("query($a: ID!) { collaborationNetwork(around: $a, hops: 1) { edges { from to } } }", new { a = colleagueId }, colleague);
        Assert.Empty(around["data"]!["collaborationNetwork"]!["edges"].Arr());
        Assert.Equal(0, await ProjectEvidenceAsync(colleagueId, skill.Id));

        // The lead sees it, with a notification, and approves.
        var waiting = (await factory.QueryAsync(ToDecide, token: lead))["data"]!["me"]!;
        var request = Assert.Single(waiting["joinRequestsToDecide"].Arr())!;
        Assert.Equal(("REQUEST", "Colin Colleague", colleagueId), (request["kind"].Str(), request["displayName"].Str(), request["person"]!["id"].Str()));
        Assert.Contains(waiting["notifications"].Arr(), n => n!["kind"].Str() == "JOIN_REQUESTED" && n["project"]!["id"].Str() == project);
        var approved = await factory.QueryAsync(Decide, new { p = project, who = colleagueId, d = "APPROVE" }, lead);
        Assert.True(approved["errors"] is null, approved.ToJsonString());

        Assert.Contains(approved["data"]!["decideJoinRequest"]!["contributors"].Arr(), c => c!["person"]!["id"].Str() == colleagueId && c["role"].Str() == "MEMBER");
        var path = await PathAsync(colleague, colleagueId, leadId);
        Assert.Equal(project, path!["projects"]![0]!["id"].Str());
        Assert.Equal(1, await ProjectEvidenceAsync(colleagueId, skill.Id));
        var after = (await factory.QueryAsync("{ me { joinRequests { kind } contributions { role project { id } } notifications { kind } } }", token: colleague))["data"]!["me"]!;
        Assert.Empty(after["joinRequests"].Arr());
        Assert.Equal("MEMBER", Assert.Single(after["contributions"].Arr())!["role"].Str());
        Assert.Equal("JOIN_APPROVED", after["notifications"]![0]!["kind"].Str());
    }

    [Fact]
    public async Task ALeadAddsSomeoneWhoAppearsOnlyOnceTheyConfirm()
    {
        var (lead, _) = await NewcomerAsync("Alma Adder");
        var (added, addedId) = await NewcomerAsync("Bea Added");
        var project = await CreateProjectAsync(lead, "Sepsis bundle spread");

        var addition = await factory.QueryAsync("mutation($p: ID!, $who: ID!) { addProjectContributor(input: { projectId: $p, personId: $who, role: COACH }) { kind role displayName } }",
            new { p = project, who = addedId }, lead);
        Assert.Equal(("ADDITION", "COACH"), (addition["data"]!["addProjectContributor"]!["kind"].Str(), addition["data"]!["addProjectContributor"]!["role"].Str()));
        Assert.DoesNotContain(await ContributorsAsync(lead, project), c => c!["person"]!["id"].Str() == addedId);
        var byLead = await factory.QueryAsync(Decide, new { p = project, who = addedId, d = "APPROVE" }, lead);
        Assert.Equal(("FORBIDDEN", "decision"), (byLead.ErrorCode(), byLead.ErrorField()));
        var mine = (await factory.QueryAsync("{ me { joinRequests { kind project { id } } notifications { kind } } }", token: added))["data"]!["me"]!;
        Assert.Equal("ADDITION", Assert.Single(mine["joinRequests"].Arr())!["kind"].Str());
        Assert.Equal("ADDED_TO_PROJECT", mine["notifications"]![0]!["kind"].Str());

        var confirmed = await factory.QueryAsync(Decide, new { p = project, who = addedId, d = "APPROVE" }, added);

        Assert.Contains(confirmed["data"]!["decideJoinRequest"]!["contributors"].Arr(), c => c!["person"]!["id"].Str() == addedId && c["role"].Str() == "COACH");
        var leadNotices = (await factory.QueryAsync("{ me { notifications { kind } } }", token: lead))["data"]!["me"]!["notifications"].Arr();
        Assert.Equal("ADDITION_CONFIRMED", leadNotices[0]!["kind"].Str());
    }

    [Fact]
    public async Task NobodyClaimsALeadAndTheRefusalIsTheSameWhetherOrNotAHiddenLeadExists()
    {
        var (claimant, _) = await NewcomerAsync("Cass Claimant");
        var (visibleLead, _) = await NewcomerAsync("Vic Visible");
        var (leaving, _) = await NewcomerAsync("Lou Leaver");
        var hiddenLead = factory.TokenForNewcomer("oid-hidden-lead", "hidden.lead@nhs.net", "Hedda Hidden");
        await factory.QueryAsync("mutation { createMyProfile { id } }", token: hiddenLead);
        var led = await CreateProjectAsync(visibleLead, "Led in the open");
        var hidden = await CreateProjectAsync(hiddenLead, "Led out of sight");
        var leaderless = await CreateProjectAsync(leaving, "Left without a lead");
        await factory.QueryAsync("mutation($p: ID!) { removeMyContribution(projectId: $p) { id } }", new { p = leaderless }, leaving);
        var sequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);

        var answers = new List<JsonObject>();
        foreach (var project in new[] { led, hidden, leaderless })
        {
            answers.Add(await factory.QueryAsync(Request, new { p = project, role = "LEAD" }, claimant));
        }

        Assert.All(answers, a => Assert.Equal(("FORBIDDEN", "role"), (a.ErrorCode(), a.ErrorField())));
        Assert.Single(answers.Select(a => a["errors"]![0]!["message"].Str()).Distinct());
        Assert.DoesNotContain("already has a lead", answers[0]["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
        Assert.Equal(sequence, await factory.Store.GetChangeSequenceAsync(CancellationToken.None));
        var nothing = (await factory.QueryAsync("{ me { joinRequests { kind } contributions { role } } }", token: claimant))["data"]!["me"]!;
        Assert.Empty(nothing["joinRequests"].Arr());
        Assert.Empty(nothing["contributions"].Arr());
        // Asking to join as a member reads the same on all three, and a stranger deciding is told the same as for nobody.
        foreach (var project in new[] { led, hidden, leaderless })
        {
            var asked = await factory.QueryAsync(Request, new { p = project, role = "MEMBER" }, claimant);
            Assert.Null(asked["errors"]);
        }

        var claimantId = (await factory.QueryAsync("{ me { id } }", token: claimant))["data"]!["me"]!["id"].Str();
        var stranger = await factory.QueryAsync(Decide, new { p = hidden, who = claimantId, d = "APPROVE" }, leaving);
        var noOne = await factory.QueryAsync(Decide, new { p = hidden, who = GlobalId.Encode("Person", Guid.NewGuid()), d = "APPROVE" }, leaving);
        Assert.Equal(("NOT_FOUND", "personId"), (stranger.ErrorCode(), stranger.ErrorField()));
        Assert.Equal(stranger["errors"]![0]!["message"].Str(), noOne["errors"]![0]!["message"].Str());
    }

    [Fact]
    public async Task TheLeadIsHandedOverOrGivenByANetworkManagerNeverTaken()
    {
        var (lead, leadId) = await NewcomerAsync("Hana Hander");
        var (member, memberId) = await NewcomerAsync("Mo Member");
        var project = await CreateProjectAsync(lead, "Discharge to assess");
        await factory.QueryAsync(Request, new { p = project, role = "MEMBER" }, member);
        await factory.QueryAsync(Decide, new { p = project, who = memberId, d = "APPROVE" }, lead);
        const string handOver = "mutation($p: ID!, $who: ID!) { handOverProjectLead(projectId: $p, personId: $who, formerLeadRole: ADVISOR) { contributors { role person { id } } } }";
        const string assign = "mutation($p: ID!, $who: ID!) { assignProjectLead(projectId: $p, personId: $who) { contributors { role person { id } } } }";

        var byMember = await factory.QueryAsync(handOver, new { p = project, who = memberId }, member);
        var handed = await factory.QueryAsync(handOver, new { p = project, who = memberId }, lead);

        Assert.Equal(("FORBIDDEN", "projectId"), (byMember.ErrorCode(), byMember.ErrorField()));
        var roles = handed["data"]!["handOverProjectLead"]!["contributors"].Arr().ToDictionary(c => c!["person"]!["id"].Str(), c => c!["role"].Str());
        Assert.Equal(("LEAD", "ADVISOR"), (roles[memberId], roles[leadId]));

        // The new lead leaves: the project has no lead, and only a network manager gives it one.
        await factory.QueryAsync("mutation($p: ID!) { removeMyContribution(projectId: $p) { id } }", new { p = project }, member);
        var managerToken = factory.TokenForNewcomer("oid-nia", "nia.manager@nhs.net", "Nia Manager", Roles.NetworkManager);
        await factory.QueryAsync("mutation { createMyProfile { id } }", token: managerToken);
        var notManager = await factory.QueryAsync(assign, new { p = project, who = leadId }, lead);
        var assigned = await factory.QueryAsync(assign, new { p = project, who = leadId }, managerToken);

        Assert.Equal("FORBIDDEN", notManager.ErrorCode());
        Assert.Contains(assigned["data"]!["assignProjectLead"]!["contributors"].Arr(), c => c!["person"]!["id"].Str() == leadId && c["role"].Str() == "LEAD");
    }

    [Fact]
    public async Task OnlyThePersonReadsTheirRequestsAndErasingThemTakesTheirRequestsWithThem()
    {
        var (lead, _) = await NewcomerAsync("Rhea Reader");
        var (asking, askingId) = await NewcomerAsync("Ash Asker");
        var project = await CreateProjectAsync(lead, "Frailty virtual ward");
        await factory.QueryAsync(Request, new { p = project, role = "SPONSOR" }, asking);

        var other = await factory.QueryAsync("query($id: ID!) { person(id: $id) { joinRequests { kind } } }", new { id = askingId }, lead);
        Assert.Equal("FORBIDDEN", other.ErrorCode());
        Assert.Single((await factory.QueryAsync(ToDecide, token: lead))["data"]!["me"]!["joinRequestsToDecide"].Arr());

        await factory.QueryAsync("mutation { deleteMyProfile }", token: asking);

        var after = (await factory.QueryAsync(ToDecide, token: lead))["data"]!["me"]!;
        Assert.Empty(after["joinRequestsToDecide"].Arr());
        Assert.DoesNotContain(after["notifications"].Arr(), n => n!["subject"].Str().Contains("Ash Asker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryInvalidFieldOfAnInputIsReportedAtOnceAndNothingIsWritten()
    {
        var (token, _) = await NewcomerAsync("Fay Fields");
        var sequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);
        var project = await factory.QueryAsync("""
            mutation { createProject(input: { title: "   ", aim: "%AIM%", startDate: "2026-05-01", endDate: "2026-01-01", hostOrganisationId: "not-an-id" }) { id } }
            """.Replace("%AIM%", new string('a', 2001), StringComparison.Ordinal), token: token);
        var joining = await factory.QueryAsync("""mutation { addMyContribution(input: { projectId: "nope", role: MEMBER, from: "2026-05-01", to: "2026-01-01" }) { id } }""", token: token);
        var profile = await factory.QueryAsync("""mutation { updateMyProfile(input: { displayName: "", orcid: "0000-0000-0000-0000", availability: { hoursPerMonth: 500 } }) { id } }""", token: token);

        static IEnumerable<(string?, string?)> Errors(JsonObject response) =>
            response["errors"]!.AsArray().Select(e => (e!["extensions"]?["code"]?.GetValue<string>(), e["extensions"]?["field"]?.GetValue<string>()));
        Assert.Equal([("BAD_USER_INPUT", "title"), ("BAD_USER_INPUT", "aim"), ("BAD_USER_INPUT", "hostOrganisationId"), ("BAD_USER_INPUT", "endDate")], Errors(project));
        Assert.Equal([("BAD_USER_INPUT", "projectId"), ("BAD_USER_INPUT", "from")], Errors(joining));
        Assert.Equal([("BAD_USER_INPUT", "displayName"), ("BAD_USER_INPUT", "orcid"), ("BAD_USER_INPUT", "availability.hoursPerMonth")], Errors(profile));
        Assert.All(project["errors"]!.AsArray(), e => Assert.Equal("createProject", e!["path"]![0]!.GetValue<string>()));
        Assert.Equal(sequence, await factory.Store.GetChangeSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UpdateProjectReportsEveryInvalidFieldAtOnceAndWritesNothing()
    {
        var (token, _) = await NewcomerAsync("Uma Updater");
        var project = await CreateProjectAsync(token, "Same title after refusal");
        var sequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);

        var refused = await factory.QueryAsync("""
            mutation($p: ID!) { updateProject(input: { id: $p, title: "  ", status: PAUSED, hostOrganisationId: "not-an-id", startDate: "2026-05-01", endDate: "2026-01-01" }) { id } }
            """, new { p = project }, token);

        Assert.Equal([("BAD_USER_INPUT", "title"), ("BAD_USER_INPUT", "hostOrganisationId"), ("BAD_USER_INPUT", "endDate")],
            refused["errors"]!.AsArray().Select(e => (e!["extensions"]?["code"]?.GetValue<string>(), e["extensions"]?["field"]?.GetValue<string>())));
        Assert.All(refused["errors"]!.AsArray(), e => Assert.Equal("updateProject", e!["path"]![0]!.GetValue<string>()));
        Assert.Equal(sequence, await factory.Store.GetChangeSequenceAsync(CancellationToken.None));
        var unchanged = (await factory.QueryAsync("query($p: ID!) { project(id: $p) { title status } }", new { p = project }, token))["data"]!["project"]!;
        Assert.Equal(("Same title after refusal", "ACTIVE"), (unchanged["title"].Str(), unchanged["status"].Str()));
    }

    [Fact]
    public async Task ARequestOnAProjectWithoutALeadNotifiesTheNetworkManagersWhoSignedInAndNobodyElse()
    {
        // Managers are a token role: a manager is told once they have signed in with it (any request), and no longer once a
        // later sign-in lacks it or their profile is erased.
        async Task<string> SignedInAsync(string oid, string name, params string[] roles)
        {
            var token = factory.TokenForNewcomer(oid, name.Replace(' ', '.').ToLowerInvariant() + "@nhs.net", name, roles);
            await factory.QueryAsync("mutation { createMyProfile { id } }", token: token);
            Assert.Null((await factory.QueryAsync("{ me { id } }", token: token))["errors"]);
            return token;
        }

        var manager = await SignedInAsync("oid-mani", "Mani Manager", Roles.NetworkManager);
        var member = await SignedInAsync("oid-mem", "Mem Member");
        await SignedInAsync("oid-demi", "Demi Demoted", Roles.NetworkManager);
        var demoted = await SignedInAsync("oid-demi", "Demi Demoted");
        var erased = await SignedInAsync("oid-ezra", "Ezra Erased", Roles.NetworkManager);
        Assert.Null((await factory.QueryAsync("mutation { deleteMyProfile }", token: erased))["errors"]);
        var (leaving, _) = await NewcomerAsync("Lee Leaving");
        var (asking, _) = await NewcomerAsync("Ari Asking");
        var project = await CreateProjectAsync(leaving, "Virtual ward without a lead");
        await factory.QueryAsync("mutation($p: ID!) { removeMyContribution(projectId: $p) { id } }", new { p = project }, leaving);

        Assert.Null((await factory.QueryAsync(Request, new { p = project, role = "MEMBER" }, asking))["errors"]);

        var told = (await factory.QueryAsync(ToDecide, token: manager))["data"]!["me"]!;
        Assert.Equal("Ari Asking", Assert.Single(told["joinRequestsToDecide"].Arr())!["displayName"].Str());
        var notice = Assert.Single(told["notifications"].Arr(), n => n!["project"]?["id"].Str() == project)!;
        Assert.Equal("JOIN_REQUESTED", notice["kind"].Str());
        Assert.Contains("Ari Asking", notice["subject"].Str(), StringComparison.Ordinal);
        foreach (var untold in new[] { member, demoted })
        {
            Assert.DoesNotContain((await factory.QueryAsync(ToDecide, token: untold))["data"]!["me"]!["notifications"].Arr(), n => n!["project"]?["id"].Str() == project);
        }

        // Nothing at all goes to the erased manager's address, and the record of the role was erased with them.
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await db.OpenAsync();
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT (SELECT count(*) FROM outbox_message WHERE recipient_email = 'ezra.erased@nhs.net'), (SELECT count(*) FROM network_manager)";
        await using var counts = await read.ExecuteReaderAsync();
        Assert.True(await counts.ReadAsync());
        Assert.Equal((0L, 1L), (counts.GetInt64(0), counts.GetInt64(1)));
    }
}
