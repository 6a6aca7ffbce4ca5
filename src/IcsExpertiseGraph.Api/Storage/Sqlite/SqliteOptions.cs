namespace IcsExpertiseGraph.Api.Storage.Sqlite;

public sealed class SqliteOptions
{
    public const string Section = "Storage:Sqlite";

    /// <summary>The database file; relative paths are resolved against the working directory.</summary>
    public string Path { get; set; } = "data/expertise.db";

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>
    /// How much of the file each connection reads through a memory map (PRAGMA mmap_size) instead of copying pages into
    /// its own cache; 0 (the default) turns it off. Reads only: writes still go through the journal. Off by default because
    /// every mapped page the process has read counts as its resident memory, and the read models' start-up reads the whole
    /// file: at 100,000 people a 1 GiB map took the service from about 400 to about 580 MB resident (the target is 600 MB)
    /// with no difference over HTTP that measurement could tell from noise (2026-12-03). Where memory is plentiful, a map
    /// saves a system call and a copy per page read; the price is SQLite's own caveat: an I/O error on the disk under the
    /// file ends the process rather than failing the one read.
    /// </summary>
    public long MemoryMapBytes { get; set; }
}
