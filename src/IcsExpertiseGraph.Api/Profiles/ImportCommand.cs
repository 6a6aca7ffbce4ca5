using System.Globalization;
using System.Text.Json;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>
/// <c>import --file people.csv|people.jsonl</c>: the admins' bulk import from a file, all rows in one
/// transaction, idempotent by email. CSV columns (header required): email, displayName, headline, bio,
/// visibility, organisationOdsCode, role; JSON lines use the same names.
/// </summary>
public static class ImportCommand
{
    public const string Usage = "import --file <people.csv|people.jsonl>";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (args is not [_, "--file", var path] || !File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"Give an existing file.\nUsage: {Usage}");
            return 2;
        }

        List<PersonImport> rows;
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var records = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? Csv.Read(text)
                : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => (IReadOnlyDictionary<string, string>)(JsonSerializer.Deserialize<Dictionary<string, string?>>(line) ?? [])
                        .ToDictionary(p => p.Key, p => p.Value ?? "", StringComparer.Ordinal))];
            rows = [.. records.Select((record, i) => PersonImports.Checked(new PersonImport(
                Field(record, "email") ?? "", Field(record, "displayName") ?? "", Field(record, "headline"), Field(record, "bio"),
                Field(record, "visibility") is { } visibility ? EnumText.Parse<Visibility>(visibility.ToUpperInvariant()) : null,
                Field(record, "organisationOdsCode"), Field(record, "role")), i))];
        }
        catch (Exception e) when (e is FormatException or JsonException or BadUserInputError)
        {
            await Console.Error.WriteLineAsync($"{path}: {e.Message} Nothing was imported.");
            return 1;
        }

        var store = services.GetRequiredService<IExpertiseStore>();
        await store.MigrateAsync(cancellationToken);
        try
        {
            var summary = await store.ImportPeopleAsync(rows, null, DateTimeOffset.UtcNow, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {rows.Count} rows: {summary.Created} created, {summary.Updated} updated, {summary.Unchanged} unchanged."));
            return 0;
        }
        catch (CodedException e)
        {
            await Console.Error.WriteLineAsync($"{e.Field}: {e.Message} Nothing was imported.");
            return 1;
        }
    }

    private static string? Field(IReadOnlyDictionary<string, string> record, string name) =>
        record.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
