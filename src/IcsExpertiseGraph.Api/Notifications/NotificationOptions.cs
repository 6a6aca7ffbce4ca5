using MailKit.Security;

namespace IcsExpertiseGraph.Api.Notifications;

/// <summary>Notifications:* configuration: how the outbox is swept and, when Smtp:Host is set, delivered.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Where email goes; without a host nothing is emailed and notifications stay readable in the outbox and in <c>me</c>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the outbox is looked at (and open invitations past their deadline recorded as EXPIRED).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim keeps other senders off a message; a sender that dies mid-delivery gives it up when this lapses.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a message is given up (it stays readable in the recipient's notifications).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The host's shutdown timeout must outlast a message in flight: the SMTP timeout and a margin to mark it sent.</summary>
    public TimeSpan ShutdownGrace => Smtp.Timeout + TimeSpan.FromSeconds(15);
}

