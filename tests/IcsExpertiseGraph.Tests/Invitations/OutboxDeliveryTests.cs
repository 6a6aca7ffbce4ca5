using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests.Invitations;

/// <summary>
/// Notifications delivered by the service's outbox worker to a real SMTP server (the SmtpServer package, in-process):
/// exactly one message per notification, each with the Message-ID of its outbox row, also when the service stops in
/// the middle of a delivery and a new instance takes over the same database.
/// </summary>
public sealed class OutboxDeliveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-outbox", Guid.NewGuid().ToString("N"));

    /// <summary>The service on this test's database with no SMTP configured: notifications are written, none is sent.</summary>
    private async Task<InvitationScenario> WithoutSenderAsync()
    {
        var withoutSmtp = new ApiFactory { DemoPeople = 120 };
        withoutSmtp.Settings["Storage:Sqlite:Path"] = Path.Combine(directory, "expertise.db");
        var scenario = new InvitationScenario(withoutSmtp);
        await scenario.EnsureAsync();
        return scenario;
    }

    private ApiFactory Service(TestSmtpServer smtp)
    {
        var factory = new ApiFactory { DemoPeople = 120 };
        factory.Settings["Storage:Sqlite:Path"] = Path.Combine(directory, "expertise.db");
        smtp.Configure(factory);
        return factory;
    }

    [Fact]
    public async Task AnInvitationAndItsAcceptanceEachArriveOnceAddressedToTheRightPersonWithTheirOwnMessageId()
    {
        await using var smtp = new TestSmtpServer();
        using var scenario = new InvitationScenario(Service(smtp));
        await scenario.EnsureAsync();
        var (designer, expert) = scenario.Pair();
        var designerToken = await scenario.SignInAsync(designer);
        var expertToken = await scenario.SignInAsync(expert);

        var id = (await scenario.InviteAsync(designerToken, expert))["data"]!["inviteExpert"]!["id"].Str();
        await scenario.Factory.QueryAsync("mutation($id: ID!) { respondToInvitation(id: $id, response: ACCEPT) { status } }", new { id }, expertToken);
        var outbox = await DeliveredAsync(scenario, [designer, expert]);

        Assert.Equal(2, smtp.Received.Count);
        Assert.Equal(outbox.Select(m => OutboxSender.MessageId(m.Id, "ics-expertise-graph.local")).Order(), smtp.Received.Select(m => m.MessageId).Order());
        var invitation = smtp.Received.Single(m => m.To.Mailboxes.Single().Address == expert.Email);
        var acceptance = smtp.Received.Single(m => m.To.Mailboxes.Single().Address == designer.Email);
        Assert.Contains(designer.DisplayName, invitation.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(expert.Email!, invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains(expert.Email!, acceptance.TextBody, StringComparison.Ordinal);
        var seen = await scenario.Factory.QueryAsync("{ me { notifications { delivery emailedAt } } }", token: expertToken);
        Assert.Equal("EMAILED", seen["data"]!["me"]!["notifications"]![0]!["delivery"].Str());
    }

    [Fact]
    public async Task AServiceStoppedMidDeliveryLosesNothingAndItsSuccessorSendsNothingTwice()
    {
        await using var smtp = new TestSmtpServer();
        var first = new InvitationScenario(Service(smtp));
        await first.EnsureAsync();
        var (designer, expert) = first.Pair();
        var others = new[] { first.Pair().Expert, first.Pair().Expert };
        var token = await first.SignInAsync(designer);
        await first.InviteAsync(token, expert);
        await DeliveredAsync(first, [expert]);

        // The next message reaches the server and waits there for its reply; the service is told to stop while it waits.
        smtp.HoldNext();
        foreach (var other in others)
        {
            Assert.Null((await first.InviteAsync(token, other))["errors"]);
        }

        await smtp.Holding.Task.WaitAsync(Patience);
        var shutdownTimeout = first.Factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(stopping.SetResult);
        var stopped = first.Factory.DisposeAsync().AsTask();
        await stopping.Task.WaitAsync(Patience);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        // The server accepts the held message only after the stop began: the stopping service waits for that reply.
        smtp.Release();
        await stopped.WaitAsync(Patience);
        using var second = new InvitationScenario(Service(smtp));
        var outbox = await DeliveredAsync(second, [expert, .. others]);

        Assert.Equal(3, outbox.Count);
        Assert.True(shutdownTimeout > TimeSpan.FromSeconds(30), "the host must outwait a message in flight (the SMTP timeout)");
        // Each message arrived exactly once: the held one was finished and marked sent by the stopping service.
        Assert.Equal(outbox.Select(m => OutboxSender.MessageId(m.Id, "ics-expertise-graph.local")).Order(), smtp.Received.Select(m => m.MessageId).Order());
        Assert.Equal(3, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(new[] { expert.Email!, others[0].Email!, others[1].Email! }.Order(), smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public void AClaimShorterThanOneSendIsRefusedAtStartNamingBothSettings()
    {
        using var factory = new ApiFactory { DemoPeople = 10 };
        factory.Settings["Storage:Sqlite:Path"] = Path.Combine(directory, "expertise.db");
        factory.Settings["Notifications:ClaimLease"] = "00:00:20";
        factory.Settings["Notifications:Smtp:Timeout"] = "00:00:30";

        var refused = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Notifications:ClaimLease must be longer than Notifications:Smtp:Timeout", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageClaimedByASenderThatCrashedIsSentOnceItsClaimLapses()
    {
        await using var smtp = new TestSmtpServer();
        var first = await WithoutSenderAsync();
        var (designer, expert) = first.Pair();
        await first.InviteAsync(await first.SignInAsync(designer), expert);
        // A sender claims the message and dies without a word: no release, only its lease, which lapses in a second.
        var now = DateTimeOffset.UtcNow;
        var orphan = Assert.Single(await first.Factory.Store.ClaimOutboxAsync(10, now, now.AddSeconds(1), CancellationToken.None));
        await first.Factory.DisposeAsync();

        using var second = new InvitationScenario(Service(smtp));
        var delivered = Assert.Single(await DeliveredAsync(second, [expert]));

        Assert.Equal(orphan.Id, delivered.Id);
        Assert.Equal(2, delivered.Attempts);
        Assert.Equal(OutboxSender.MessageId(orphan.Id, "ics-expertise-graph.local"), Assert.Single(smtp.Received).MessageId);
    }

    [Fact]
    public async Task ASenderNeverStartsASendItsClaimMightNotOutlastAndTheMessageGoesOnceItsClaimLapses()
    {
        await using var smtp = new TestSmtpServer();
        // Two notifications are written while no sender runs, so the next sender claims both in one batch.
        var first = await WithoutSenderAsync();
        var (designer, expert) = first.Pair();
        var other = first.Pair().Expert;
        var token = await first.SignInAsync(designer);
        await first.InviteAsync(token, expert);
        await first.InviteAsync(token, other);
        await first.Factory.DisposeAsync();

        var clock = new InvitationConsentTests.MovableClock();
        var factory = new ApiFactory { DemoPeople = 120, TestServices = services => services.AddSingleton<TimeProvider>(clock) };
        factory.Settings["Storage:Sqlite:Path"] = Path.Combine(directory, "expertise.db");
        smtp.Configure(factory);
        smtp.HoldNext();
        using var second = new InvitationScenario(factory);
        await second.EnsureAsync();
        await smtp.Holding.Task.WaitAsync(Patience);
        // While the first message waits for the server's reply, most of the two-minute claim passes: the second message
        // could not be sent within what is left of it (one SMTP timeout, 30 s), so the sender must not start it.
        clock.Advance(TimeSpan.FromSeconds(100));
        var sessionsBefore = smtp.SessionsCompleted;
        smtp.Release();
        var deadline = DateTime.UtcNow + Patience;
        // The sender's batch is over when it hangs up: a sender that went on would have sent the second message on the same
        // connection before that (no wait for "long enough" needed to show it did not).
        while (smtp.SessionsCompleted == sessionsBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(smtp.SessionsCompleted > sessionsBefore, "The sender never hung up after the held message.");
        var whileClaimed = smtp.Received.Count;
        clock.Advance(TimeSpan.FromSeconds(60));
        var delivered = await DeliveredAsync(second, [expert, other]);

        Assert.Equal(1, whileClaimed);
        Assert.Equal(2, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(delivered.Select(m => OutboxSender.MessageId(m.Id, "ics-expertise-graph.local")).Order(), smtp.Received.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task AMessageTheServerRefusesIsRetriedAfterABackoffAndArrivesOnce()
    {
        await using var smtp = new TestSmtpServer();
        var factory = Service(smtp);
        factory.Settings["Notifications:FirstRetryDelay"] = "00:00:00.200";
        using var scenario = new InvitationScenario(factory);
        await scenario.EnsureAsync();
        var (designer, expert) = scenario.Pair();
        smtp.RefuseNext();

        await scenario.InviteAsync(await scenario.SignInAsync(designer), expert);
        await smtp.Holding.Task.WaitAsync(Patience);
        smtp.Release();
        var delivered = Assert.Single(await DeliveredAsync(scenario, [expert]));

        Assert.Equal(OutboxSender.MessageId(delivered.Id, "ics-expertise-graph.local"), Assert.Single(smtp.Received).MessageId);
        Assert.Equal((2, (string?)null), (delivered.Attempts, delivered.LastError));
    }

    [Fact]
    public async Task AFailedTlsHandshakeIsAFailedAttemptThatBacksOffAndIsGivenUpAfterMaxAttempts()
    {
        await using var smtp = new TestSmtpServer();
        var factory = Service(smtp);
        // TLS from the first byte, to a server that speaks plain SMTP: MailKit's SslHandshakeException, not an SMTP error.
        factory.Settings["Notifications:Smtp:Security"] = "SslOnConnect";
        factory.Settings["Notifications:MaxAttempts"] = "1";
        using var scenario = new InvitationScenario(factory);
        await scenario.EnsureAsync();
        var (designer, expert) = scenario.Pair();

        await scenario.InviteAsync(await scenario.SignInAsync(designer), expert);
        var deadline = DateTime.UtcNow + Patience;
        OutboxMessage message;
        while (!(message = Assert.Single(await scenario.Factory.Store.GetNotificationsAsync(expert.Id, 50, CancellationToken.None))).GaveUp)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not given up in time: attempts {message.Attempts} {message.LastError}");
            await Task.Delay(50);
        }

        Assert.Equal((1, (DateTimeOffset?)null), (message.Attempts, message.SentAt));
        Assert.False(string.IsNullOrEmpty(message.LastError));
        Assert.Empty(smtp.Received);
    }

    /// <summary>Waits (up to a generous limit) until every notification to these people is marked sent, and returns them.</summary>
    private static async Task<List<OutboxMessage>> DeliveredAsync(InvitationScenario scenario, IReadOnlyList<Person> recipients)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var messages = new List<OutboxMessage>();
            foreach (var person in recipients)
            {
                messages.AddRange(await scenario.Factory.Store.GetNotificationsAsync(person.Id, 50, CancellationToken.None));
            }

            if (messages.Count >= recipients.Count && messages.All(m => m.SentAt is not null))
            {
                return messages;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not delivered in time: {string.Join("; ", messages.Select(m => $"{m.Kind} attempts {m.Attempts} {m.LastError}"))}");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        SqlitePools.ReleaseUnder(directory);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
