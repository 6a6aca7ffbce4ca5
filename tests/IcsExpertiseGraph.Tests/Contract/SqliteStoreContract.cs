using Microsoft.Data.Sqlite;

namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>The store contract against the embedded SQLite store: one fresh database file per test.</summary>
public sealed class SqliteStoreContract : StoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-contract", Guid.NewGuid().ToString("N"));

    protected override Task<ContractStore> OpenStoreAsync() => ContractStore.OpenAsync(
        new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(directory, "expertise.db"),
        },
        afterDispose: DeleteDatabase);

    private void DeleteDatabase()
    {
        // Pooled connections keep the file (and its WAL) open; release them before deleting.
        SqlitePools.ReleaseUnder(directory);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
