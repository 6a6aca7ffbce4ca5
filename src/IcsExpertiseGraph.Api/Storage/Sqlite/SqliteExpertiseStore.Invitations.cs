using System.Text.Json;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Projects;
using Microsoft.Data.Sqlite;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's invitations: sent, answered, withdrawn, linked to a project, expired (decided by InvitationRules), each with its notification enqueued in the same transaction.</summary>
public sealed partial class SqliteExpertiseStore
{
    private const string InvitationColumns =
        "i.id, i.inviter_id, i.invitee_id, i.ics_id, i.purpose, i.skill_ids, i.hours_requested, i.message, i.respond_by, i.status, i.sent_at, " +
        "i.responded_at, i.response_message, i.project_id";

    /// <summary>Shares a current employer: colleagues may invite each other whatever their visibility and availability.</summary>
    private const string ShareOrganisationSql = """
        SELECT EXISTS (SELECT 1 FROM works_at a JOIN works_at b ON b.organisation_pk = a.organisation_pk
            WHERE a.person_pk = (SELECT pk FROM person WHERE id = $a) AND b.person_pk = (SELECT pk FROM person WHERE id = $b)
              AND (a.until IS NULL OR a.until >= $today) AND (b.until IS NULL OR b.until >= $today))
        """;

    public Task<Invitation> CreateInvitationAsync(Guid inviterId, InvitationDraft draft, InvitationPolicy policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var inviter = write.Person(inviterId);
            var invitee = write.Single($"SELECT {PersonColumns} FROM person p WHERE p.id = $id", ReadPerson, ("$id", Id(draft.InviteeId)));
            var skills = draft.SkillIds.Distinct().ToList();
            var facts = new InvitationFacts(
                inviter, invitee,
                write.SingleValue(ShareOrganisationSql, r => r.GetInt64(0) == 1, ("$a", Id(inviterId)), ("$b", Id(draft.InviteeId)), ("$today", Date(DateOnly.FromDateTime(now.UtcDateTime)))) == true,
                write.SingleValue("SELECT 1 FROM integrated_care_system WHERE id = $id", r => r.GetInt64(0), ("$id", Id(draft.IntegratedCareSystemId))) is not null,
                (int)write.SingleValue("SELECT count(*) FROM skill WHERE id IN (SELECT value FROM json_each($ids))", r => r.GetInt64(0), ("$ids", JsonIds(skills)))!.Value,
                (int)write.SingleValue("SELECT count(*) FROM invitation WHERE inviter_id = $inviter AND invitee_id = $invitee AND status = 'SENT' AND respond_by > $now",
                    r => r.GetInt64(0), ("$inviter", Id(inviterId)), ("$invitee", Id(draft.InviteeId)), ("$now", Timestamp(now)))!.Value,
                (int)write.SingleValue("SELECT count(*) FROM invitation WHERE inviter_id = $inviter AND sent_at > $since",
                    r => r.GetInt64(0), ("$inviter", Id(inviterId)), ("$since", Timestamp(now.AddDays(-1))))!.Value);
            InvitationRules.Check(facts, draft, policy);

            var invitation = new Invitation(Guid.CreateVersion7(now), inviterId, draft.InviteeId, draft.IntegratedCareSystemId, draft.Purpose, skills,
                draft.HoursRequested, draft.Message, draft.RespondBy, InvitationStatus.Sent, now, null, null, null);
            write.Execute("""
                INSERT INTO invitation (id, inviter_id, invitee_id, ics_id, purpose, skill_ids, hours_requested, message, respond_by, status, sent_at)
                VALUES ($id, $inviter, $invitee, $ics, $purpose, $skills, $hours, $message, $respondBy, 'SENT', $now)
                """,
                ("$id", Id(invitation.Id)), ("$inviter", Id(inviterId)), ("$invitee", Id(draft.InviteeId)), ("$ics", Id(draft.IntegratedCareSystemId)),
                ("$purpose", draft.Purpose), ("$skills", JsonIds(skills)), ("$hours", draft.HoursRequested), ("$message", Text(draft.Message)),
                ("$respondBy", Timestamp(draft.RespondBy)), ("$now", Timestamp(now)));
            var systemName = write.Single("SELECT name FROM integrated_care_system WHERE id = $id", r => r.GetString(0), ("$id", Id(draft.IntegratedCareSystemId)))!;
            write.Audit(now, inviterId, InvitationAudit.Sent(invitation));
            write.Enqueue(InvitationNotices.Received(invitation, inviter, invitee!, systemName), invitation.Id, now);
            return invitation;
        }, changesReadModels: false, cancellationToken);

    public Task<Invitation> RespondToInvitationAsync(Guid invitationId, Guid inviteeId, InvitationResponse response, string? message, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var before = write.Invitation(invitationId);
            InvitationRules.CheckAnswer(before, inviteeId, now);
            var accepted = response == InvitationResponse.Accept;
            var after = before! with { Status = accepted ? InvitationStatus.Accepted : InvitationStatus.Declined, RespondedAt = now, ResponseMessage = message };
            write.Execute("UPDATE invitation SET status = $status, responded_at = $now, response_message = $message WHERE id = $id",
                ("$status", EnumText.Name(after.Status)), ("$now", Timestamp(now)), ("$message", Text(message)), ("$id", Id(invitationId)));
            write.Audit(now, inviteeId, InvitationAudit.Answered(before, after));
            write.Enqueue(InvitationNotices.Answered(after, write.Person(after.InviterId), write.Person(inviteeId), accepted), invitationId, now);
            return after;
        }, changesReadModels: false, cancellationToken);

    public Task<Invitation> WithdrawInvitationAsync(Guid invitationId, Guid inviterId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var before = write.Invitation(invitationId);
            InvitationRules.CheckWithdrawal(before, inviterId, now);
            var after = before! with { Status = InvitationStatus.Withdrawn };
            write.Execute("UPDATE invitation SET status = 'WITHDRAWN' WHERE id = $id", ("$id", Id(invitationId)));
            write.Audit(now, inviterId, InvitationAudit.Withdrawn(before, after));
            write.Enqueue(InvitationNotices.Withdrawn(after, write.Person(inviterId), write.Person(after.InviteeId)), invitationId, now);
            return after;
        }, changesReadModels: false, cancellationToken);

    public Task<Invitation> LinkInvitationToProjectAsync(Guid invitationId, Guid actorId, Guid projectId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var before = write.Invitation(invitationId);
            var contributes = write.SingleValue("""
                SELECT 1 FROM contributed_to c JOIN project j ON j.pk = c.project_pk JOIN person p ON p.pk = c.person_pk
                WHERE j.id = $project AND p.id = $inviter
                """, r => r.GetInt64(0), ("$project", Id(projectId)), ("$inviter", Id(before?.InviterId ?? actorId))) is not null;
            InvitationRules.CheckLink(before, actorId, contributes);
            var project = write.ProjectPk(projectId, "projectId");
            var after = before! with { ProjectId = projectId };
            write.Execute("UPDATE invitation SET project_id = $project WHERE id = $id", ("$project", Id(projectId)), ("$id", Id(invitationId)));
            write.Audit(now, actorId, InvitationAudit.Linked(before, after));
            // The work the invitation led to is evidence of the invitee's expertise: when they link it themselves, they join the
            // project as an ADVISOR (unless already in it, or asking to): at once when the inviter leads it, else by asking its leads.
            var link = InvitationRules.EvidenceOf(after, now);
            var invitee = write.PersonPk(link.PersonId);
            if (InvitationRules.AddsEvidence(after, actorId) && !write.Contributes(invitee, project) && write.Pending(invitee, project) is null)
            {
                var leads = write.Leads(project);
                if (ProjectRules.JoinsThroughInvitationAtOnce(after.InviterId, leads))
                {
                    write.Execute("INSERT INTO contributed_to (person_pk, project_pk, role, from_date) VALUES ($person, $project, $role, $from)",
                        ("$person", invitee), ("$project", project), ("$role", EnumText.Name(link.Role)), ("$from", Date(link.From)));
                    write.TouchPerson(link.PersonId, now);
                    write.Audit(now, actorId, ProjectRules.ContributedThrough(invitationId, link));
                }
                else
                {
                    var request = write.InsertPending(invitee, project, link, JoinRequestKind.Request, now);
                    write.Audit(now, actorId, ProjectRules.RequestedThrough(invitationId, link));
                    write.TellDeciders(projectId, request, leads, now);
                }
            }

            return after;
        }, cancellationToken);

    public async Task<int> ExpireInvitationsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A cheap read first: most sweeps find nothing, and need not queue for the write lock.
        if ((await ListAsync("SELECT count(*) FROM invitation WHERE status = 'SENT' AND respond_by <= $now", r => r.GetInt64(0), cancellationToken, ("$now", Timestamp(now))))[0] == 0)
        {
            return 0;
        }

        return await WriteAsync(write =>
        {
            var due = write.All($"SELECT {InvitationColumns} FROM invitation i WHERE i.status = 'SENT' AND i.respond_by <= $now", ReadInvitation, ("$now", Timestamp(now)));
            foreach (var invitation in due)
            {
                write.Execute("UPDATE invitation SET status = 'EXPIRED' WHERE id = $id", ("$id", Id(invitation.Id)));
                write.Audit(now, null, InvitationAudit.Expired(invitation));
            }

            return due.Count;
        }, changesReadModels: false, cancellationToken);
    }

    public Task<IReadOnlyList<Invitation>> GetInvitationsOfPersonAsync(Guid personId, InvitationSide side, int limit, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {InvitationColumns} FROM invitation i WHERE i.{(side == InvitationSide.Sent ? "inviter_id" : "invitee_id")} = $person ORDER BY i.sent_at DESC, i.id DESC LIMIT $limit",
            ReadInvitation, cancellationToken, ("$person", Id(personId)), ("$limit", limit));

    public Task<IReadOnlyList<Invitation>> GetInvitationsForSystemAsync(Guid icsId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {InvitationColumns} FROM invitation i WHERE i.ics_id = $ics ORDER BY i.sent_at, i.id", ReadInvitation, cancellationToken, ("$ics", Id(icsId)));

    public async Task<IReadOnlySet<Guid>> GetAcceptedInviteesAsync(Guid inviterId, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        (await ListAsync("SELECT DISTINCT invitee_id FROM invitation WHERE inviter_id = $inviter AND status = 'ACCEPTED' AND invitee_id IN (SELECT value FROM json_each($ids))",
            r => r.GetId(0), cancellationToken, ("$inviter", Id(inviterId)), ("$ids", JsonIds(personIds)))).ToHashSet();

    private async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static Invitation ReadInvitation(SqliteDataReader r) => new(
        r.GetId(0), r.GetId(1), r.GetId(2), r.GetId(3), r.GetString(4), [.. JsonSerializer.Deserialize<string[]>(r.GetString(5))!.Select(Guid.Parse)],
        r.GetInt32(6), r.GetTextOrNull(7), r.GetTimestampOrNull(8)!.Value, r.GetEnum<InvitationStatus>(9), r.GetTimestampOrNull(10)!.Value,
        r.GetTimestampOrNull(11), r.GetTextOrNull(12), r.GetIdOrNull(13));

    /// <summary>The invitation-related statements of a write.</summary>
    private sealed partial class Write
    {
        public Invitation? Invitation(Guid id) =>
            Single($"SELECT {InvitationColumns} FROM invitation i WHERE i.id = $id", ReadInvitation, ("$id", Id(id)));

        public List<T> All<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return rows;
        }

        /// <summary>Puts the notification in the outbox, in the transaction of the change it reports.</summary>
        public void Enqueue(Notice notice, Guid? invitationId, DateTimeOffset now) =>
            Execute("""
                INSERT INTO outbox_message (id, kind, invitation_id, project_id, about_person_id, recipient_id, recipient_email, subject, body, created_at, next_attempt_at)
                VALUES ($id, $kind, $invitation, $project, $about, $recipient, $email, $subject, $body, $now, $now)
                """,
                ("$id", Id(Guid.CreateVersion7(now))), ("$kind", EnumText.Name(notice.Kind)), ("$invitation", invitationId is { } i ? Id(i) : null),
                ("$project", notice.ProjectId is { } j ? Id(j) : null), ("$about", notice.AboutPersonId is { } a ? Id(a) : null), ("$recipient", Id(notice.RecipientId)),
                ("$email", Text(notice.RecipientEmail)), ("$subject", notice.Subject), ("$body", notice.Body), ("$now", Timestamp(now)));
    }
}
