using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace IcsExpertiseGraph.Tests.Invitations;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, keeping every message it accepts. It can be
/// told to hold the next message (its body received, the reply not yet given) until released, and then accept it, or
/// refuse it unkept, as a server that went down before accepting it would.
/// </summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int armed;
    private bool refuseHeld;

    public TestSmtpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Keeper(this));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCompleted += (_, _) => Interlocked.Increment(ref sessionsCompleted);
        running = server.StartAsync(stop.Token);
    }

    private int sessionsCompleted;

    /// <summary>How many client sessions (connections) have ended: a sender that hung up has finished its batch.</summary>
    public int SessionsCompleted => Volatile.Read(ref sessionsCompleted);

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Completed once a held message has arrived and is waiting.</summary>
    public TaskCompletionSource Holding { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The next message waits, after its body arrived, until <see cref="Release"/>; then it is accepted and kept.</summary>
    public void HoldNext() => Hold(refuse: false);

    /// <summary>The next message waits until <see cref="Release"/>, then is refused and not kept.</summary>
    public void RefuseNext() => Hold(refuse: true);

    private void Hold(bool refuse)
    {
        refuseHeld = refuse;
        Holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref armed, 1);
    }

    public void Release() => gate.TrySetResult();

    /// <summary>The settings that point the service at this server.</summary>
    public void Configure(ApiFactory factory)
    {
        factory.Settings["Notifications:Smtp:Host"] = "127.0.0.1";
        factory.Settings["Notifications:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Notifications:Smtp:Security"] = "None";
        factory.Settings["Notifications:PollInterval"] = "00:00:00.100";
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await stop.CancelAsync();
        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private sealed class Keeper(TestSmtpServer server) : IMessageStore
    {
        public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref server.armed, 0) == 1)
            {
                server.Holding.TrySetResult();
                await server.gate.Task;
                if (server.refuseHeld)
                {
                    return SmtpResponse.TransactionFailed;
                }
            }

            using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
