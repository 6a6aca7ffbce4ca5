using FsCheck.Xunit;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The collaboration graph's algorithms against independent references on small random graphs (FsCheck picks
/// the seeds): breadth-first search from one end for shortest paths, and all-pairs path counting for betweenness.
/// </summary>
public sealed class GraphAlgorithmTests
{
    /// <summary>A random small network: people, projects with random teams, random visibility and employers.</summary>
    private sealed record SmallNetwork(CollaborationGraph Graph, CollaborationSource Source, bool[] Allowed)
    {
        public static SmallNetwork Random(int seed)
        {
            var random = new Random(seed);
            var people = Enumerable.Range(0, random.Next(2, 28)).Select(_ => (Id: Guid.NewGuid(), Visibility: (Visibility)random.Next(3))).ToList();
            var organisations = Enumerable.Range(0, 3).Select(_ => (Id: Guid.NewGuid(), Ics: (Guid?)Guid.Empty)).ToList();
            var projects = Enumerable.Range(0, random.Next(1, 25)).Select(i => (Id: Guid.NewGuid(), Last: (DateOnly?)new DateOnly(2020, 1, 1).AddDays(i))).ToList();
            var contributions = projects.SelectMany(p => people.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(person => (person.Id, p.Id))).ToList();
            var source = new CollaborationSource(1, people, organisations, [.. people.Select(p => (p.Id, organisations[random.Next(3)].Id))], projects, contributions);
            return new SmallNetwork(new CollaborationGraph(source), source, [.. people.Select(_ => random.Next(4) > 0)]);
        }

        /// <summary>Distance by plain breadth-first search over shared projects, computed from the contributions, not the graph.</summary>
        public int? ReferenceDistance(int from, int to)
        {
            if (!Allowed[from] || !Allowed[to])
            {
                return null;
            }

            var teams = Source.Contributions.GroupBy(c => c.ProjectId).Select(g => g.Select(c => Index(c.PersonId)).ToHashSet()).ToList();
            var distance = new Dictionary<int, int> { [from] = 0 };
            var queue = new Queue<int>([from]);
            while (queue.Count > 0)
            {
                var at = queue.Dequeue();
                foreach (var next in teams.Where(t => t.Contains(at)).SelectMany(t => t).Distinct().Order())
                {
                    if (Allowed[next] && !distance.ContainsKey(next))
                    {
                        distance[next] = distance[at] + 1;
                        queue.Enqueue(next);
                    }
                }
            }

            return distance.TryGetValue(to, out var d) ? d : null;
        }

        public int Index(Guid person) => Source.People.Select((p, i) => (p.Id, i)).First(x => x.Id == person).i;

        public bool Shared(int a, int b, Guid project) =>
            Source.Contributions.Contains((Source.People[a].Id, project)) && Source.Contributions.Contains((Source.People[b].Id, project));
    }

    [Property(MaxTest = 60)]
    public bool ShortestPathsAreAsShortAsBreadthFirstSearchAndEveryStepIsARealSharedProject(int seed)
    {
        var network = SmallNetwork.Random(seed);
        var graph = network.Graph;
        for (var from = 0; from < graph.PeopleCount; from++)
        {
            for (var to = 0; to < graph.PeopleCount; to++)
            {
                var path = GraphAlgorithms.ShortestPath(graph, from, to, 30, p => network.Allowed[p]);
                var expected = network.ReferenceDistance(from, to);
                if ((path is null) != (expected is null) || (path is not null && path.Links.Count != expected))
                {
                    return false;
                }

                if (path is null)
                {
                    continue;
                }

                if (path.People[0] != from || path.People[^1] != to || path.People.Any(p => !network.Allowed[p]) || path.People.Distinct().Count() != path.People.Count)
                {
                    return false;
                }

                for (var i = 0; i < path.Links.Count; i++)
                {
                    if (!network.Shared(path.People[i], path.People[i + 1], graph.MostRecentProject(path.Links[i])))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 40)]
    public bool APathLongerThanMaxHopsIsNotReturned(int seed)
    {
        var network = SmallNetwork.Random(seed);
        var graph = network.Graph;
        for (var from = 0; from < graph.PeopleCount; from++)
        {
            for (var to = 0; to < graph.PeopleCount; to++)
            {
                var expected = network.ReferenceDistance(from, to);
                var path = GraphAlgorithms.ShortestPath(graph, from, to, 2, p => network.Allowed[p]);
                if ((expected is null || expected > 2) != (path is null))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 40)]
    public bool NeighbourhoodsHoldOnlyAllowedPeopleWithinReachAndLinksAmongThem(int seed)
    {
        var network = SmallNetwork.Random(seed);
        var graph = network.Graph;
        var centre = Enumerable.Range(0, graph.PeopleCount).FirstOrDefault(p => network.Allowed[p], -1);
        if (centre < 0)
        {
            return true;
        }

        var around = GraphAlgorithms.Around(graph, centre, 2, 6, p => network.Allowed[p]);
        var inside = around.People.ToHashSet();
        var reachable = Enumerable.Range(0, graph.PeopleCount).Count(p => network.ReferenceDistance(centre, p) is <= 2);
        return around.People[0] == centre
            && around.People.All(p => network.Allowed[p] && network.ReferenceDistance(centre, p) <= 2)
            && around.Links.All(l => inside.Contains(l.A) && inside.Contains(l.B) && network.Shared(l.A, l.B, graph.MostRecentProject(l.Link)))
            && around.Truncated == (reachable > 6)
            && around.People.Count == Math.Min(reachable, 6);
    }

    [Property(MaxTest = 40)]
    public bool ExactBetweennessMatchesCountingEveryShortestPath(int seed)
    {
        var network = SmallNetwork.Random(seed);
        var graph = network.Graph;
        var brandes = GraphAlgorithms.Betweenness(graph, p => network.Allowed[p]);
        var reference = ReferenceBetweenness(network);
        return brandes.Zip(reference).All(x => Math.Abs(x.First - x.Second) < 1e-6);
    }

    [Fact]
    public void SampledBetweennessIsDeterministicAndTracksTheExactFigure()
    {
        var network = SmallNetwork.Random(7);
        var graph = network.Graph;
        bool all(int _) => true;

        var sampledOnce = GraphAlgorithms.Betweenness(graph, all, exactUpTo: 0, pivots: graph.PeopleCount);
        var sampledTwice = GraphAlgorithms.Betweenness(graph, all, exactUpTo: 0, pivots: graph.PeopleCount);
        var exact = GraphAlgorithms.Betweenness(graph, all);

        Assert.Equal(sampledOnce, sampledTwice);
        Assert.Equal(exact.Select(x => Math.Round(x, 6)), sampledOnce.Select(x => Math.Round(x, 6)));
    }

    [Property(MaxTest = 40)]
    public bool SampledBetweennessAboveTheExactLimitCountsFromEvenlySpacedPivotsScaledUp(int seed)
    {
        // The path the service takes above 4,000 people, taken here by setting the limit just under the members' count:
        // the dependencies of a few evenly spaced sources only, scaled by members / sources, counted from both ends.
        var network = SmallNetwork.Random(seed);
        var members = Enumerable.Range(0, network.Graph.PeopleCount).Where(p => network.Allowed[p]).ToArray();
        if (members.Length < 3)
        {
            return true;
        }

        var pivots = Math.Max(1, members.Length / 3);
        var sources = Enumerable.Range(0, pivots).Select(i => members[i * members.Length / pivots]).Distinct().ToList();
        var sampled = GraphAlgorithms.Betweenness(network.Graph, p => network.Allowed[p], exactUpTo: members.Length - 1, pivots: pivots);
        var atTheLimit = GraphAlgorithms.Betweenness(network.Graph, p => network.Allowed[p], exactUpTo: members.Length, pivots: pivots);

        var expected = ReferenceDependencies(network, sources).Select(x => x * members.Length / sources.Count / 2);
        return sampled.Zip(expected).All(x => Math.Abs(x.First - x.Second) < 1e-6)
            && atTheLimit.Zip(ReferenceBetweenness(network)).All(x => Math.Abs(x.First - x.Second) < 1e-6);
    }

    [Fact]
    public void SampledBetweennessWithFewerPivotsThanPeopleDiffersFromTheExactFigureOnAStar()
    {
        // A star (the last person at its centre): every chain between leaves runs through the centre. Sampled from one
        // pivot (the first person, a leaf), the centre's figure is that leaf's 4 chains to the other leaves, times 6 / 1, over 2.
        var people = Enumerable.Range(0, 6).Select(_ => (Id: Guid.NewGuid(), Visibility: Visibility.Public)).ToList();
        var organisation = (Id: Guid.NewGuid(), Ics: (Guid?)Guid.Empty);
        var projects = Enumerable.Range(1, 5).Select(i => (Id: Guid.NewGuid(), Last: (DateOnly?)new DateOnly(2020, 1, i))).ToList();
        var contributions = projects.SelectMany((p, i) => new[] { (people[5].Id, p.Id), (people[i].Id, p.Id) }).ToList();
        var graph = new CollaborationGraph(new CollaborationSource(1, people, [organisation], [.. people.Select(p => (p.Id, organisation.Id))], projects, contributions));

        var exact = GraphAlgorithms.Betweenness(graph, _ => true);
        var sampled = GraphAlgorithms.Betweenness(graph, _ => true, exactUpTo: 5, pivots: 1);

        Assert.Equal(10, exact[5], 6);
        Assert.Equal(4.0 * 6 / 2, sampled[5], 6);
        Assert.All(sampled.Take(5), x => Assert.Equal(0, x));
    }

    [Property(MaxTest = 30)]
    public bool CommunitiesAreTheSameForTheSameGraph(int seed)
    {
        var network = SmallNetwork.Random(seed);
        var members = Enumerable.Range(0, network.Graph.PeopleCount).ToList();
        return GraphAlgorithms.Communities(network.Graph, members).SequenceEqual(GraphAlgorithms.Communities(new CollaborationGraph(network.Source), members));
    }

    [Fact]
    public void EachTeamBecomesOneCommunityHeldTogetherByItsStrongerTiesAndSomeoneWithoutLinksStaysAlone()
    {
        // Two teams of four, each on two projects together (ties of weight 2), bridged by one project shared by the
        // fourth of the first team and the first of the second (a tie of weight 1); the ninth person works alone.
        var people = Enumerable.Range(0, 9).Select(_ => Guid.NewGuid()).ToList();
        var projects = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        var contributions = new List<(Guid, Guid)>();
        void Team(int project, params int[] members) => contributions.AddRange(members.Select(m => (people[m], projects[project])));
        Team(0, 0, 1, 2, 3);
        Team(1, 0, 1, 2, 3);
        Team(2, 4, 5, 6, 7);
        Team(3, 4, 5, 6, 7);
        Team(4, 3, 4);
        Team(5, 8);
        var organisation = Guid.NewGuid();
        var graph = new CollaborationGraph(new CollaborationSource(
            1, [.. people.Select(p => (p, Visibility.Public))], [(organisation, (Guid?)null)], [.. people.Select(p => (p, organisation))],
            [.. projects.Select(p => (p, (DateOnly?)new DateOnly(2024, 1, 1)))], contributions));
        var position = people.Select(p => Enumerable.Range(0, graph.PeopleCount).Single(i => graph.PersonId(i) == p)).ToList();

        var labels = GraphAlgorithms.Communities(graph, position);

        // Labels are positions: each person starts with their own and takes the one most weight carries, ties to the smallest.
        var first = labels[0];
        var second = labels[4];
        Assert.All(labels.Take(4), l => Assert.Equal(first, l));
        Assert.All(labels.Skip(4).Take(4), l => Assert.Equal(second, l));
        Assert.NotEqual(first, second);
        Assert.Equal(position[8], labels[8]);
        Assert.Contains(first, position.Take(4));
        Assert.Contains(second, position.Skip(4).Take(4));
    }

    [Fact]
    public void AnIcsPictureTakesPeopleOfEqualBrokerageByMostLinksThenByIdAndACancelledRequestStopsCountingChains()
    {
        // Three people on one project (two links each), two on another (one link each), one alone: nobody lies on a
        // chain between two others, so everyone's betweenness is 0 and the picture of the ICS orders them by links, then
        // by id. Counting chains for a request that has been cancelled stops at once.
        var people = Enumerable.Range(0, 6).Select(_ => (Id: Guid.NewGuid(), Visibility: Visibility.Public)).ToList();
        var system = Guid.NewGuid();
        var organisation = (Id: Guid.NewGuid(), Ics: (Guid?)system);
        var projects = Enumerable.Range(1, 3).Select(i => (Id: Guid.NewGuid(), Last: (DateOnly?)new DateOnly(2024, 1, i))).ToList();
        var contributions = new[] { (0, 0), (1, 0), (2, 0), (3, 1), (4, 1), (5, 2) }.Select(c => (people[c.Item1].Id, projects[c.Item2].Id)).ToList();
        var graph = new CollaborationGraph(new CollaborationSource(1, people, [organisation], [.. people.Select(p => (p.Id, organisation.Id))], projects, contributions));
        var betweenness = GraphAlgorithms.Betweenness(graph, _ => true);
        Assert.All(betweenness, b => Assert.Equal(0, b));

        var picture = GraphAlgorithms.System(graph, system, p => betweenness[p], limit: 6, allowed: _ => true);

        var position = people.Select(p => Enumerable.Range(0, graph.PeopleCount).Single(i => graph.PersonId(i) == p.Id)).ToList();
        int[] expected = [.. new[] { 0, 1, 2 }.OrderBy(i => people[i].Id), .. new[] { 3, 4 }.OrderBy(i => people[i].Id), 5];
        Assert.Equal(expected.Select(i => position[i]), picture.People);
        Assert.False(picture.Truncated);
        Assert.Throws<OperationCanceledException>(() => GraphAlgorithms.Betweenness(graph, _ => true, cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public void OnAChainVisitedFromItsFarEndLabelsSpreadOneStepARoundTiesGoingToTheSmallerLabelUntilNothingChanges()
    {
        // A chain a–b–c–d (three projects of two), a holding the smallest position and d the largest, each person
        // visited from d back to a. Each takes the label most of their links carry, ties to the smaller: in the first
        // round d takes c's, c b's, b a's; the labels then need two more rounds to reach d. Run to the end the chain is
        // one community labelled a; cut to one round, it is still split three ways.
        var people = Enumerable.Range(0, 4).Select(_ => (Id: Guid.NewGuid(), Visibility: Visibility.Public)).ToList();
        var organisation = (Id: Guid.NewGuid(), Ics: (Guid?)null);
        var projects = Enumerable.Range(1, 3).Select(i => (Id: Guid.NewGuid(), Last: (DateOnly?)new DateOnly(2024, 1, i))).ToList();
        var contributions = Enumerable.Range(0, 3).SelectMany(i => new[] { (people[i].Id, projects[i].Id), (people[i + 1].Id, projects[i].Id) }).ToList();
        var graph = new CollaborationGraph(new CollaborationSource(1, people, [organisation], [.. people.Select(p => (p.Id, organisation.Id))], projects, contributions));
        var (a, b, c, d) = (graph.Position(people[0].Id)!.Value, graph.Position(people[1].Id)!.Value, graph.Position(people[2].Id)!.Value, graph.Position(people[3].Id)!.Value);
        Assert.True(a < b && b < c && c < d);

        Assert.Equal([a, a, a, a], GraphAlgorithms.Communities(graph, [d, c, b, a]));
        Assert.Equal([c, b, a, a], GraphAlgorithms.Communities(graph, [d, c, b, a], maxRounds: 1));
    }

    /// <summary>
    /// For each v, the sum over sources s and every other t of the share of shortest s–t paths through v (each ordered pair
    /// once), by definition: the sampled figure before scaling.
    /// </summary>
    private static double[] ReferenceDependencies(SmallNetwork network, IReadOnlyCollection<int> sources)
    {
        var n = network.Graph.PeopleCount;
        var distance = new int?[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                distance[a, b] = network.ReferenceDistance(a, b);
            }
        }

        double Paths(int s, int t) => distance[s, t] switch
        {
            null => 0,
            0 => 1,
            { } d => Enumerable.Range(0, n).Where(u => distance[s, u] == d - 1 && distance[u, t] == 1).Sum(u => Paths(s, u)),
        };

        var dependency = new double[n];
        foreach (var s in sources)
        {
            for (var t = 0; t < n; t++)
            {
                var total = t == s ? 0 : Paths(s, t);
                for (var v = 0; total > 0 && v < n; v++)
                {
                    if (v != s && v != t && distance[s, v] is { } sv && distance[v, t] is { } vt && sv + vt == distance[s, t])
                    {
                        dependency[v] += Paths(s, v) * Paths(v, t) / total;
                    }
                }
            }
        }

        return dependency;
    }

    /// <summary>Betweenness by definition: for every pair s, t, the share of shortest s–t paths through each v.</summary>
    private static double[] ReferenceBetweenness(SmallNetwork network)
    {
        var n = network.Graph.PeopleCount;
        var distance = new int?[n, n];
        for (var s = 0; s < n; s++)
        {
            for (var t = 0; t < n; t++)
            {
                distance[s, t] = network.ReferenceDistance(s, t);
            }
        }

        // Shortest paths from s to t counted by dynamic programming over distance layers.
        double Paths(int s, int t)
        {
            if (distance[s, t] is not { } d)
            {
                return 0;
            }

            if (d == 0)
            {
                return 1;
            }

            return Enumerable.Range(0, n).Where(u => distance[s, u] == d - 1 && distance[u, t] == 1).Sum(u => Paths(s, u));
        }

        var centrality = new double[n];
        for (var s = 0; s < n; s++)
        {
            for (var t = s + 1; t < n; t++)
            {
                var total = Paths(s, t);
                if (total == 0)
                {
                    continue;
                }

                for (var v = 0; v < n; v++)
                {
                    if (v != s && v != t && distance[s, v] is { } sv && distance[v, t] is { } vt && sv + vt == distance[s, t])
                    {
                        centrality[v] += Paths(s, v) * Paths(v, t) / total;
                    }
                }
            }
        }

        return centrality;
    }
}
