using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IcsExpertiseGraph.Api.Notifications;

/// <summary>
/// The background worker of the outbox. Each round it records overdue invitations as EXPIRED, then (with SMTP
/// configured) claims due messages, sends each with a Message-ID fixed by its outbox row, and marks it sent.
/// Delivery is at least once: a crash after the SMTP server accepted a message but before it was marked sent means it
/// is sent again once the claim lapses, with the same Message-ID, so the receiver can tell it is the same message.
/// A graceful stop gives back the claims it did not use, so the next instance sends them at once; a message already
/// being sent is finished first (bounded by <see cref="SmtpOptions.Timeout"/>), never cut off between its body and the
/// server's reply, which would leave it accepted but not marked sent and so sent twice.
/// </summary>
public sealed partial class OutboxSender(
    IExpertiseStore store, IOptions<NotificationOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<OutboxSender> logger)
    : BackgroundService
{
    private readonly NotificationOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round waits until the host has started, so after the store's migrations (StoreInitializer runs
        // them in its StartAsync), wherever Program.cs lists invitations among the features.
        if (!await HasStartedAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.ExpireInvitationsAsync(clock.GetUtcNow(), stoppingToken);
                if (settings.Smtp.IsConfigured)
                {
                    while (await SendDueAsync(stoppingToken) > 0)
                    {
                        // A full batch may mean more are due: keep going until the outbox has nothing due.
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (StoreUnavailableException)
            {
                // Already reported by the store initializer; the next round tries again.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }

            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> HasStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One batch: claim, send, mark. Returns how many were claimed.</summary>
    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimUntil = now + settings.ClaimLease;
        var claimed = await store.ClaimOutboxAsync(settings.BatchSize, now, claimUntil, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var pending = new Queue<OutboxMessage>(claimed);
        try
        {
            var smtp = settings.Smtp;
            using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            while (pending.TryPeek(out var message))
            {
                // Shutdown is heeded only here, between messages: the claims not yet used are given back below.
                cancellationToken.ThrowIfCancellationRequested();
                if (clock.GetUtcNow() + settings.Smtp.Timeout >= claimUntil)
                {
                    // The claim could lapse while this message is on its way, and another sender could then send it too:
                    // the rest of the batch is left to lapse and be claimed afresh (by whoever is first).
                    break;
                }

                if (message.RecipientEmail is null || !MailboxAddress.TryParse(message.RecipientEmail, out _))
                {
                    // No attempt can succeed: give it up now (it stays readable in the recipient's notifications).
                    pending.Dequeue();
                    await store.MarkOutboxFailedAsync(message, "The recipient's profile has no usable email address.", null, CancellationToken.None);
                    continue;
                }

                try
                {
                    // Not the shutdown token: once the body is on its way, only the server's answer (or the timeout) ends the send.
                    using var sending = new CancellationTokenSource(smtp.Timeout);
                    await client.SendAsync(Compose(message, smtp), sending.Token);
                }
                catch (SmtpCommandException rejected) when (client.IsConnected)
                {
                    // This message was refused (a mailbox, a size); the others may still go on this connection.
                    pending.Dequeue();
                    await FailAsync(message, rejected.Message);
                    continue;
                }

                pending.Dequeue();
                // Accepted by the server: record it even when stopping, or the next instance would send it again.
                await store.MarkOutboxSentAsync(message.Id, clock.GetUtcNow(), CancellationToken.None);
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var message in pending)
            {
                await store.MarkOutboxFailedAsync(message, "Interrupted: the service stopped.", clock.GetUtcNow(), CancellationToken.None);
            }

            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any other failure (a TLS handshake, a timeout, a malformed address, a protocol error): backoff, then give up.
            LogSmtpFailed(logger, settings.Smtp.Host!, settings.Smtp.Port, e.Message);
            foreach (var message in pending)
            {
                await FailAsync(message, e.Message);
            }
        }

        return claimed.Count;
    }

    /// <summary>Due again after an exponential backoff, or given up after MaxAttempts.</summary>
    private Task FailAsync(OutboxMessage message, string reason)
    {
        var delay = settings.FirstRetryDelay * Math.Pow(2, Math.Max(0, message.Attempts - 1));
        DateTimeOffset? retryAt = message.Attempts >= settings.MaxAttempts ? null : clock.GetUtcNow() + (delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay);
        return store.MarkOutboxFailedAsync(message, reason, retryAt, CancellationToken.None);
    }

    internal static MimeMessage Compose(OutboxMessage message, SmtpOptions smtp)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = MessageId(message.Id, smtp.MessageIdDomain),
            Date = message.CreatedAt,
            Body = new TextPart("plain") { Text = message.Body },
        };
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.RecipientEmail ?? throw new InvalidOperationException("A message without an address is never composed.")));
        return mime;
    }

    /// <summary>One outbox row, one Message-ID, whichever attempt or instance sends it.</summary>
    public static string MessageId(Guid outboxMessageId, string domain) => $"{outboxMessageId:N}@{domain}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver notifications through {Host}:{Port}: {Reason}; they will be retried")]
    private static partial void LogSmtpFailed(ILogger logger, string host, int port, string reason);
}
