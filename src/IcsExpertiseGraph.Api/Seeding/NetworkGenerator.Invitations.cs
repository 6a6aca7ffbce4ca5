using Bogus;
using IcsExpertiseGraph.Api.Domain;
using Person = IcsExpertiseGraph.Api.Domain.Person;

namespace IcsExpertiseGraph.Api.Seeding;

public sealed partial class NetworkGenerator
{
    /// <summary>Days an invitee is given to answer, as the inviting pages offer.</summary>
    private const int MinDaysToAnswer = 14, MaxDaysToAnswer = 28;

    /// <summary>The default of Invitations:DailyLimitPerInviter: the seed sends no more than a live service would accept.</summary>
    private const int DailyLimitPerInviter = 20;

    private readonly List<Invitation> invitations = [];

    /// <summary>
    /// A year of invitations to design work, so the outcomes and demand pages have history on first start: about one per
    /// five people, sent by members of an ICS to people who hold the skills asked for, and kept to the rules inviteExpert
    /// enforces (nobody invites themself; a private person, or one not available or not open to other organisations, is
    /// invited only by a colleague at their own organisation; one invitation per inviter and invitee; at most the daily
    /// limit per inviter in any 24 hours). Answered ones were answered before they expired; some accepted ones are linked
    /// to a project the inviter works on, and where the invitee made the link they advise on it from that day.
    /// Drawn from a random stream of their own, so the rest of the network is the same with or without them.
    /// </summary>
    private void GenerateInvitations(int peopleCount)
    {
        if (peopleCount < 2)
        {
            return;
        }

        var draw = new Randomizer(invitationSeed);
        var byIcs = Enumerable.Range(0, peopleCount).GroupBy(i => primaryEmployer[i].IntegratedCareSystemId!.Value).ToDictionary(g => g.Key, g => g.ToArray());
        var projectsOf = contributions.ToLookup(c => c.PersonId, c => c.ProjectId);
        var contributing = contributions.Select(c => (c.PersonId, c.ProjectId)).ToHashSet();
        var projectsById = projects.ToDictionary(p => p.Id);
        var pairs = new HashSet<(int, int)>();
        var sentBy = new Dictionary<int, List<DateTimeOffset>>();
        var systemNames = systems.ToDictionary(s => s.Id, s => s.Name);
        var target = Math.Max(1, peopleCount / 5);
        for (var attempt = 0; invitations.Count < target && attempt < target * 6; attempt++)
        {
            var inviter = draw.Int(0, peopleCount - 1);
            if (people[inviter].Visibility == Visibility.Private)
            {
                continue;
            }

            var icsId = primaryEmployer[inviter].IntegratedCareSystemId!.Value;
            var invitee = draw.ArrayElement(byIcs[icsId]);
            var sameOrganisation = primaryEmployer[invitee].Id == primaryEmployer[inviter].Id;
            var held = skillsOfPerson[invitee].Where(s => s.Level >= SkillLevel.Practitioner).Select(s => s.SkillId).ToList();
            if (invitee == inviter || held.Count == 0 || !pairs.Add((inviter, invitee)) || !MayBeInvited(people[invitee], sameOrganisation))
            {
                continue;
            }

            var sent = asOfInstant.AddDays(-draw.Int(0, 364)).AddMinutes(-draw.Int(0, 600));
            var recent = sentBy.TryGetValue(inviter, out var times) ? times : sentBy[inviter] = [];
            if (recent.Count(t => Math.Abs((t - sent).TotalHours) < 24) >= DailyLimitPerInviter)
            {
                continue;
            }

            recent.Add(sent);
            var asked = draw.ListItems(held, Math.Min(held.Count, draw.Int(1, 2))).ToList();
            if (draw.Bool(0.15f))
            {
                // Sometimes the ask is for something the invitee does not hold: demand the network cannot yet meet.
                var extra = skills[draw.Int(0, skills.Count - 1)].Id;
                if (!asked.Contains(extra))
                {
                    asked.Add(extra);
                }
            }

            var respondBy = sent.AddDays(draw.Int(MinDaysToAnswer, MaxDaysToAnswer));
            var topic = draw.ArrayElement(SeedVocabulary.ProjectTopics);
            var invitation = new Invitation(draw.Guid(), people[inviter].Id, people[invitee].Id, icsId,
                $"Help design {topic} across {systemNames[icsId].Replace(" Integrated Care Board", "", StringComparison.Ordinal)}", asked,
                draw.Int(2, 16), draw.Bool(0.6f) ? "Your experience would make a real difference to this work." : null, respondBy,
                InvitationStatus.Sent, sent, null, null, null);
            invitations.Add(Outcome(draw, invitation, [.. projectsOf[people[inviter].Id].Select(id => projectsById[id])], contributing));
        }
    }

    /// <summary>Whether the rules let this person be invited by someone at another organisation (anyone at their own may).</summary>
    private static bool MayBeInvited(Person invitee, bool sameOrganisation) =>
        sameOrganisation || (invitee.Visibility != Visibility.Private && invitee.Availability.Status != AvailabilityStatus.NotAvailable
            && invitee.Availability.OpenToCrossOrganisation);

    /// <summary>What became of one invitation by the as-of moment: still open, answered, withdrawn or expired.</summary>
    private Invitation Outcome(Randomizer draw, Invitation sent, List<Project> inviterProjects, HashSet<(Guid, Guid)> contributing)
    {
        var stillOpen = sent.RespondBy > asOfInstant;
        var status = draw.WeightedRandom([InvitationStatus.Accepted, InvitationStatus.Declined, InvitationStatus.Withdrawn, InvitationStatus.Expired, InvitationStatus.Sent],
            stillOpen ? [0.25f, 0.15f, 0.05f, 0f, 0.55f] : [0.45f, 0.25f, 0.08f, 0.22f, 0f]);
        if (status is InvitationStatus.Sent or InvitationStatus.Expired)
        {
            return sent with { Status = status };
        }

        // Answered (or withdrawn) before the deadline and before the as-of moment.
        var latest = sent.RespondBy < asOfInstant ? sent.RespondBy : asOfInstant;
        var answered = sent.SentAt.AddMinutes(draw.Long(30, Math.Max(31, (long)(latest - sent.SentAt).TotalMinutes - 1)));
        if (status == InvitationStatus.Withdrawn)
        {
            return sent with { Status = status, RespondedAt = answered };
        }

        var reply = status == InvitationStatus.Accepted
            ? draw.ArrayElement(["Happy to help.", "Yes: I can give the hours asked.", "Glad to; let us talk next week."])
            : draw.ArrayElement(["Not this quarter, sorry.", "I cannot give the hours at the moment.", "A colleague would suit this better."]);
        var answer = sent with { Status = status, RespondedAt = answered, ResponseMessage = draw.Bool(0.7f) ? reply : null };
        var answeredOn = DateOnly.FromDateTime(answered.UtcDateTime);
        // The design work it led to: a project the inviter works on that was still to come or under way when it was accepted.
        var ledTo = inviterProjects.Where(p => p.EndDate is null || p.EndDate >= answeredOn).OrderBy(p => p.Id).ToList();
        if (status != InvitationStatus.Accepted || ledTo.Count == 0 || !draw.Bool(0.6f))
        {
            return answer;
        }

        var project = draw.ListItem(ledTo);
        var linked = answer with { ProjectId = project.Id };
        var byInvitee = draw.Bool(0.5f);
        if (byInvitee && contributing.Add((linked.InviteeId, project.Id)))
        {
            // The invitee's own link makes them a contributor (as InvitationRules.EvidenceOf does for the real mutation).
            contributions.Add(new Contribution(linked.InviteeId, project.Id, ContributionRole.Advisor, answeredOn, project.EndDate));
        }

        return linked;
    }
}
