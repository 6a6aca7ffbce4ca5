namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Set once the store's schema is current (and the demo network seeded, if asked for), so /readyz can say the
/// instance is ready without asking each adapter how it records its migrations.
/// </summary>
public sealed class StoreReadiness
{
    private volatile bool migrated;

    public bool MigrationsApplied => migrated;

    public void MarkMigrated() => migrated = true;
}
