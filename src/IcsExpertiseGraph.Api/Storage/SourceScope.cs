namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// A part of the network to read again: the people, organisations and projects a batch of changes names. Null for a
/// kind means all of it (a whole load leaves all three null; a scope may leave one kind whole and name the others); an
/// empty set means none. The projects read for a scope that names projects are those it names and those its people
/// contribute to; for one that leaves projects null, every project.
/// </summary>
public sealed record SourceScope(IReadOnlySet<Guid>? People, IReadOnlySet<Guid>? Organisations, IReadOnlySet<Guid>? Projects)
{
    public static SourceScope Everything { get; } = new(null, null, null);

    public bool IsEverything => People is null && Organisations is null && Projects is null;

    /// <summary>The people, organisations and projects some entries name (people removed included: reading them finds nobody).</summary>
    public static SourceScope Of(IEnumerable<ChangeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var people = new HashSet<Guid>();
        var organisations = new HashSet<Guid>();
        var projects = new HashSet<Guid>();
        foreach (var entry in entries)
        {
            _ = entry.Kind switch
            {
                ChangeKind.Person or ChangeKind.PersonRemoved => people.Add(entry.Id),
                ChangeKind.Organisation => organisations.Add(entry.Id),
                ChangeKind.Project => projects.Add(entry.Id),
                _ => false,
            };
        }

        return new SourceScope(people, organisations, projects);
    }
}
