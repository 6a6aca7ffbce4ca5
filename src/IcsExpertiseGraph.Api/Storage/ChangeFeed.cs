namespace IcsExpertiseGraph.Api.Storage;

/// <summary>What a change-feed entry says changed, so a read model knows what to read again.</summary>
public enum ChangeKind
{
    /// <summary>A person's profile, skills, endorsements received, employments or contributions (their state is read again by id).</summary>
    Person,

    /// <summary>A person who was erased: read models drop them.</summary>
    PersonRemoved,

    /// <summary>A project's own fields (dates, methods); its contributors' changes come as their own Person entries.</summary>
    Project,

    /// <summary>An organisation's name, type, ICS or places.</summary>
    Organisation,

    /// <summary>The whole network was replaced (seed, import of a network): read models rebuild whole.</summary>
    Network,
}

/// <summary>One thing one committed write changed: every entry of a write carries that write's change sequence.</summary>
public sealed record ChangeEntry(long Sequence, ChangeKind Kind, Guid Id);

/// <summary>
/// What changed after a sequence, read from the store's change feed: every entry of the sequences after the one asked
/// for up to <see cref="Through"/>, whole sequences only. <see cref="PrunedThrough"/> is the newest sequence whose entries
/// were pruned: a reader behind it cannot follow the feed and must rebuild whole. <see cref="Through"/> below
/// <see cref="Latest"/> means more is waiting (the batch was cut at a size).
/// </summary>
public sealed record ChangeBatch(long Latest, long PrunedThrough, long Through, IReadOnlyList<ChangeEntry> Entries)
{
    /// <summary>Whether a model at <paramref name="sequence"/> can follow this batch (its entries were not pruned).</summary>
    public bool CanFollowFrom(long sequence) => sequence >= PrunedThrough;
}

/// <summary>
/// A part of the network to read again: the people, organisations and projects a batch of changes names. Null for a
/// kind means all of it (a whole load); an empty set means none.
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
