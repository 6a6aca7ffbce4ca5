using MailKit.Security;

namespace IcsExpertiseGraph.Api.Notifications;

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "IcsExpertiseGraph <no-reply@ics-expertise-graph.local>";

    /// <summary>The right-hand side of every Message-ID: one outbox row, one Message-ID, on every attempt, so a receiver can drop a resend.</summary>
    public string MessageIdDomain { get; set; } = "ics-expertise-graph.local";

    /// <summary>
    /// How long one SMTP command, and the whole send of one message, may take. A stopping service lets the message in
    /// flight finish within this, so the host's shutdown timeout is set longer (see <see cref="NotificationOptions.ShutdownGrace"/>).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
