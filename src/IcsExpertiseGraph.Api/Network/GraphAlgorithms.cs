namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// The graph algorithms over <see cref="CollaborationGraph"/>, each restricted to the people a predicate allows
/// (the caller's visibility), so a hidden person is never a step, a neighbour or a count.
/// </summary>
public static class GraphAlgorithms
{
    /// <summary>
    /// Shortest chain by bidirectional breadth-first search, growing the smaller frontier a whole level at a time.
    /// Of several shortest chains the one through the lowest-numbered meeting person is taken, so the answer is stable.
    /// </summary>
    public static GraphPath? ShortestPath(CollaborationGraph graph, int from, int to, int maxLinks, Func<int, bool> allowed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(allowed);
        if (!allowed(from) || !allowed(to))
        {
            return null;
        }

        if (from == to)
        {
            return new GraphPath([from], []);
        }

        var forward = new Dictionary<int, (int Parent, int Link)> { [from] = (-1, -1) };
        var backward = new Dictionary<int, (int Parent, int Link)> { [to] = (-1, -1) };
        List<int> forwardFrontier = [from];
        List<int> backwardFrontier = [to];
        var depth = 0;
        while (forwardFrontier.Count > 0 && backwardFrontier.Count > 0 && depth < maxLinks)
        {
            var growForward = forwardFrontier.Count <= backwardFrontier.Count;
            var (frontier, seen, other) = growForward ? (forwardFrontier, forward, backward) : (backwardFrontier, backward, forward);
            var next = new List<int>();
            var meetings = new List<int>();
            foreach (var person in frontier)
            {
                var around = graph.Neighbours(person);
                var links = graph.LinksOf(person);
                for (var i = 0; i < around.Length; i++)
                {
                    var neighbour = around[i];
                    if (seen.ContainsKey(neighbour) || !allowed(neighbour))
                    {
                        continue;
                    }

                    seen[neighbour] = (person, links[i]);
                    next.Add(neighbour);
                    if (other.ContainsKey(neighbour))
                    {
                        meetings.Add(neighbour);
                    }
                }
            }

            depth++;
            if (meetings.Count > 0)
            {
                return Join(meetings.Min(), forward, backward);
            }

            if (growForward)
            {
                forwardFrontier = next;
            }
            else
            {
                backwardFrontier = next;
            }
        }

        return null;
    }

    private static GraphPath Join(int meeting, Dictionary<int, (int Parent, int Link)> forward, Dictionary<int, (int Parent, int Link)> backward)
    {
        var people = new List<int>();
        var links = new List<int>();
        for (var at = meeting; at >= 0; at = forward[at].Parent)
        {
            people.Add(at);
            if (forward[at].Link >= 0)
            {
                links.Add(forward[at].Link);
            }
        }

        people.Reverse();
        links.Reverse();
        for (var at = meeting; backward[at].Parent >= 0; at = backward[at].Parent)
        {
            links.Add(backward[at].Link);
            people.Add(backward[at].Parent);
        }

        return new GraphPath(people, links);
    }

    /// <summary>Everyone within <paramref name="hops"/> links, strongest ties first, up to <paramref name="limit"/> people; and the links among them.</summary>
    public static Neighbourhood Around(CollaborationGraph graph, int centre, int hops, int limit, Func<int, bool> allowed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(allowed);
        var chosen = new List<int> { centre };
        var inside = new HashSet<int> { centre };
        var frontier = new List<int> { centre };
        var truncated = false;
        for (var hop = 0; hop < hops && frontier.Count > 0 && !truncated; hop++)
        {
            var next = new List<int>();
            foreach (var person in frontier)
            {
                foreach (var neighbour in graph.Neighbours(person))
                {
                    if (inside.Contains(neighbour) || !allowed(neighbour))
                    {
                        continue;
                    }

                    if (chosen.Count >= limit)
                    {
                        truncated = true;
                        break;
                    }

                    inside.Add(neighbour);
                    chosen.Add(neighbour);
                    next.Add(neighbour);
                }

                if (truncated)
                {
                    break;
                }
            }

            frontier = next;
        }

        return new Neighbourhood(chosen, LinksAmong(graph, chosen, inside), truncated);
    }

    /// <summary>
    /// The people of one ICS the predicate allows, most collaboration chains through them first (then most links,
    /// then id, so the same graph gives the same picture), at most <paramref name="limit"/>, and the links among them.
    /// </summary>
    public static Neighbourhood System(CollaborationGraph graph, Guid system, Func<int, double> betweenness, int limit, Func<int, bool> allowed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(betweenness);
        ArgumentNullException.ThrowIfNull(allowed);
        var members = graph.PeopleIn(system).Where(allowed).ToList();
        var chosen = members
            .OrderByDescending(betweenness)
            .ThenByDescending(p => graph.Neighbours(p).Length)
            .ThenBy(graph.PersonId)
            .Take(limit)
            .ToList();
        return new Neighbourhood(chosen, LinksAmong(graph, chosen, [.. chosen]), members.Count > limit);
    }

    /// <summary>Each link between two of the chosen people, once.</summary>
    private static List<(int A, int B, int Link)> LinksAmong(CollaborationGraph graph, IEnumerable<int> chosen, HashSet<int> inside)
    {
        var links = new List<(int, int, int)>();
        foreach (var person in chosen)
        {
            var around = graph.Neighbours(person);
            var linkIds = graph.LinksOf(person);
            for (var i = 0; i < around.Length; i++)
            {
                if (person < around[i] && inside.Contains(around[i]))
                {
                    links.Add((person, around[i], linkIds[i]));
                }
            }
        }

        return links;
    }

    /// <summary>
    /// Betweenness centrality (Brandes, unweighted, undirected) over the allowed people: exact from every
    /// source when there are at most <paramref name="exactUpTo"/> of them, else from <paramref name="pivots"/>
    /// evenly spaced sources scaled up by n / pivots, which is deterministic for the same graph.
    /// </summary>
    public static double[] Betweenness(CollaborationGraph graph, Func<int, bool> allowed, int exactUpTo = 4000, int pivots = 256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(allowed);
        var n = graph.PeopleCount;
        var members = Enumerable.Range(0, n).Where(allowed).ToArray();
        var include = new bool[n];
        foreach (var m in members)
        {
            include[m] = true;
        }

        var sources = members.Length <= exactUpTo
            ? members
            : [.. Enumerable.Range(0, pivots).Select(i => members[(int)((long)i * members.Length / pivots)]).Distinct()];
        var scale = members.Length <= exactUpTo ? 1.0 : (double)members.Length / sources.Length;
        var centrality = new double[n];
        var sigma = new double[n];
        var distance = new int[n];
        var delta = new double[n];
        Array.Fill(distance, -1);
        var order = new List<int>();
        var queue = new Queue<int>();
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            order.Clear();
            sigma[source] = 1;
            distance[source] = 0;
            queue.Enqueue(source);
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                order.Add(v);
                foreach (var w in graph.Neighbours(v))
                {
                    if (!include[w])
                    {
                        continue;
                    }

                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue.Enqueue(w);
                    }

                    if (distance[w] == distance[v] + 1)
                    {
                        sigma[w] += sigma[v];
                    }
                }
            }

            for (var i = order.Count - 1; i >= 0; i--)
            {
                var w = order[i];
                foreach (var v in graph.Neighbours(w))
                {
                    if (include[v] && distance[v] == distance[w] - 1)
                    {
                        delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                    }
                }

                if (w != source)
                {
                    centrality[w] += delta[w];
                }
            }

            foreach (var v in order)
            {
                sigma[v] = 0;
                distance[v] = -1;
                delta[v] = 0;
            }
        }

        // Each unordered pair was counted from both ends.
        for (var i = 0; i < n; i++)
        {
            centrality[i] = centrality[i] * scale / 2;
        }

        return centrality;
    }

    /// <summary>
    /// Clusters of collaboration by label propagation: each person takes the label most of their links carry
    /// (weighted by shared projects; ties to the smallest label), visiting people in a fixed order until
    /// nothing changes, so the same graph always gives the same clusters.
    /// </summary>
    public static int[] Communities(CollaborationGraph graph, IReadOnlyList<int> members, int maxRounds = 30)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(members);
        var label = new Dictionary<int, int>(members.Count);
        foreach (var m in members)
        {
            label[m] = m;
        }

        var weight = new Dictionary<int, int>();
        for (var round = 0; round < maxRounds; round++)
        {
            var changed = false;
            foreach (var person in members)
            {
                weight.Clear();
                var around = graph.Neighbours(person);
                var links = graph.LinksOf(person);
                for (var i = 0; i < around.Length; i++)
                {
                    if (label.TryGetValue(around[i], out var theirs))
                    {
                        weight[theirs] = weight.GetValueOrDefault(theirs) + graph.Weight(links[i]);
                    }
                }

                if (weight.Count == 0)
                {
                    continue;
                }

                var best = weight.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First().Key;
                if (best != label[person])
                {
                    label[person] = best;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return [.. members.Select(m => label[m])];
    }
}
