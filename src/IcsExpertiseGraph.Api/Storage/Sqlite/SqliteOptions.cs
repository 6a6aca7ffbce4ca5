namespace IcsExpertiseGraph.Api.Storage.Sqlite;

public sealed class SqliteOptions
{
    public const string Section = "Storage:Sqlite";

    /// <summary>The database file; relative paths are resolved against the working directory.</summary>
    public string Path { get; set; } = "data/expertise.db";

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;
}
