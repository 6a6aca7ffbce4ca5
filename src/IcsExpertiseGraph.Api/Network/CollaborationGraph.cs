using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// The collaboration graph in compressed sparse rows: people are linked when they contributed to the same
/// project (weight = shared projects; each link keeps its projects, most recent first); each person has
/// one organisation (their primary current employer) and each organisation its ICS. Positions are small
/// integers; ids appear only at the edges of the API. Immutable: a change builds a new graph.
/// </summary>
public sealed class CollaborationGraph : IReadModel
{
    private readonly Guid[] people;
    private readonly Visibility[] visibility;
    private readonly Dictionary<Guid, int> personPositions;
    private readonly int[] organisationOf;          // by person: organisation position, or -1
    private readonly Guid[] organisations;
    private readonly Guid?[] systemOf;              // by organisation
    private readonly Dictionary<Guid, int> organisationPositions;
    private readonly Guid[] projects;
    private readonly int[] offsets;                 // CSR: neighbours of p are neighbours[offsets[p]..offsets[p+1]]
    private readonly int[] neighbours;
    private readonly int[] links;                   // parallel to neighbours: the link (edge) number
    private readonly int[] weights;                 // by link
    private readonly int[] linkProjectOffsets;      // by link: its projects are linkProjects[...]
    private readonly int[] linkProjects;

    public CollaborationGraph(CollaborationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Sequence = source.Sequence;
        people = [.. source.People.Select(p => p.Id)];
        visibility = [.. source.People.Select(p => p.Visibility)];
        personPositions = new Dictionary<Guid, int>(people.Length);
        for (var i = 0; i < people.Length; i++)
        {
            personPositions[people[i]] = i;
        }

        organisations = [.. source.Organisations.Select(o => o.Id)];
        systemOf = [.. source.Organisations.Select(o => o.IntegratedCareSystemId)];
        organisationPositions = organisations.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        organisationOf = new int[people.Length];
        Array.Fill(organisationOf, -1);
        foreach (var (person, organisation) in source.PrimaryEmployments)
        {
            organisationOf[personPositions[person]] = organisationPositions[organisation];
        }

        projects = [.. source.Projects.Select(p => p.Id)];
        var projectPositions = projects.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var recency = source.Projects.Select(p => p.LastActive ?? DateOnly.MinValue).ToArray();

        // Every pair of people on a project is one (a < b, project) triple; sorted, equal pairs become one link.
        var triples = new List<(int A, int B, int Project)>();
        foreach (var team in source.Contributions.GroupBy(c => c.ProjectId))
        {
            var members = team.Select(c => personPositions[c.PersonId]).Distinct().Order().ToArray();
            var project = projectPositions[team.Key];
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    triples.Add((members[x], members[y], project));
                }
            }
        }

        triples.Sort((l, r) => l.A != r.A ? l.A.CompareTo(r.A) : l.B != r.B ? l.B.CompareTo(r.B) : recency[r.Project].CompareTo(recency[l.Project]));
        var linkEnds = new List<(int A, int B)>();
        var projectOffsets = new List<int>();
        for (var t = 0; t < triples.Count; t++)
        {
            if (t == 0 || triples[t].A != triples[t - 1].A || triples[t].B != triples[t - 1].B)
            {
                linkEnds.Add((triples[t].A, triples[t].B));
                projectOffsets.Add(t);
            }
        }

        projectOffsets.Add(triples.Count);
        linkProjectOffsets = [.. projectOffsets];
        linkProjects = [.. triples.Select(t => t.Project)];
        weights = [.. Enumerable.Range(0, linkEnds.Count).Select(l => linkProjectOffsets[l + 1] - linkProjectOffsets[l])];

        var degree = new int[people.Length + 1];
        foreach (var (a, b) in linkEnds)
        {
            degree[a]++;
            degree[b]++;
        }

        offsets = new int[people.Length + 1];
        for (var p = 0; p < people.Length; p++)
        {
            offsets[p + 1] = offsets[p] + degree[p];
        }

        neighbours = new int[offsets[^1]];
        links = new int[offsets[^1]];
        var fill = offsets[..^1].ToArray();
        for (var l = 0; l < linkEnds.Count; l++)
        {
            var (a, b) = linkEnds[l];
            neighbours[fill[a]] = b;
            links[fill[a]++] = l;
            neighbours[fill[b]] = a;
            links[fill[b]++] = l;
        }

        // Strongest ties first, so a neighbourhood cut at its limit keeps the links that matter most.
        for (var p = 0; p < people.Length; p++)
        {
            var order = Enumerable.Range(0, offsets[p + 1] - offsets[p]).OrderBy(i => -weights[links[offsets[p] + i]]).ThenBy(i => neighbours[offsets[p] + i]).ToArray();
            var sortedNeighbours = order.Select(i => neighbours[offsets[p] + i]).ToArray();
            var sortedLinks = order.Select(i => links[offsets[p] + i]).ToArray();
            sortedNeighbours.CopyTo(neighbours, offsets[p]);
            sortedLinks.CopyTo(links, offsets[p]);
        }
    }

    public long Sequence { get; }

    public int PeopleCount => people.Length;

    public int LinkCount => weights.Length;

    public int? Position(Guid personId) => personPositions.TryGetValue(personId, out var p) ? p : null;

    public Guid PersonId(int position) => people[position];

    public Guid? OrganisationId(int position) => organisationOf[position] < 0 ? null : organisations[organisationOf[position]];

    public Guid? SystemOf(int position) => organisationOf[position] < 0 ? null : systemOf[organisationOf[position]];

    public Visibility VisibilityOf(int position) => visibility[position];

    public ReadOnlySpan<int> Neighbours(int position) => neighbours.AsSpan(offsets[position], offsets[position + 1] - offsets[position]);

    public ReadOnlySpan<int> LinksOf(int position) => links.AsSpan(offsets[position], offsets[position + 1] - offsets[position]);

    public int Weight(int link) => weights[link];

    /// <summary>The projects behind a link, most recent first.</summary>
    public IEnumerable<Guid> ProjectsOf(int link)
    {
        for (var i = linkProjectOffsets[link]; i < linkProjectOffsets[link + 1]; i++)
        {
            yield return projects[linkProjects[i]];
        }
    }

    public Guid MostRecentProject(int link) => projects[linkProjects[linkProjectOffsets[link]]];

    public bool Visible(int position, Viewer viewer) => viewer.CanSee(people[position], visibility[position]);

    public IEnumerable<int> PeopleIn(Guid? system) =>
        Enumerable.Range(0, people.Length).Where(p => system is null || SystemOf(p) == system);
}
