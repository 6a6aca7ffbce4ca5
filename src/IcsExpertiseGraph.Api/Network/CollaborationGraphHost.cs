using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// Betweenness and organisations bridged, per person, for one graph snapshot; Ranking lists the people with any
/// betweenness, highest first (ties by id), so a brokers query reads its first page instead of sorting everyone.
/// </summary>
public sealed record BrokerScores(long Sequence, double[] Betweenness, int[] OrganisationsBridged, int[] Ranking, double ComputeMilliseconds)
{
    /// <summary>A person's betweenness as the API gives it (brokers, network nodes): two decimals.</summary>
    public double Figure(int person) => Math.Round(Betweenness[person], 2);
}

/// <summary>
/// Holds the current <see cref="CollaborationGraph"/>, and computes broker scores in the background after each
/// new snapshot, so the brokers query only reads. Scores are over members' view of the graph (PUBLIC and
/// NETWORK people): private people neither broker nor are brokered through.
/// </summary>
public sealed partial class CollaborationGraphHost(
    IExpertiseStore store, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ReadModelOptions> options, ILogger<CollaborationGraphHost> logger)
    : ReadModelHost<CollaborationGraph>(store, clock, options.Value, logger)
{
    private readonly ILogger logger = logger;

    private volatile Task<BrokerScores>? brokers;
    private volatile TaskCompletionSource brokersMayStart = Open();

    protected override string Name => "Collaboration graph";

    /// <summary>The broker scores of this snapshot: cached, or being computed (the first query waits for them).</summary>
    public async Task<BrokerScores> BrokersAsync(CollaborationGraph graph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var computing = brokers;
        if (computing is null || computing.IsFaulted || computing.IsCanceled || (computing.IsCompletedSuccessfully && computing.Result.Sequence != graph.Sequence))
        {
            computing = Compute(graph);
        }

        var scores = await computing.WaitAsync(cancellationToken);
        return scores.Sequence == graph.Sequence ? scores : await Compute(graph).WaitAsync(cancellationToken);
    }

    protected override async Task<CollaborationGraph> BuildAsync(CancellationToken cancellationToken) =>
        new(await Store.LoadCollaborationSourceAsync(cancellationToken));

    protected override void OnBuilt(CollaborationGraph model) => brokers = Compute(model);

    /// <summary>
    /// Holds broker computations back until <see cref="ReleaseBrokers"/>: at start the search index is still being
    /// built, and on two cores it needs the second one more than broker scores (which nobody can ask for yet) do.
    /// </summary>
    public void HoldBrokers() => brokersMayStart = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseBrokers() => brokersMayStart.TrySetResult();

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
        var betweenness = GraphAlgorithms.Betweenness(graph, member);
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
        return new BrokerScores(graph.Sequence, betweenness, bridged, ranking, milliseconds);
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker scores computed for {People} people and {Links} links in {Milliseconds:F0} ms")]
    private static partial void LogBrokers(ILogger logger, int people, int links, double milliseconds);
}
