using System.Collections.Immutable;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// The collaboration graph: people are linked when they contributed to the same project (weight = shared projects);
/// each person has one organisation (their primary current employer) and each organisation its ICS. Positions are small
/// integers; ids appear only at the edges of the API. Immutable: a change makes a new snapshot (<see cref="Apply"/>) that
/// shares everything it does not touch with the one before, so a write costs what it changes, not the size of the
/// network. Positions are stable across such snapshots (an erased person's stays, empty, until a whole rebuild).
/// </summary>
public sealed partial class CollaborationGraph : IReadModel
{
    private const byte VisibilityMask = 0b11;
    private const byte RemovedFlag = 1 << 2;

    private readonly ChunkedArray<Guid> people;
    private readonly ChunkedArray<byte> flags;                  // visibility, removed
    private readonly PositionMap personPositions;
    private readonly ChunkedArray<int> organisationOf;          // by person: organisation position, or -1
    private readonly ChunkedArray<int[]> projectsOfPerson;      // by person: project positions
    private readonly ChunkedArray<int[]> neighbours;            // by person: strongest ties first
    private readonly ChunkedArray<int[]> linksOfPerson;         // parallel to neighbours: the link numbers
    private readonly Guid[] organisations;
    private readonly Guid?[] systemOf;                          // by organisation
    private readonly Dictionary<Guid, int> organisationPositions;
    private readonly ChunkedArray<Guid> projects;
    private readonly ChunkedArray<DateOnly> recency;            // by project: end, else start
    private readonly PositionMap projectPositions;
    private readonly ChunkedArray<int[]> members;               // by project: people positions
    private readonly LinkProjects linkProjects;                 // by link: project positions (weight = how many); none = gone

    public long Sequence { get; }

    /// <summary>
    /// Shared by a graph built whole and every snapshot made from it by changes, whose positions agree: figures
    /// computed on one of them (broker scores) can be read on the others.
    /// </summary>
    public object Lineage { get; }

    public int PeopleCount => people.Length;

    /// <summary>Links between two people (each counted once).</summary>
    public int LinkCount { get; }

    public int? Position(Guid personId) => personPositions.TryGetValue(personId, out var p) ? p : null;

    public Guid PersonId(int position) => people[position];

    public Guid? OrganisationId(int position) => organisationOf[position] < 0 ? null : organisations[organisationOf[position]];

    public Guid? SystemOf(int position) => organisationOf[position] < 0 ? null : systemOf[organisationOf[position]];

    /// <summary>An erased person (kept as an empty position until a rebuild) is PRIVATE here, so no member sees them.</summary>
    public Visibility VisibilityOf(int position) => (flags[position] & RemovedFlag) != 0 ? Visibility.Private : (Visibility)(flags[position] & VisibilityMask);

    public ReadOnlySpan<int> Neighbours(int position) => neighbours[position];

    public ReadOnlySpan<int> LinksOf(int position) => linksOfPerson[position];

    public int Weight(int link) => linkProjects.Count(link);

    /// <summary>The projects behind a link, most recent first (then by position, so the order is stable).</summary>
    public IEnumerable<Guid> ProjectsOf(int link) =>
        linkProjects.Of(link).OrderByDescending(p => recency[p]).ThenBy(p => p).Select(p => projects[p]);

    public Guid MostRecentProject(int link) => ProjectsOf(link).First();

    public bool Visible(int position, Viewer viewer) => (flags[position] & RemovedFlag) == 0 && viewer.CanSee(people[position], VisibilityOf(position));

    public IEnumerable<int> PeopleIn(Guid? system) =>
        Enumerable.Range(0, people.Length).Where(p => (flags[p] & RemovedFlag) == 0 && (system is null || SystemOf(p) == system));
}

/// <summary>
/// The projects behind each link, packed: most links stand for one shared project, which is kept inline; only a link of
/// several keeps an array (a million links of one project would otherwise be a million small arrays).
/// </summary>
internal sealed record LinkProjects(ChunkedArray<int> First, ChunkedArray<int[]?> More)
{
    public int Length => First.Length;

    public int Count(int link) => More[link]?.Length ?? (First[link] >= 0 ? 1 : 0);

    public IReadOnlyList<int> Of(int link) => More[link] ?? (First[link] >= 0 ? [First[link]] : []);

    public static LinkProjects From(IReadOnlyList<int[]> links) =>
        new(new ChunkedArray<int>([.. links.Select(l => l.Length == 0 ? -1 : l[0])]), new ChunkedArray<int[]?>([.. links.Select(l => l.Length > 1 ? l : null)]));

    public LinkProjects With(IReadOnlyCollection<(int Link, int[] Projects)> changes) =>
        new(First.With([.. changes.Select(c => (c.Link, c.Projects.Length == 0 ? -1 : c.Projects[0]))]),
            More.With([.. changes.Select(c => (c.Link, c.Projects.Length > 1 ? c.Projects : null))]));
}
