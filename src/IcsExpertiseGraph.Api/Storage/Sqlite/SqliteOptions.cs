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
    /// its own cache; 0 turns it off. Reads only: writes still go through the journal. A search page reads its twenty
    /// people by id at random places in the file, and through the map each page costs no system call and no copy, and
    /// every connection shares the one copy the operating system keeps. The price is SQLite's own caveat: an I/O error
    /// on the disk under the file ends the process rather than failing the one read.
    /// </summary>
    public long MemoryMapBytes { get; set; } = 1L << 30;
}
