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

/// <summary>The arguments that are a verb's own, once the configuration arguments the host has already read are set aside.</summary>
public static class VerbArguments
{
    /// <summary>
    /// Drops <c>--Section:Key=value</c>, <c>--Section:Key value</c> and the <c>/</c> forms: a configuration key has a
    /// colon, a verb's options never do. Everything else keeps its order.
    /// </summary>
    public static string[] Own(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var own = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var key = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg.StartsWith('/') ? arg[1..] : null;
            if (key is null || !key.Split('=', 2)[0].Contains(':', StringComparison.Ordinal))
            {
                own.Add(arg);
                continue;
            }

            if (!key.Contains('=', StringComparison.Ordinal))
            {
                i++; // its value is the next argument
            }
        }

        return [.. own];
    }
}
