using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Projects;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's invitations: sent, answered, withdrawn, linked to a project, expired (decided by InvitationRules), each with its notification enqueued in the same transaction.</summary>
public sealed partial class Neo4jExpertiseStore
{
    public Task<Invitation> CreateInvitationAsync(Guid inviterId, InvitationDraft draft, InvitationPolicy policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        SideWriteAsync(async write =>
        {
            var inviter = await write.PersonAsync(inviterId);
            var skills = draft.SkillIds.Distinct().ToList();
            var row = (await write.FirstAsync("get-invitation-facts", ("inviterId", Id(inviterId)), ("inviteeId", Id(draft.InviteeId)), ("icsId", Id(draft.IntegratedCareSystemId)),
                ("skillIds", Ids(skills)), ("today", Date(DateOnly.FromDateTime(now.UtcDateTime))), ("now", Timestamp(now)), ("since", Timestamp(now.AddDays(-1)))))!.Value;
            var invitee = row["invitee"] is not null ? Neo4jMapping.Person(row.Map("invitee")) : null;
            InvitationRules.Check(new InvitationFacts(inviter, invitee, row.Bool("shareOrganisation"), row.TextOrNull("systemName") is not null,
                row.Int("knownSkills"), row.Int("openToSamePerson"), row.Int("sentInLastDay")), draft, policy);

            var invitation = new Invitation(Guid.CreateVersion7(now), inviterId, draft.InviteeId, draft.IntegratedCareSystemId, draft.Purpose, skills,
                draft.HoursRequested, draft.Message, draft.RespondBy, InvitationStatus.Sent, now, null, null, null);
            await write.RunAsync("create-invitation", ("id", Id(invitation.Id)), ("inviterId", Id(inviterId)), ("inviteeId", Id(draft.InviteeId)),
                ("icsId", Id(draft.IntegratedCareSystemId)), ("purpose", draft.Purpose), ("skillIds", Ids(skills)), ("hoursRequested", draft.HoursRequested),
                ("message", draft.Message), ("respondBy", Timestamp(draft.RespondBy)), ("now", Timestamp(now)));
            await write.AuditAsync(now, inviterId, InvitationAudit.Sent(invitation));
            await EnqueueAsync(write, InvitationNotices.Received(invitation, inviter, invitee!, row.Text("systemName")), invitation.Id, now);
            return invitation;
        }, cancellationToken);

    public Task<Invitation> RespondToInvitationAsync(Guid invitationId, Guid inviteeId, InvitationResponse response, string? message, DateTimeOffset now, CancellationToken cancellationToken) =>
        SideWriteAsync(async write =>
        {
            var before = await InvitationOrNullAsync(write, invitationId);
            InvitationRules.CheckAnswer(before, inviteeId, now);
            var accepted = response == InvitationResponse.Accept;
            var after = before! with { Status = accepted ? InvitationStatus.Accepted : InvitationStatus.Declined, RespondedAt = now, ResponseMessage = message };
            await SetStatusAsync(write, after);
            await write.AuditAsync(now, inviteeId, InvitationAudit.Answered(before, after));
            await EnqueueAsync(write, InvitationNotices.Answered(after, await write.PersonAsync(after.InviterId), await write.PersonAsync(inviteeId), accepted), invitationId, now);
            return after;
        }, cancellationToken);

    public Task<Invitation> WithdrawInvitationAsync(Guid invitationId, Guid inviterId, DateTimeOffset now, CancellationToken cancellationToken) =>
        SideWriteAsync(async write =>
        {
            var before = await InvitationOrNullAsync(write, invitationId);
            InvitationRules.CheckWithdrawal(before, inviterId, now);
            var after = before! with { Status = InvitationStatus.Withdrawn };
            await SetStatusAsync(write, after);
            await write.AuditAsync(now, inviterId, InvitationAudit.Withdrawn(before, after));
            await EnqueueAsync(write, InvitationNotices.Withdrawn(after, await write.PersonAsync(inviterId), await write.PersonAsync(after.InviteeId)), invitationId, now);
            return after;
        }, cancellationToken);

    public Task<Invitation> LinkInvitationToProjectAsync(Guid invitationId, Guid actorId, Guid projectId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var before = await InvitationOrNullAsync(write, invitationId);
            var contributes = (await write.FirstAsync("get-project-contributor", ("projectId", Id(projectId)), ("personId", Id(before?.InviterId ?? actorId))))?.Long("contributes") > 0;
            InvitationRules.CheckLink(before, actorId, contributes);
            var after = before! with { ProjectId = projectId };
            await write.RunAsync("link-invitation-project", ("id", Id(invitationId)), ("projectId", Id(projectId)));
            await write.AuditAsync(now, actorId, InvitationAudit.Linked(before, after));
            // The work the invitation led to is evidence of the invitee's expertise: when they link it themselves, they join the
            // project as an ADVISOR (unless already in it, or asking to): at once when the inviter leads it, else by asking its leads.
            var link = InvitationRules.EvidenceOf(after, now);
            var facts = await JoinFactsAsync(write, projectId, link.PersonId);
            if (InvitationRules.AddsEvidence(after, actorId) && facts.Contribution is null && facts.Pending is null)
            {
                if (ProjectRules.JoinsThroughInvitationAtOnce(after.InviterId, facts.Leads))
                {
                    await write.RunAsync("add-contribution", ("personId", Id(link.PersonId)), ("projectId", Id(projectId)), ("role", EnumText.Name(link.Role)),
                        ("from", Date(link.From)), ("to", Date(link.To)));
                    await write.TouchPersonAsync(link.PersonId, now);
                    await write.AuditAsync(now, actorId, ProjectRules.ContributedThrough(invitationId, link));
                }
                else
                {
                    var request = await CreatePendingAsync(write, link, JoinRequestKind.Request, now);
                    await write.AuditAsync(now, actorId, ProjectRules.RequestedThrough(invitationId, link));
                    await TellDecidersAsync(write, await write.ProjectAsync(projectId, "projectId"), request, facts.Leads, now);
                }
            }

            return after;
        }, cancellationToken);

    public async Task<int> ExpireInvitationsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A cheap read first: most sweeps find nothing, and need not queue for the write lock.
        if (!Neo4jRecord.All(await ReadAsync("find-expired-invitations", cancellationToken, ("now", Timestamp(now)))).Any())
        {
            return 0;
        }

        return await SideWriteAsync(async write =>
        {
            var ids = Neo4jRecord.All(await write.RunAsync("find-expired-invitations", ("now", Timestamp(now)))).Select(r => r.Text("id")).ToArray();
            var due = Neo4jRecord.All(await write.RunAsync("get-invitations", ("ids", ids))).Select(r => Neo4jMapping.Invitation(r.Map("invitation"))).ToList();
            foreach (var invitation in due)
            {
                var expired = invitation with { Status = InvitationStatus.Expired };
                await SetStatusAsync(write, expired);
                await write.AuditAsync(now, null, InvitationAudit.Expired(invitation));
            }

            return due.Count;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Invitation>> GetInvitationsOfPersonAsync(Guid personId, InvitationSide side, int limit, CancellationToken cancellationToken) =>
        [.. Neo4jRecord.All(await ReadAsync("get-invitations-of-person", cancellationToken, ("personId", Id(personId)), ("sent", side == InvitationSide.Sent), ("limit", limit)))
            .Select(r => Neo4jMapping.Invitation(r.Map("invitation")))];

    public async Task<IReadOnlyList<Invitation>> GetInvitationsForSystemAsync(Guid icsId, CancellationToken cancellationToken) =>
        [.. Neo4jRecord.All(await ReadAsync("get-invitations-for-system", cancellationToken, ("icsId", Id(icsId)))).Select(r => Neo4jMapping.Invitation(r.Map("invitation")))];

    public async Task<IReadOnlySet<Guid>> GetAcceptedInviteesAsync(Guid inviterId, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        Neo4jRecord.All(await ReadAsync("get-accepted-invitees", cancellationToken, ("inviterId", Id(inviterId)), ("ids", Ids(personIds)))).Select(r => r.Id("id")).ToHashSet();

    private static async Task<Invitation?> InvitationOrNullAsync(Neo4jWork write, Guid id) =>
        await write.FirstAsync("get-invitations", ("ids", new[] { Id(id) })) is { } row ? Neo4jMapping.Invitation(row.Map("invitation")) : null;

    private static Task<Neo4jResult> SetStatusAsync(Neo4jWork write, Invitation invitation) =>
        write.RunAsync("set-invitation-status", ("id", Id(invitation.Id)), ("status", EnumText.Name(invitation.Status)),
            ("respondedAt", Timestamp(invitation.RespondedAt)), ("responseMessage", invitation.ResponseMessage));

    /// <summary>Puts the notification in the outbox, in the transaction of the change it reports.</summary>
    private static Task<Neo4jResult> EnqueueAsync(Neo4jWork write, Notice notice, Guid? invitationId, DateTimeOffset now) =>
        write.RunAsync("enqueue-notification", ("id", Id(Guid.CreateVersion7(now))), ("kind", EnumText.Name(notice.Kind)), ("invitationId", Id(invitationId)),
            ("projectId", Id(notice.ProjectId)), ("aboutPersonId", Id(notice.AboutPersonId)), ("recipientId", Id(notice.RecipientId)),
            ("recipientEmail", notice.RecipientEmail), ("subject", notice.Subject), ("body", notice.Body), ("now", Timestamp(now)));
}
