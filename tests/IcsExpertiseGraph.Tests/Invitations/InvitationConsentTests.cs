using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests.Invitations;

/// <summary>
/// Who sees an invited expert's email, in the style of the authorization matrix: the expert, admins, and an inviter
/// whose invitation the expert accepted; never an inviter still waiting, one who was declined or withdrew, another
/// member, a network manager or an anonymous caller. And what a deadline does to an unanswered invitation.
/// </summary>
public sealed class InvitationConsentTests(InvitationConsentTests.Consent consent) : IClassFixture<InvitationConsentTests.Consent>
{
    [Theory]
    [InlineData("anonymous", false)]
    [InlineData("member", false)]
    [InlineData("network manager", false)]
    [InlineData("inviter awaiting an answer", false)]
    [InlineData("inviter who was declined", false)]
    [InlineData("inviter who withdrew", false)]
    [InlineData("inviter who was accepted", true)]
    [InlineData("self", true)]
    [InlineData("admin", true)]
    public async Task TheExpertsEmailShowsExactlyToThoseTheyConsentedToAndTheUsualFew(string caller, bool seesEmail)
    {
        await consent.EnsureAsync();
        var id = GlobalId.Encode("Person", consent.Expert.Id);

        var response = await consent.Scenario.Factory.QueryAsync("query($id: ID!) { person(id: $id) { email } }", new { id }, consent.Tokens[caller]);

        Assert.Null(response["errors"]);
        Assert.Equal(seesEmail ? consent.Expert.Email : null, response["data"]!["person"]!["email"]?.GetValue<string>());
    }

    [Fact]
    public async Task AnUnansweredInvitationPastItsDeadlineReadsAsExpiredCannotBeAcceptedAndIsRecordedSo()
    {
        await consent.EnsureAsync();
        var scenario = consent.Scenario;
        var (designer, expert) = scenario.Pair();
        var designerToken = await scenario.SignInAsync(designer);
        var expertToken = await scenario.SignInAsync(expert);
        var id = (await scenario.InviteAsync(designerToken, expert, respondBy: consent.Clock.GetUtcNow().AddDays(3)))["data"]!["inviteExpert"]!["id"].Str();

        consent.Clock.Advance(TimeSpan.FromDays(4));
        try
        {
            var inbox = await scenario.Factory.QueryAsync("{ me { invitations(status: EXPIRED) { id status } } }", token: expertToken);
            var accept = await scenario.Factory.QueryAsync("mutation($id: ID!) { respondToInvitation(id: $id, response: ACCEPT) { status } }", new { id }, expertToken);
            await scenario.Factory.Store.ExpireInvitationsAsync(consent.Clock.GetUtcNow(), CancellationToken.None);
            var stored = await scenario.Factory.Store.GetInvitationsOfPersonAsync(expert.Id, InvitationSide.Received, 10, CancellationToken.None);

            Assert.Equal(id, Assert.Single(inbox["data"]!["me"]!["invitations"].Arr())!["id"].Str());
            Assert.Equal("CONFLICT", accept.ErrorCode());
            Assert.Contains("is expired", accept["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
            Assert.Equal(InvitationStatus.Expired, Assert.Single(stored, s => GlobalId.Encode("Invitation", s.Id) == id).Status);
        }
        finally
        {
            consent.Clock.Advance(TimeSpan.FromDays(-4));
        }
    }

    /// <summary>A clock the tests can move forward: the service reads every "now" from it.</summary>
    public sealed class MovableClock : TimeProvider
    {
        private TimeSpan offset;

        public void Advance(TimeSpan by) => offset += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }

    /// <summary>One expert with invitations in every state, and a signed-in caller of every kind.</summary>
    public sealed class Consent : IDisposable
    {
        public Consent()
        {
            Scenario = new InvitationScenario(new ApiFactory { DemoPeople = 200, TestServices = services => services.AddSingleton<TimeProvider>(Clock) });
        }

        public MovableClock Clock { get; } = new();

        public InvitationScenario Scenario { get; }

        public Person Expert { get; private set; } = null!;

        public Dictionary<string, string?> Tokens { get; } = [];

        public async Task EnsureAsync()
        {
            if (Tokens.Count > 0)
            {
                return;
            }

            await Scenario.EnsureAsync();
            var api = Scenario.Factory;
            // A PUBLIC expert, so every caller sees the profile and only the email is in question.
            var (accepted, expert) = Scenario.Pair(publicExpert: true);
            Expert = expert;
            var expertToken = await Scenario.SignInAsync(expert);
            Tokens["anonymous"] = null;
            Tokens["self"] = expertToken;
            Tokens["member"] = await Scenario.SignInAsync(Outsider());
            Tokens["network manager"] = await Scenario.SignInAsync(Outsider(), Roles.NetworkManager);
            Tokens["admin"] = await Scenario.SignInAsync(Outsider(), Roles.Admin);
            foreach (var (caller, inviter, answer) in new[]
            {
                ("inviter who was accepted", accepted, "ACCEPT"), ("inviter who was declined", Outsider(), "DECLINE"),
                ("inviter awaiting an answer", Outsider(), null), ("inviter who withdrew", Outsider(), "WITHDRAW"),
            })
            {
                var token = await Scenario.SignInAsync(inviter);
                var invited = await Scenario.InviteAsync(token, expert);
                var id = invited["data"]!["inviteExpert"]!["id"].Str();
                var done = answer switch
                {
                    null => invited,
                    "WITHDRAW" => await api.QueryAsync("mutation($id: ID!) { withdrawInvitation(id: $id) { status } }", new { id }, token),
                    _ => await api.QueryAsync($"mutation($id: ID!) {{ respondToInvitation(id: $id, response: {answer}) {{ status }} }}", new { id }, expertToken),
                };
                Assert.Null(done["errors"]);
                Tokens[caller] = token;
            }
        }

        private Person Outsider() => Scenario.Take(p => p.Visibility == Visibility.Public && !Scenario.Employers(p.Id).Overlaps(Scenario.Employers(Expert.Id)));

        public void Dispose() => Scenario.Dispose();
    }
}
