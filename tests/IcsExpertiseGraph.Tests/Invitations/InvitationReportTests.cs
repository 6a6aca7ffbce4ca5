using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Invitations;

namespace IcsExpertiseGraph.Tests.Invitations;

/// <summary>What network managers read in invitationOutcomes, from a known set of invitations.</summary>
public sealed class InvitationReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Ics = Guid.NewGuid();
    private static readonly Guid Spc = Guid.NewGuid();
    private static readonly Guid Lean = Guid.NewGuid();

    private static Invitation Sent(int hoursAgo, Guid[] skills, DateTimeOffset? respondBy = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Ics, "Design", skills, 10, null, respondBy ?? Now.AddDays(7), InvitationStatus.Sent,
        Now.AddHours(-hoursAgo), null, null, null);

    [Fact]
    public void CountsFollowTheStatusAsOfNowTheMedianIsOfAnsweredInvitationsAndDemandComesMostAskedFirstWithItsShortfall()
    {
        var answeredAfter2 = Sent(10, [Spc]) with { Status = InvitationStatus.Accepted, RespondedAt = Now.AddHours(-8), ProjectId = Guid.NewGuid() };
        var answeredAfter6 = Sent(10, [Spc, Lean]) with { Status = InvitationStatus.Declined, RespondedAt = Now.AddHours(-4) };
        var overdue = Sent(100, [Spc], respondBy: Now.AddHours(-1));
        var open = Sent(1, [Lean, Lean]);
        var withdrawn = Sent(5, [Spc]) with { Status = InvitationStatus.Withdrawn };

        var report = InvitationReport.Build(Ics, [answeredAfter2, answeredAfter6, overdue, open, withdrawn], Now, skill => skill == Spc ? 2 : 5);

        Assert.Equal((5, 1, 1, 1, 1, 1, 1), (report.Sent, report.Open, report.Accepted, report.Declined, report.Withdrawn, report.Expired, report.LedToProjects));
        Assert.Equal(4.0, report.MedianResponseHours);
        Assert.Equal([(Spc, 4, 2, true), (Lean, 2, 5, false)], report.Demand.Select(d => (d.SkillId, d.Requested, d.AvailableExperts, d.Shortfall)));
    }

    [Fact]
    public void WithoutAnswersThereIsNoMedian() =>
        Assert.Null(InvitationReport.Build(Ics, [Sent(3, [Spc])], Now, _ => 0).MedianResponseHours);
}
