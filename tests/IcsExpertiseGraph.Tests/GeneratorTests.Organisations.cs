using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Tests;

/// <summary>The demo network as a network manager meets it: organisations told apart, and a year of invitations.</summary>
public sealed partial class GeneratorTests
{
    [Fact]
    public void NoTwoOrganisationsInOneIntegratedCareSystemShareANameAndNoOdsCodeIsUsedTwice()
    {
        // Several seeds and sizes: duplicates came from two draws of the same place and suffix, which any seed can make.
        foreach (var network in new[] { Network.Value, Generate(seed: 1, people: 0), Generate(seed: 7, people: 0), Generate(seed: 42, people: 0) })
        {
            foreach (var ics in network.Organisations.GroupBy(o => o.IntegratedCareSystemId))
            {
                var repeated = ics.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                Assert.True(repeated.Count == 0, $"Names used twice in one ICS: {string.Join(", ", repeated)}");
            }

            var codes = network.Organisations.Where(o => o.OdsCode is not null).Select(o => o.OdsCode!).ToList();
            Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void TheDemoHasAYearOfInvitationsWithEveryOutcomeAndSomeLinkedToProjects()
    {
        var network = Network.Value;
        var invitations = network.InvitationHistory;
        var asOf = new DateTimeOffset(AsOf.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

        Assert.InRange(invitations.Count, network.People.Count / 8, network.People.Count / 4);
        var statuses = invitations.GroupBy(i => i.StatusAt(asOf)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var status in new[] { InvitationStatus.Sent, InvitationStatus.Accepted, InvitationStatus.Declined, InvitationStatus.Expired })
        {
            Assert.True(statuses.GetValueOrDefault(status) > 0, $"No invitation is {status}.");
        }

        Assert.All(invitations, i => Assert.InRange(i.SentAt, asOf.AddDays(-366), asOf));
        Assert.Contains(invitations, i => i.SentAt < asOf.AddDays(-270));
        Assert.Contains(invitations, i => i.ProjectId is not null);
        Assert.Equal(invitations.Count, invitations.Select(i => i.Id).Distinct().Count());
        // The invitations spread over the ICSs, so most ICSs have outcomes to show.
        Assert.True(invitations.Select(i => i.IntegratedCareSystemId).Distinct().Count() > 30);
    }

    [Fact]
    public void EveryDemoInvitationKeepsTheRulesAnInviterMeetsWhenSendingOne()
    {
        var network = Network.Value;
        var asOf = new DateTimeOffset(AsOf.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var people = network.People.ToDictionary(p => p.Id);
        var employers = network.Employments.Where(e => e.Until is null).ToLookup(e => e.PersonId, e => e.OrganisationId);
        var skills = network.Skills.Select(s => s.Id).ToHashSet();
        var projectsOf = network.Contributions.ToLookup(c => c.PersonId, c => c.ProjectId);
        var systems = network.IntegratedCareSystems.Select(s => s.Id).ToHashSet();

        foreach (var i in network.InvitationHistory)
        {
            var inviter = people[i.InviterId];
            var invitee = people[i.InviteeId];
            var colleagues = employers[i.InviterId].Intersect(employers[i.InviteeId]).Any();
            Assert.NotEqual(i.InviterId, i.InviteeId);
            Assert.True(colleagues || (inviter.Visibility != Visibility.Private && invitee.Visibility != Visibility.Private
                && invitee.Availability.Status != AvailabilityStatus.NotAvailable && invitee.Availability.OpenToCrossOrganisation),
                $"{inviter.DisplayName} could not have invited {invitee.DisplayName}.");
            Assert.Contains(i.IntegratedCareSystemId, systems);
            Assert.NotEmpty(i.SkillIds);
            Assert.All(i.SkillIds, s => Assert.Contains(s, skills));
            Assert.True(i.RespondBy > i.SentAt);
            if (i.Status is InvitationStatus.Accepted or InvitationStatus.Declined or InvitationStatus.Withdrawn)
            {
                Assert.NotNull(i.RespondedAt);
                Assert.InRange(i.RespondedAt!.Value, i.SentAt, i.RespondBy < asOf ? i.RespondBy : asOf);
            }
            else
            {
                Assert.Null(i.RespondedAt);
                Assert.Equal(i.Status == InvitationStatus.Expired, i.RespondBy <= asOf);
            }

            if (i.ProjectId is { } project)
            {
                Assert.Equal(InvitationStatus.Accepted, i.Status);
                Assert.Contains(project, projectsOf[i.InviterId]);
            }
        }

        // One invitation per inviter and invitee, and never more than the daily limit (20) from one inviter in 24 hours.
        Assert.Equal(network.InvitationHistory.Count, network.InvitationHistory.Select(i => (i.InviterId, i.InviteeId)).Distinct().Count());
        foreach (var sent in network.InvitationHistory.GroupBy(i => i.InviterId))
        {
            Assert.All(sent, i => Assert.True(sent.Count(o => Math.Abs((o.SentAt - i.SentAt).TotalHours) < 24) <= 20));
        }
    }
}
