using IcsExpertiseGraph.Api.Domain;
using Microsoft.Data.Sqlite;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's outbox: notifications claimed, sent or failed by the sender, and read back as a member's notifications (enqueued by the invitation and project-joining writes).</summary>
public sealed partial class SqliteExpertiseStore
{
    private const string OutboxColumns =
        "m.id, m.kind, m.invitation_id, m.recipient_id, m.recipient_email, m.subject, m.body, m.created_at, m.attempts, m.sent_at, m.last_error, m.gave_up, m.project_id";

    // Orders are by time, then id, as the Neo4j statements state them, so both stores list alike.
    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(int max, DateTimeOffset now, DateTimeOffset claimUntil, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<OutboxMessage>>(write =>
        {
            // IMMEDIATE: no other sender (in this process or another) can claim between this read and the update.
            var due = write.All($"""
                SELECT {OutboxColumns} FROM outbox_message m
                WHERE m.sent_at IS NULL AND m.gave_up = 0 AND m.next_attempt_at <= $now AND (m.claimed_until IS NULL OR m.claimed_until <= $now)
                ORDER BY m.created_at, m.id LIMIT $max
                """, ReadOutboxMessage, ("$now", Timestamp(now)), ("$max", max));
            var token = Guid.NewGuid();
            foreach (var message in due)
            {
                write.Execute("UPDATE outbox_message SET claimed_until = $until, claim_token = $token, attempts = attempts + 1 WHERE id = $id",
                    ("$until", Timestamp(claimUntil)), ("$token", Id(token)), ("$id", Id(message.Id)));
            }

            return [.. due.Select(m => m with { Attempts = m.Attempts + 1, ClaimToken = token })];
        }, changesReadModels: false, cancellationToken);

    public Task MarkOutboxSentAsync(Guid messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write => write.Execute("UPDATE outbox_message SET sent_at = $now, claimed_until = NULL, last_error = NULL WHERE id = $id",
            ("$now", Timestamp(now)), ("$id", Id(messageId))), changesReadModels: false, cancellationToken);

    public Task MarkOutboxFailedAsync(OutboxMessage claimed, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        WriteAsync(write => write.Execute("""
            UPDATE outbox_message SET claimed_until = NULL, claim_token = NULL, last_error = $error, next_attempt_at = coalesce($retryAt, next_attempt_at), gave_up = $gaveUp
            WHERE id = $id AND sent_at IS NULL AND claim_token = $token
            """, ("$error", failure), ("$retryAt", Timestamp(retryAt)), ("$gaveUp", retryAt is null ? 1 : 0), ("$id", Id(claimed.Id)),
            ("$token", claimed.ClaimToken is { } token ? Id(token) : null)), changesReadModels: false, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> GetNotificationsAsync(Guid recipientId, int limit, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {OutboxColumns} FROM outbox_message m WHERE m.recipient_id = $recipient ORDER BY m.created_at DESC, m.id DESC LIMIT $limit",
            ReadOutboxMessage, cancellationToken, ("$recipient", Id(recipientId)), ("$limit", limit));

    private static OutboxMessage ReadOutboxMessage(SqliteDataReader r) => new(
        r.GetId(0), r.GetEnum<NotificationKind>(1), r.GetIdOrNull(2), r.GetId(3), r.GetTextOrNull(4), r.GetString(5), r.GetString(6),
        r.GetTimestampOrNull(7)!.Value, r.GetInt32(8), r.GetTimestampOrNull(9), r.GetTextOrNull(10), r.GetInt64(11) == 1) { ProjectId = r.GetIdOrNull(12) };
}
