using System.Collections.Concurrent;
using IcsExpertiseGraph.Api.Auth;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Remembers, per writer, the store's change sequence after their latest write, so the read models can make
/// that writer (and only them) wait for a snapshot that includes it: everyone else is served the current
/// snapshot at once while it rebuilds in the background.
/// </summary>
public sealed class ReadYourWrites
{
    private readonly ConcurrentDictionary<Guid, long> written = new();

    public void Record(Guid writer, long sequence) => written.AddOrUpdate(writer, sequence, (_, previous) => Math.Max(previous, sequence));

    /// <summary>The oldest snapshot this viewer may be shown (0 when they have written nothing).</summary>
    public long MinimumFor(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.PersonId is { } person && written.TryGetValue(person, out var sequence) ? sequence : 0;
    }
}
