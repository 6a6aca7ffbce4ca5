using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// <c>export --format graphml|json [--ics &lt;ICS id or ODS code&gt;] [--out file]</c>: the same export from the command
/// line, as a signed-in member would see it (PUBLIC and NETWORK people; never PRIVATE ones).
/// </summary>
public static class ExportCommand
{
    public const string Usage = "export --format graphml|json [--ics <icsId|odsCode>] [--out <file>]";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        string? format = null, ics = null, output = null;
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--format" when value is not null: format = value; break;
                case "--ics" when value is not null: ics = value; break;
                case "--out" when value is not null: output = value; break;
                default:
                    await Console.Error.WriteLineAsync($"Unrecognised argument '{args[i]}'.\nUsage: {Usage}");
                    return 2;
            }
        }

        if (format is null || !ExportEndpoints.TryFormat(format, out var chosen))
        {
            await Console.Error.WriteLineAsync($"--format must be graphml or json.\nUsage: {Usage}");
            return 2;
        }

        var store = services.GetRequiredService<IExpertiseStore>();
        await store.MigrateAsync(cancellationToken);
        Guid? icsId = null;
        if (ics is not null)
        {
            var systems = await store.ListIntegratedCareSystemsAsync(new PageRequest(0, 1000), cancellationToken);
            icsId = systems.Items.FirstOrDefault(s => string.Equals(s.OdsCode, ics, StringComparison.OrdinalIgnoreCase)
                || (GlobalId.TryDecode(ics, out var type, out var id) && type == "IntegratedCareSystem" && id == s.Id))?.Id;
            if (icsId is null)
            {
                await Console.Error.WriteLineAsync($"No ICS has id or ODS code '{ics}'.");
                return 2;
            }
        }

        var graph = await services.GetRequiredService<CollaborationGraphHost>().CatchUpAsync(cancellationToken);
        var members = new Viewer(null, IsMember: true, IsAdmin: false);
        await using var stream = output is null ? Console.OpenStandardOutput() : File.Create(output);
        await CollaborationExport.WriteAsync(stream, chosen, graph, store, icsId, members, cancellationToken);
        return 0;
    }
}
