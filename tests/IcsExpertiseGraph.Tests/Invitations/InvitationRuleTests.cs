using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Invitations;
using static IcsExpertiseGraph.Tests.RuleAssert;

namespace IcsExpertiseGraph.Tests.Invitations;

/// <summary>
/// InvitationRules and InvitationAudit as an inviter and an invitee meet them: each refusal says why (InvitationTests runs
/// the same rules through the service), and the trail names each answer for what it was.
/// </summary>
public sealed class InvitationRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly InvitationPolicy Policy = new(DailyLimitPerInviter: 20);

    private static InvitationDraft Draft(Person invitee, params Guid[] skills) => new(invitee.Id, "Design the ICS's flow work", Guid.NewGuid(), skills, 8, null, Now.AddDays(14));

    private static Invitation Sent(Guid inviter, Guid invitee, InvitationStatus status = InvitationStatus.Sent, Guid? project = null) =>
        new(Guid.NewGuid(), inviter, invitee, Guid.NewGuid(), "Design", [], 8, null, Now.AddDays(14), status, Now.AddDays(-1), null, null, project);

    private static void Check(InvitationFacts facts) => InvitationRules.Check(facts, Draft(facts.Invitee ?? Person()), Policy);

    [Fact]
    public void AnInviterAtTheDailyCapIsToldHowManyTheyHaveSent()
    {
        var facts = new InvitationFacts(Person(), Person(), false, true, 0, 0, SentInLastDay: 20);

        Refuses<RateLimitedException>(() => Check(facts), "input", "sent 20 invitations", "24 hours");
    }

    [Fact]
    public void InvitingYourselfIsRefusedSayingSo()
    {
        var me = Person();

        Refuses<RuleViolationException>(() => Check(new InvitationFacts(me, me, true, true, 0, 0, 0)), "personId", "cannot invite yourself");
    }

    [Fact]
    public void APrivateInviterIsToldTheyMayInviteOnlyColleaguesAndHowToChangeThat() =>
        Refuses<ForbiddenException>(() => Check(new InvitationFacts(Person(Visibility.Private), Person(), false, true, 0, 0, 0)), "input", "private", "colleagues", "visible to members");

    [Fact]
    public void ASecondOpenInvitationToTheSamePersonIsRefusedSayingWhatToDo() =>
        Refuses<DuplicateException>(() => Check(new InvitationFacts(Person(), Person(), false, true, 0, OpenToSamePerson: 1, 0)), "personId", "already have an open invitation", "withdraw");

    [Fact]
    public void OnlyAPartyToAnInvitationLearnsThatItExists()
    {
        var inviter = Guid.NewGuid();
        var invitee = Guid.NewGuid();
        var stranger = Guid.NewGuid();
        var invitation = Sent(inviter, invitee, InvitationStatus.Accepted);

        Refuses<NotFoundException>(() => InvitationRules.CheckAnswer(invitation, stranger, Now), "id", "no such invitation");
        Refuses<NotFoundException>(() => InvitationRules.CheckWithdrawal(invitation, stranger, Now), "id", "no such invitation");
        Refuses<NotFoundException>(() => InvitationRules.CheckLink(invitation, stranger, true), "id", "no such invitation");
    }

    [Fact]
    public void OnlyAnAcceptedInvitationNotYetLinkedCanBeLinkedAndTheRefusalsSayWhy()
    {
        var inviter = Guid.NewGuid();
        var invitee = Guid.NewGuid();

        Refuses<StateConflictException>(() => InvitationRules.CheckLink(Sent(inviter, invitee), inviter, true), "id", "only an accepted invitation");
        Refuses<StateConflictException>(() => InvitationRules.CheckLink(Sent(inviter, invitee, InvitationStatus.Accepted, Guid.NewGuid()), invitee, true), "id",
            "already linked", "cannot be changed");
        InvitationRules.CheckLink(Sent(inviter, invitee, InvitationStatus.Accepted), invitee, true);
    }

    [Theory]
    [InlineData(InvitationStatus.Accepted, AuditActions.AcceptInvitation)]
    [InlineData(InvitationStatus.Declined, AuditActions.DeclineInvitation)]
    public void TheTrailNamesAnAnswerForWhatItWas(InvitationStatus answer, string action)
    {
        var before = Sent(Guid.NewGuid(), Guid.NewGuid());
        var after = before with { Status = answer, RespondedAt = Now };

        var entry = InvitationAudit.Answered(before, after);

        Assert.Equal(action, entry.Action);
        Assert.Equal("SENT", Json(entry.Before)!["status"]!.GetValue<string>());
        Assert.Equal(EnumText.Name(answer), Json(entry.After)!["status"]!.GetValue<string>());
    }
}
