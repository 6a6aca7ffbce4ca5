using System.Collections.Immutable;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// How the graph is made: whole from a <see cref="CollaborationSource"/>, and from the snapshot before it plus a batch
/// of the change feed (<see cref="Apply"/>), which re-links only the people whose projects changed.
/// </summary>
public sealed partial class CollaborationGraph
{
    public CollaborationGraph(CollaborationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Sequence = source.Sequence;
        Lineage = new object();
        var n = source.People.Count;
        people = new([.. source.People.Select(p => p.Id)]);
        flags = new([.. source.People.Select(p => (byte)p.Visibility)]);
        personPositions = PositionMap.From([.. source.People.Select(p => p.Id)]);
        organisations = [.. source.Organisations.Select(o => o.Id)];
        systemOf = [.. source.Organisations.Select(o => o.IntegratedCareSystemId)];
        organisationPositions = organisations.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var organisationOfPerson = new int[n];
        Array.Fill(organisationOfPerson, -1);
        foreach (var (person, organisation) in source.PrimaryEmployments)
        {
            organisationOfPerson[personPositions[person]] = organisationPositions[organisation];
        }

        organisationOf = new(organisationOfPerson);
        projects = new([.. source.Projects.Select(p => p.Id)]);
        recency = new([.. source.Projects.Select(p => p.LastActive ?? DateOnly.MinValue)]);
        projectPositions = PositionMap.From([.. source.Projects.Select(p => p.Id)]);
        var team = new List<int>[source.Projects.Count];
        var joined = new List<int>[n];
        foreach (var (person, project) in source.Contributions)
        {
            var (p, j) = (personPositions[person], projectPositions[project]);
            (team[j] ??= []).Add(p);
            (joined[p] ??= []).Add(j);
        }

        int[][] teams = [.. team.Select(t => t?.Distinct().Order().ToArray() ?? [])];
        members = new(teams);
        projectsOfPerson = new([.. joined.Select(j => j?.Distinct().ToArray() ?? [])]);

        // Every pair of people on a project is one (a < b, project) triple; sorted, equal pairs become one link. The pair is
        // packed into one long key and sorted with the projects alongside: a million people make millions of triples, and
        // a sort of plain keys is several times faster than one through a comparison of tuples.
        var pairCount = 0L;
        foreach (var t in teams)
        {
            pairCount += (long)t.Length * (t.Length - 1) / 2;
        }

        var pairs = new long[pairCount];
        var pairProject = new int[pairCount];
        var filledPairs = 0;
        for (var j = 0; j < teams.Length; j++)
        {
            for (var x = 0; x < teams[j].Length; x++)
            {
                for (var y = x + 1; y < teams[j].Length; y++)
                {
                    pairs[filledPairs] = ((long)teams[j][x] << 32) | (uint)teams[j][y];
                    pairProject[filledPairs++] = j;
                }
            }
        }

        Array.Sort(pairs, pairProject);
        var linkList = new List<int[]>();
        var degree = new int[n];
        var ends = new List<(int A, int B)>();
        for (var t = 0; t < pairs.Length;)
        {
            var end = t;
            while (end < pairs.Length && pairs[end] == pairs[t])
            {
                end++;
            }

            // Projects of one pair in order, whatever order the unstable sort left them in.
            var shared = pairProject[t..end];
            Array.Sort(shared);
            var (a, b) = ((int)(pairs[t] >> 32), (int)(uint)pairs[t]);
            linkList.Add(shared);
            ends.Add((a, b));
            degree[a]++;
            degree[b]++;
            t = end;
        }

        // Each person's links in arrays of their exact size, then ordered strongest first.
        var around = new (int Neighbour, int Link)[n][];
        var filled = new int[n];
        for (var p = 0; p < n; p++)
        {
            around[p] = degree[p] == 0 ? [] : new (int, int)[degree[p]];
        }

        for (var link = 0; link < ends.Count; link++)
        {
            var (a, b) = ends[link];
            around[a][filled[a]++] = (b, link);
            around[b][filled[b]++] = (a, link);
        }

        linkProjects = LinkProjects.From(linkList);
        LinkCount = linkList.Count;
        var nearest = new int[n][];
        var links = new int[n][];
        for (var p = 0; p < n; p++)
        {
            (nearest[p], links[p]) = StrongestFirst(around[p], l => linkList[l].Length);
        }

        neighbours = new(nearest);
        linksOfPerson = new(links);
    }

    private CollaborationGraph(CollaborationGraph before, long sequence, State state)
    {
        Sequence = sequence;
        Lineage = before.Lineage;
        people = state.People;
        flags = state.Flags;
        personPositions = state.PersonPositions;
        organisationOf = state.OrganisationOf;
        projectsOfPerson = state.ProjectsOfPerson;
        neighbours = state.Neighbours;
        linksOfPerson = state.LinksOfPerson;
        organisations = state.Organisations;
        systemOf = state.SystemOf;
        organisationPositions = state.OrganisationPositions;
        projects = state.Projects;
        recency = state.Recency;
        projectPositions = state.ProjectPositions;
        members = state.Members;
        linkProjects = state.LinkProjects;
        LinkCount = state.LinkCount;
    }

    /// <summary>
    /// The next snapshot: this one with the people, organisations and projects of <paramref name="scope"/> as
    /// <paramref name="delta"/> (the store's rows for that scope, read after the changes) has them; a person of the scope
    /// the delta lacks was erased. Only the links of people whose projects changed are touched. Throws
    /// <see cref="Experts.ReadModelChangeException"/> when the delta names what the graph does not know.
    /// </summary>
    public CollaborationGraph Apply(CollaborationSource delta, SourceScope scope, long sequence)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(scope);
        return new Change(this, delta, scope).Make(sequence);
    }

    /// <summary>
    /// Whether the change that made this snapshot touched anything the graph's figures depend on (people, their visibility,
    /// organisations, projects or links), not only text the graph does not hold; a graph built whole counts as reshaped.
    /// </summary>
    public bool Reshaped { get; private init; } = true;

    /// <summary>Strongest ties first (most shared projects, then lowest position), so a neighbourhood cut at its limit keeps the links that matter most.</summary>
    private static (int[] Neighbours, int[] Links) StrongestFirst((int Neighbour, int Link)[] around, Func<int, int> weightOf)
    {
        if (around.Length == 0)
        {
            return ([], []);
        }

        var weights = new int[around.Length];
        var ordered = new (int Neighbour, int Link)[around.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = around[i];
            weights[i] = -weightOf(around[i].Link);
        }

        // Heaviest first (negated weights ascending), then the lowest neighbour: the key pairs are sorted together.
        var keys = new long[ordered.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)weights[i] << 32) | (uint)ordered[i].Neighbour;
        }

        Array.Sort(keys, ordered);
        var neighbours = new int[ordered.Length];
        var links = new int[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            (neighbours[i], links[i]) = ordered[i];
        }

        return (neighbours, links);
    }

    private sealed record State(
        ChunkedArray<Guid> People, ChunkedArray<byte> Flags, PositionMap PersonPositions, ChunkedArray<int> OrganisationOf,
        ChunkedArray<int[]> ProjectsOfPerson, ChunkedArray<int[]> Neighbours, ChunkedArray<int[]> LinksOfPerson, Guid[] Organisations, Guid?[] SystemOf,
        Dictionary<Guid, int> OrganisationPositions, ChunkedArray<Guid> Projects, ChunkedArray<DateOnly> Recency, PositionMap ProjectPositions,
        ChunkedArray<int[]> Members, LinkProjects LinkProjects, int LinkCount);

    /// <summary>One batch of changes being worked out: copies of just the lists it touches.</summary>
    private sealed class Change(CollaborationGraph graph, CollaborationSource delta, SourceScope scope)
    {
        private readonly Dictionary<int, List<(int Neighbour, int Link)>> adjacency = [];
        private readonly Dictionary<int, List<int>> links = [];
        private readonly Dictionary<int, List<int>> teams = [];
        private int nextLink = graph.linkProjects.Length;
        private int linkCount = graph.LinkCount;
        private bool reshaped;

        public CollaborationGraph Make(long sequence)
        {
            var (organisations, systemOf, organisationPositions) = Organisations();
            reshaped |= !ReferenceEquals(organisations, graph.organisations);

            // Projects: new ones are appended, known ones get their dates again.
            var projectPositions = graph.projectPositions.ToBuilder();
            var projectIds = new List<(int, Guid)>();
            var recency = new List<(int, DateOnly)>();
            foreach (var (id, lastActive) in delta.Projects)
            {
                if (!projectPositions.TryGetValue(id, out var position))
                {
                    position = graph.projects.Length + projectIds.Count;
                    projectPositions[id] = position;
                    projectIds.Add((position, id));
                    teams[position] = [];
                }

                reshaped |= position >= graph.recency.Length || graph.recency[position] != (lastActive ?? DateOnly.MinValue);
                recency.Add((position, lastActive ?? DateOnly.MinValue));
            }

            var visibility = delta.People.ToDictionary(p => p.Id, p => p.Visibility);
            var primary = delta.PrimaryEmployments.ToDictionary(e => e.PersonId, e => e.OrganisationId);
            var joined = delta.Contributions.ToLookup(c => c.PersonId, c => projectPositions.TryGetValue(c.ProjectId, out var j)
                ? j : throw new Experts.ReadModelChangeException($"A contribution names project {c.ProjectId}, which the change did not bring."));
            var personPositions = graph.personPositions.ToBuilder();
            var personIds = new List<(int, Guid)>();
            var flagChanges = new List<(int, byte)>();
            var organisationChanges = new List<(int, int)>();
            var projectChanges = new List<(int, int[])>();
            foreach (var id in scope.People ?? throw new Experts.ReadModelChangeException("A change scope without its people cannot be applied."))
            {
                var had = graph.personPositions.TryGetValue(id, out var position);
                int[] now;
                if (visibility.TryGetValue(id, out var seen))
                {
                    if (!had)
                    {
                        position = graph.people.Length + personIds.Count;
                        personPositions[id] = position;
                        personIds.Add((position, id));
                    }

                    var organisation = primary.TryGetValue(id, out var employer)
                        ? organisationPositions.TryGetValue(employer, out var o) ? o : throw new Experts.ReadModelChangeException($"Organisation {employer} is not in the graph.")
                        : -1;
                    reshaped |= !had || graph.flags[position] != (byte)seen || graph.organisationOf[position] != organisation;
                    flagChanges.Add((position, (byte)seen));
                    organisationChanges.Add((position, organisation));
                    now = [.. joined[id].Distinct()];
                }
                else if (had)
                {
                    reshaped = true;
                    personPositions.Remove(id);
                    flagChanges.Add((position, RemovedFlag));
                    organisationChanges.Add((position, -1));
                    now = [];
                }
                else
                {
                    continue;
                }

                var before = had ? graph.projectsOfPerson[position] : [];
                reshaped |= !before.Order().SequenceEqual(now.Order());
                foreach (var project in before.Except(now))
                {
                    Leave(position, project);
                }

                foreach (var project in now.Except(before))
                {
                    Join(position, project);
                }

                projectChanges.Add((position, now));
            }

            // A person new to the graph gets their (perhaps empty) links written too: a later change that links them reads
            // them back (Around), and an unwritten position would hold none at all.
            foreach (var (position, _) in personIds)
            {
                Around(position);
            }

            var sorted = adjacency.Select(a => (a.Key, Sorted: StrongestFirst([.. a.Value], WeightOf))).ToList();
            return new CollaborationGraph(graph, sequence, new State(
                graph.people.With(personIds), graph.flags.With(flagChanges), personPositions.ToImmutable(), graph.organisationOf.With(organisationChanges),
                graph.projectsOfPerson.With(projectChanges), graph.neighbours.With([.. sorted.Select(s => (s.Key, s.Sorted.Neighbours))]),
                graph.linksOfPerson.With([.. sorted.Select(s => (s.Key, s.Sorted.Links))]), organisations, systemOf, organisationPositions,
                graph.projects.With(projectIds), graph.recency.With(recency), projectPositions.ToImmutable(),
                graph.members.With([.. teams.Select(t => (t.Key, t.Value.Order().ToArray()))]),
                graph.linkProjects.With([.. links.Select(l => (l.Key, l.Value.ToArray()))]), linkCount))
            {
                Reshaped = reshaped,
            };
        }

        private (Guid[], Guid?[], Dictionary<Guid, int>) Organisations()
        {
            if (scope.Organisations is not { Count: > 0 })
            {
                return (graph.organisations, graph.systemOf, graph.organisationPositions);
            }

            var ids = graph.organisations.ToList();
            var systems = graph.systemOf.ToList();
            var positions = new Dictionary<Guid, int>(graph.organisationPositions);
            foreach (var (id, system) in delta.Organisations)
            {
                if (positions.TryGetValue(id, out var position))
                {
                    systems[position] = system;
                }
                else
                {
                    positions[id] = ids.Count;
                    ids.Add(id);
                    systems.Add(system);
                }
            }

            return ([.. ids], [.. systems], positions);
        }

        private void Leave(int person, int project)
        {
            var team = Team(project);
            team.Remove(person);
            foreach (var other in team)
            {
                if (Find(person, other) is not { } link)
                {
                    continue;
                }

                var shared = Projects(link);
                shared.Remove(project);
                if (shared.Count == 0)
                {
                    Around(person).RemoveAll(x => x.Link == link);
                    Around(other).RemoveAll(x => x.Link == link);
                    linkCount--;
                }
            }
        }

        private void Join(int person, int project)
        {
            var team = Team(project);
            foreach (var other in team)
            {
                if (other == person)
                {
                    continue;
                }

                if (Find(person, other) is { } link)
                {
                    Projects(link).Add(project);
                }
                else
                {
                    link = nextLink++;
                    links[link] = [project];
                    Around(person).Add((other, link));
                    Around(other).Add((person, link));
                    linkCount++;
                }
            }

            if (!team.Contains(person))
            {
                team.Add(person);
            }
        }

        private int? Find(int person, int other)
        {
            foreach (var (neighbour, link) in Around(person))
            {
                if (neighbour == other)
                {
                    return link;
                }
            }

            return null;
        }

        private List<(int Neighbour, int Link)> Around(int person)
        {
            if (!adjacency.TryGetValue(person, out var around))
            {
                around = [];
                if (person < graph.people.Length)
                {
                    var ns = graph.neighbours[person];
                    var ls = graph.linksOfPerson[person];
                    for (var i = 0; i < ns.Length; i++)
                    {
                        around.Add((ns[i], ls[i]));
                    }
                }

                adjacency[person] = around;
            }

            return around;
        }

        /// <summary>A link's projects as this change leaves them, without copying a link it does not change.</summary>
        private int WeightOf(int link) => links.TryGetValue(link, out var shared) ? shared.Count : graph.linkProjects.Count(link);

        private List<int> Projects(int link)
        {
            if (!links.TryGetValue(link, out var shared))
            {
                links[link] = shared = [.. graph.linkProjects.Of(link)];
            }

            return shared;
        }

        private List<int> Team(int project)
        {
            if (!teams.TryGetValue(project, out var team))
            {
                teams[project] = team = [.. graph.members[project]];
            }

            return team;
        }
    }
}
