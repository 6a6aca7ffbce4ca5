namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Set once the store's schema is current (and the demo network seeded, if asked for), so /readyz can say the
/// instance is ready without asking each adapter how it records its migrations.
/// </summary>
public sealed class StoreReadiness
{
    private volatile bool migrated;
    private volatile bool unavailableSinceStart;

    public bool MigrationsApplied => migrated;

    /// <summary>The store could not be reached when the instance started, and has not been prepared since.</summary>
    public bool UnavailableSinceStart => unavailableSinceStart && !migrated;

    public void MarkMigrated() => migrated = true;

    public void MarkUnavailableAtStart() => unavailableSinceStart = true;
}
