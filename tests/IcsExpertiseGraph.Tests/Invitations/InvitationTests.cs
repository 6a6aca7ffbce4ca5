using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Tests.Invitations;

/// <summary>Designers invite experts; experts decide; consent reveals contact details; managers see the outcomes. One seeded service, a fresh pair of people per test.</summary>
public sealed class InvitationTests(InvitationScenario scenario) : IClassFixture<InvitationScenario>
{
    private const string Outcomes = """
        query($ics: ID!) { invitationOutcomes(icsId: $ics) { sent open accepted declined withdrawn expired ledToProjects medianResponseHours
            demand { skill { id } requested availableExperts shortfall } } }
        """;

    [Fact]
    public async Task ADesignerFindsAnExpertInvitesThemAndSeesTheirEmailOnlyOnceTheyAccept()
    {
        await scenario.EnsureAsync();
        var api = scenario.Factory;
        var (designer, expert) = scenario.Pair();
        var designerToken = await scenario.SignInAsync(designer);
        var expertToken = await scenario.SignInAsync(expert);
        var managerToken = await scenario.SignInAsync(scenario.Take(p => p.Visibility == Visibility.Public), Roles.NetworkManager);
        var expertId = GlobalId.Encode("Person", expert.Id);
        var before = (await api.QueryAsync(Outcomes, new { ics = scenario.IcsId }, managerToken))["data"]!["invitationOutcomes"]!;

        var found = await api.QueryAsync("query($q: String) { searchExperts(query: $q, first: 50) { edges { node { id email } } } }", new { q = expert.DisplayName }, designerToken);
        var match = found["data"]!["searchExperts"]!["edges"].Arr().Single(e => e!["node"]!["id"].Str() == expertId);
        Assert.Null(match!["node"]!["email"]);
        var invited = await scenario.InviteAsync(designerToken, expert);
        Assert.Null(invited["errors"]);
        var invitation = invited["data"]!["inviteExpert"]!;
        Assert.Equal("SENT", invitation["status"].Str());
        Assert.Null(invitation["invitee"]!["email"]);

        var inbox = await api.QueryAsync("{ me { invitations(status: SENT) { id purpose hoursRequested message inviter { displayName } skills { id } } notifications { kind subject delivery } } }",
            token: expertToken);
        var received = Assert.Single(inbox["data"]!["me"]!["invitations"].Arr());
        Assert.Equal(invitation["id"].Str(), received!["id"].Str());
        Assert.Equal(designer.DisplayName, received["inviter"]!["displayName"].Str());
        Assert.Equal(16, received["hoursRequested"]!.GetValue<int>());
        var notice = Assert.Single(inbox["data"]!["me"]!["notifications"].Arr());
        Assert.Equal(("INVITATION_RECEIVED", "PENDING"), (notice!["kind"].Str(), notice["delivery"].Str()));
        var beforeAnswer = await api.QueryAsync("query($id: ID!) { person(id: $id) { email } }", new { id = expertId }, designerToken);
        Assert.Null(beforeAnswer["data"]!["person"]!["email"]);

        var answer = await api.QueryAsync("mutation($id: ID!) { respondToInvitation(id: $id, response: ACCEPT, message: \"Glad to help.\") { status respondedAt } }",
            new { id = invitation["id"].Str() }, expertToken);
        Assert.Equal("ACCEPTED", answer["data"]!["respondToInvitation"]!["status"].Str());

        var afterAnswer = await api.QueryAsync("query($id: ID!) { person(id: $id) { email } me { sentInvitations { status invitee { email } } notifications { kind body } } }",
            new { id = expertId }, designerToken);
        Assert.Equal(expert.Email, afterAnswer["data"]!["person"]!["email"].Str());
        Assert.Equal(expert.Email, afterAnswer["data"]!["me"]!["sentInvitations"]![0]!["invitee"]!["email"].Str());
        Assert.Contains(expert.Email!, afterAnswer["data"]!["me"]!["notifications"]![0]!["body"].Str(), StringComparison.Ordinal);
        var project = await api.QueryAsync("mutation { createProject(input: { title: \"ICS quality system\" }) { id } }", token: designerToken);
        var linked = await api.QueryAsync("mutation($id: ID!, $p: ID!) { linkInvitationToProject(id: $id, projectId: $p) { project { title } } }",
            new { id = invitation["id"].Str(), p = project["data"]!["createProject"]!["id"].Str() }, designerToken);
        Assert.Equal("ICS quality system", linked["data"]!["linkInvitationToProject"]!["project"]!["title"].Str());
        // The inviter's link is recorded only: the invitee joins a project when they link it themselves.
        var evidence = await api.QueryAsync("{ me { contributions { role project { title } } } }", token: expertToken);
        Assert.DoesNotContain(evidence["data"]!["me"]!["contributions"].Arr(), c => c!["project"]!["title"].Str() == "ICS quality system");

        var after = (await api.QueryAsync(Outcomes, new { ics = scenario.IcsId }, managerToken))["data"]!["invitationOutcomes"]!;
        Assert.Equal(Count(before, "sent") + 1, Count(after, "sent"));
        Assert.Equal(Count(before, "accepted") + 1, Count(after, "accepted"));
        Assert.Equal(Count(before, "ledToProjects") + 1, Count(after, "ledToProjects"));
        Assert.NotNull(after["medianResponseHours"]);
        // The demo's own history asks for skills too: each skill asked for here counts one more ask than before.
        int Requested(System.Text.Json.Nodes.JsonNode outcomes, string skill) =>
            outcomes["demand"].Arr().Where(d => d!["skill"]!["id"].Str() == skill).Select(d => d!["requested"]!.GetValue<int>()).SingleOrDefault();
        Assert.All(scenario.SkillIds, skill => Assert.Equal(Requested(before, skill) + 1, Requested(after, skill)));
    }

    [Fact]
    public async Task InvitingAHiddenPersonAndSomeoneWhoDoesNotExistGiveTheSameAnswer()
    {
        await scenario.EnsureAsync();
        var designer = scenario.Take(p => p.Visibility == Visibility.Public);
        var hidden = scenario.Take(p => p.Visibility == Visibility.Private && !scenario.Employers(p.Id).Overlaps(scenario.Employers(designer.Id)));
        var token = await scenario.SignInAsync(designer);

        var toHidden = await scenario.InviteAsync(token, hidden);
        var toNobody = await scenario.InviteAsync(token, hidden with { Id = Guid.NewGuid() });

        Assert.Equal("NOT_FOUND", toHidden.ErrorCode());
        Assert.Equal("personId", toHidden.ErrorField());
        Assert.Equal(toNobody["errors"]!.ToJsonString(), toHidden["errors"]!.ToJsonString());
    }

    [Fact]
    public async Task AnUnavailableExpertCanBeInvitedOnlyByAColleagueAndTheErrorSaysSo()
    {
        await scenario.EnsureAsync();
        var designer = scenario.Take(p => p.Visibility == Visibility.Public);
        var unavailable = scenario.Take(p => p.Visibility == Visibility.Public && p.Availability.Status == AvailabilityStatus.NotAvailable
            && !scenario.Employers(p.Id).Overlaps(scenario.Employers(designer.Id)));

        var refused = await scenario.InviteAsync(await scenario.SignInAsync(designer), unavailable);

        Assert.Equal(("BAD_USER_INPUT", "personId"), (refused.ErrorCode(), refused.ErrorField()));
        Assert.Contains("only colleagues at their own organisation", refused["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("message", 0)]
    [InlineData("respondBy", -1)]
    [InlineData("respondBy", 91 * 24 * 60)]
    public async Task AnOverlongMessageOrAPastOrFarOffDeadlineIsRefusedNamingTheField(string field, int respondInMinutes)
    {
        await scenario.EnsureAsync();
        var (designer, expert) = scenario.Pair();
        var token = await scenario.SignInAsync(designer);

        var refused = field == "message"
            ? await scenario.InviteAsync(token, expert, message: new string('x', 2001))
            : await scenario.InviteAsync(token, expert, respondBy: DateTimeOffset.UtcNow.AddMinutes(respondInMinutes));

        Assert.Equal(("BAD_USER_INPUT", field), (refused.ErrorCode(), refused.ErrorField()));
        Assert.Empty((await scenario.Factory.Store.GetInvitationsOfPersonAsync(expert.Id, InvitationSide.Received, 10, CancellationToken.None)));
    }

    [Fact]
    public async Task ASecondOpenInvitationToTheSamePersonIsAConflictUntilTheFirstIsWithdrawn()
    {
        await scenario.EnsureAsync();
        var (designer, expert) = scenario.Pair();
        var token = await scenario.SignInAsync(designer);
        var first = (await scenario.InviteAsync(token, expert))["data"]!["inviteExpert"]!["id"].Str();

        var again = await scenario.InviteAsync(token, expert);
        var withdrawn = await scenario.Factory.QueryAsync("mutation($id: ID!) { withdrawInvitation(id: $id) { status } }", new { id = first }, token);
        var afterWithdrawal = await scenario.InviteAsync(token, expert);

        Assert.Equal("CONFLICT", again.ErrorCode());
        Assert.Equal("WITHDRAWN", withdrawn["data"]!["withdrawInvitation"]!["status"].Str());
        Assert.Null(afterWithdrawal["errors"]);
    }

    [Fact]
    public async Task OnlyTheInviteeAnswersOnlyTheInviterWithdrawsAndAWithdrawnInvitationCannotBeAccepted()
    {
        await scenario.EnsureAsync();
        var (designer, expert) = scenario.Pair();
        var designerToken = await scenario.SignInAsync(designer);
        var expertToken = await scenario.SignInAsync(expert);
        var bystanderToken = await scenario.SignInAsync(scenario.Take(p => p.Visibility == Visibility.Public));
        var id = (await scenario.InviteAsync(designerToken, expert))["data"]!["inviteExpert"]!["id"].Str();
        const string Accept = "mutation($id: ID!) { respondToInvitation(id: $id, response: ACCEPT) { status } }";
        const string Withdraw = "mutation($id: ID!) { withdrawInvitation(id: $id) { status } }";

        Assert.Equal("NOT_FOUND", (await scenario.Factory.QueryAsync(Accept, new { id }, designerToken)).ErrorCode());
        Assert.Equal("NOT_FOUND", (await scenario.Factory.QueryAsync(Accept, new { id }, bystanderToken)).ErrorCode());
        Assert.Equal("NOT_FOUND", (await scenario.Factory.QueryAsync(Withdraw, new { id }, expertToken)).ErrorCode());
        Assert.Equal("FORBIDDEN", (await scenario.Factory.QueryAsync("query($p: ID!) { person(id: $p) { invitations { id } } }",
            new { p = GlobalId.Encode("Person", expert.Id) }, bystanderToken)).ErrorCode());
        Assert.Null((await scenario.Factory.QueryAsync(Withdraw, new { id }, designerToken))["errors"]);
        Assert.Equal("CONFLICT", (await scenario.Factory.QueryAsync(Accept, new { id }, expertToken)).ErrorCode());
        var inbox = await scenario.Factory.QueryAsync("{ me { invitations { status } notifications { kind } } }", token: expertToken);
        Assert.Equal("WITHDRAWN", inbox["data"]!["me"]!["invitations"]![0]!["status"].Str());
        Assert.Equal(["INVITATION_WITHDRAWN", "INVITATION_RECEIVED"], inbox["data"]!["me"]!["notifications"].Arr().Select(n => n!["kind"].Str()));
    }

    [Fact]
    public async Task OutcomesAreForNetworkManagersOnly()
    {
        await scenario.EnsureAsync();
        var member = await scenario.SignInAsync(scenario.Take(p => p.Visibility == Visibility.Public));

        Assert.Equal("UNAUTHENTICATED", (await scenario.Factory.QueryAsync(Outcomes, new { ics = scenario.IcsId })).ErrorCode());
        Assert.Equal("FORBIDDEN", (await scenario.Factory.QueryAsync(Outcomes, new { ics = scenario.IcsId }, member)).ErrorCode());
    }

    private static int Count(System.Text.Json.Nodes.JsonNode outcomes, string name) => outcomes[name]!.GetValue<int>();
}
