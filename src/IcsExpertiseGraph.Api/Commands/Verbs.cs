using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Sqlite;

namespace IcsExpertiseGraph.Api.Commands;

/// <summary>
/// The command-line verbs of the one executable (seed, migrate, token, import, export, backup, restore). They run with
/// the server's configuration, so they take its arguments too: <c>seed --people 10 --Storage:Sqlite:Path=x.db</c>.
/// </summary>
public static class Verbs
{
    /// <summary>Runs the verb <paramref name="args"/> name and returns its exit code, or null when they name none (serve).</summary>
    public static async Task<int?> RunAsync(string[] args, IServiceProvider services, IConfiguration configuration)
    {
        var own = VerbArguments.Own(args);
        return own switch
        {
            ["migrate", ..] => await MigrateCommand.RunAsync(services, configuration, CancellationToken.None),
            ["seed", ..] => await SeedCommand.RunAsync(own, services, CancellationToken.None),
            ["token", ..] => await TokenCommand.RunAsync(own, services, CancellationToken.None),
            ["import", ..] => await ImportCommand.RunAsync(own, services, CancellationToken.None),
            ["export", ..] => await ExportCommand.RunAsync(own, services, CancellationToken.None),
            ["backup", ..] => await SqliteBackupCommand.BackupAsync(own, services, CancellationToken.None),
            ["restore", ..] => await SqliteBackupCommand.RestoreAsync(own, services, CancellationToken.None),
            _ => null,
        };
    }
}

