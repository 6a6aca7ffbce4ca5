using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Invitations;

public static class InvitationReport
{
    public const int MaxDemandRows = 20;

    /// <summary>The counts by status as of <paramref name="now"/>, the median time to an answer, and the most-asked-for skills with their supply.</summary>
    public static InvitationOutcomes Build(Guid icsId, IReadOnlyList<Invitation> invitations, DateTimeOffset now, Func<Guid, int> availableExperts)
    {
        var statuses = invitations.Select(i => i.StatusAt(now)).ToList();
        int Count(InvitationStatus status) => statuses.Count(s => s == status);
        var hours = invitations.Where(i => i.RespondedAt is not null && i.Status is InvitationStatus.Accepted or InvitationStatus.Declined)
            .Select(i => (i.RespondedAt!.Value - i.SentAt).TotalHours).Order().ToList();
        double? median = hours.Count == 0 ? null : hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2;
        var demand = invitations.SelectMany(i => i.SkillIds.Distinct()).GroupBy(s => s)
            .Select(g => (SkillId: g.Key, Requested: g.Count()))
            .OrderByDescending(d => d.Requested).ThenBy(d => d.SkillId)
            .Take(MaxDemandRows)
            .Select(d => new SkillDemand(d.SkillId, d.Requested, availableExperts(d.SkillId)))
            .ToList();
        return new InvitationOutcomes(icsId, invitations.Count, Count(InvitationStatus.Sent), Count(InvitationStatus.Accepted), Count(InvitationStatus.Declined),
            Count(InvitationStatus.Withdrawn), Count(InvitationStatus.Expired), invitations.Count(i => i.ProjectId is not null), median, demand);
    }
}
