using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// Holds the current <see cref="CollaborationGraph"/>, kept current from the change feed, and its broker scores.
/// Betweenness is global (one link can change everyone's), so it is not updated with each change: it is computed in the
/// background after the graph changes, at most once per <see cref="ReadModelOptions.BrokerRefreshInterval"/>, and every
/// figure says when it was computed. Scores are over members' view of the graph (PUBLIC and NETWORK people): private
/// people neither broker nor are brokered through.
/// </summary>
public sealed partial class CollaborationGraphHost(
    IExpertiseStore store, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ReadModelOptions> options, ILogger<CollaborationGraphHost> logger)
    : ReadModelHost<CollaborationGraph>(store, clock, options.Value, logger)
{
    private readonly ILogger logger = logger;
    private readonly TimeSpan refreshInterval = options.Value.BrokerRefreshInterval;
    private readonly object scheduling = new();

    private volatile Task<BrokerScores>? brokers;
    private Task? scheduled;
    private volatile TaskCompletionSource brokersMayStart = Open();

    protected override string Name => "Collaboration graph";

    /// <summary>
    /// The newest broker scores that fit this graph snapshot (computed from it or an earlier snapshot of the same lineage);
    /// with a refresh interval of zero, this snapshot's own. The first query after a whole rebuild waits for them.
    /// </summary>
    public async Task<BrokerScores> BrokersAsync(CollaborationGraph graph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var computing = brokers;
        if (computing is { IsCompletedSuccessfully: true } done && Fits(done.Result, graph))
        {
            return done.Result;
        }

        if (computing is null || computing.IsFaulted || computing.IsCanceled || (computing.IsCompletedSuccessfully && !Fits(computing.Result, graph)))
        {
            computing = brokers = Compute(graph);
        }

        var scores = await computing.WaitAsync(cancellationToken);
        return Fits(scores, graph) ? scores : await (brokers = Compute(graph)).WaitAsync(cancellationToken);
    }

    protected override async Task<CollaborationGraph> BuildAsync(CancellationToken cancellationToken) =>
        new(await Store.LoadCollaborationSourceAsync(cancellationToken));

    protected override async Task<CollaborationGraph> ApplyAsync(CollaborationGraph model, SourceScope scope, long through, CancellationToken cancellationToken) =>
        model.Apply(await Store.LoadCollaborationSourceAsync(scope, cancellationToken), scope, through);

    protected override void OnChanged(CollaborationGraph model, bool rebuilt)
    {
        if (rebuilt || refreshInterval == TimeSpan.Zero)
        {
            brokers = Compute(model);
            return;
        }

        if (!model.Reshaped)
        {
            // A headline or skill edit leaves every chain through the network as it was: the scores still hold.
            return;
        }

        // One recomputation waits at a time; it takes whatever snapshot is current when its turn comes.
        lock (scheduling)
        {
            if (scheduled is { IsCompleted: false })
            {
                return;
            }

            var last = brokers;
            // At most every refresh interval, and never more than a fifth of one core's time: at a million people one
            // computation takes minutes, and back to back they would take a core from searches for good.
            var due = last is { IsCompletedSuccessfully: true } done
                ? done.Result.ComputedAt + Max(refreshInterval, TimeSpan.FromMilliseconds(done.Result.ComputeMilliseconds * BusyShare)) - Clock.GetUtcNow()
                : TimeSpan.Zero;
            scheduled = Task.Run(async () =>
            {
                try
                {
                    if (last is { IsCompleted: false })
                    {
                        await last;
                    }

                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, Clock);
                    }

                    if (Current is { } newest && (brokers is not { IsCompletedSuccessfully: true } known || known.Result.Sequence != newest.Sequence))
                    {
                        brokers = Compute(newest);
                        await brokers;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ReadModelLog.FollowFailed(logger, e);
                }
            });
        }
    }

    /// <summary>
    /// Holds broker computations back until <see cref="ReleaseBrokers"/>: at start the search index is still being
    /// built, and on two cores it needs the second one more than broker scores (which nobody can ask for yet) do.
    /// </summary>
    public void HoldBrokers() => brokersMayStart = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseBrokers() => brokersMayStart.TrySetResult();

    /// <summary>
    /// Sample sources for the betweenness estimate: 256 up to 100,000 people, then fewer in proportion (32 at a million,
    /// never below 32), so one computation costs about the same CPU at any size. Each source is a search over the whole
    /// graph: at a million people 256 of them took a core for minutes after every start, and the searches and writes of
    /// a two-core machine waited behind it. The estimate is coarser; the brokers that matter bridge many paths and stay
    /// on top.
    /// </summary>
    private static int Pivots(int people) => Math.Clamp((int)(256L * 100_000 / Math.Max(1, people)), 32, 256);

    /// <summary>The wait between two computations, as a multiple of how long the last one took (4: at most a fifth of the time).</summary>
    private const double BusyShare = 4;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private bool Fits(BrokerScores scores, CollaborationGraph graph) =>
        ReferenceEquals(scores.Lineage, graph.Lineage) && (refreshInterval != TimeSpan.Zero || scores.Sequence == graph.Sequence);

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private Task<BrokerScores> Compute(CollaborationGraph graph) => Task.Run(async () =>
    {
        await brokersMayStart.Task;
        var started = Clock.GetTimestamp();
        bool member(int p) => graph.VisibilityOf(p) != Visibility.Private;
        var betweenness = GraphAlgorithms.Betweenness(graph, member, pivots: Pivots(graph.PeopleCount));
        var bridged = new int[graph.PeopleCount];
        for (var p = 0; p < graph.PeopleCount; p++)
        {
            var organisations = new HashSet<Guid>();
            if (graph.OrganisationId(p) is { } own)
            {
                organisations.Add(own);
            }

            foreach (var neighbour in graph.Neighbours(p))
            {
                if (member(neighbour) && graph.OrganisationId(neighbour) is { } theirs)
                {
                    organisations.Add(theirs);
                }
            }

            bridged[p] = organisations.Count;
        }

        int[] ranking = [.. Enumerable.Range(0, graph.PeopleCount).Where(p => betweenness[p] > 0)
            .OrderByDescending(p => betweenness[p]).ThenBy(graph.PersonId)];
        var milliseconds = Clock.GetElapsedTime(started).TotalMilliseconds;
        LogBrokers(logger, graph.PeopleCount, graph.LinkCount, milliseconds);
        return new BrokerScores(graph.Lineage, graph.Sequence, betweenness, bridged, ranking, milliseconds, Clock.GetUtcNow());
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker scores computed for {People} people and {Links} links in {Milliseconds:F0} ms")]
    private static partial void LogBrokers(ILogger logger, int people, int links, double milliseconds);
}
