using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's outbox: notifications claimed, sent or failed by the sender, and read back as a member's notifications (enqueued by the invitation writes).</summary>
public sealed partial class Neo4jExpertiseStore
{
    /// <summary>
    /// Claims in an explicit transaction opened by the side-write lock, so two senders take turns whatever plan the
    /// claim statement gets, and a claim whose commit went unanswered is reported rather than retried.
    /// </summary>
    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(int max, DateTimeOffset now, DateTimeOffset claimUntil, CancellationToken cancellationToken) =>
        SideWriteAsync<IReadOnlyList<OutboxMessage>>(async write =>
        {
            var token = Guid.NewGuid();
            return [.. Neo4jRecord.All(await write.RunAsync("claim-outbox", ("now", Timestamp(now)), ("claimUntil", Timestamp(claimUntil)), ("max", max), ("claimToken", Id(token))))
                .Select(r => Neo4jMapping.OutboxMessage(r.Map("message")) with { ClaimToken = token })];
        }, cancellationToken);

    public Task MarkOutboxSentAsync(Guid messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadAsync("mark-outbox-sent", cancellationToken, ("id", Id(messageId)), ("now", Timestamp(now)));

    public Task MarkOutboxFailedAsync(OutboxMessage claimed, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        ReadAsync("mark-outbox-failed", cancellationToken, ("id", Id(claimed.Id)), ("claimToken", Id(claimed.ClaimToken)), ("error", failure), ("retryAt", Timestamp(retryAt)));

    public async Task<IReadOnlyList<OutboxMessage>> GetNotificationsAsync(Guid recipientId, int limit, CancellationToken cancellationToken) =>
        [.. Neo4jRecord.All(await ReadAsync("get-notifications", cancellationToken, ("recipientId", Id(recipientId)), ("limit", limit))).Select(r => Neo4jMapping.OutboxMessage(r.Map("message")))];
}
