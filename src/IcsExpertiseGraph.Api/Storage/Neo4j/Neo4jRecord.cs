using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>
/// Named values of one result row, or of one map inside a row (a <c>p {.*}</c> projection): Neo4j stores no nulls,
/// so a missing key reads as null. Values arrive as plain JSON (the Query API's default format): ids, enums, dates and
/// date-times as text, integers and floats as numbers.
/// </summary>
internal readonly partial struct Neo4jRecord
{
    private readonly IReadOnlyDictionary<string, int>? fields;
    private readonly JsonElement[]? row;
    private readonly JsonElement map;

    private Neo4jRecord(IReadOnlyDictionary<string, int> fields, JsonElement[] row)
    {
        this.fields = fields;
        this.row = row;
        map = default;
    }

    private Neo4jRecord(JsonElement map)
    {
        fields = null;
        row = null;
        this.map = map;
    }

    public static IEnumerable<Neo4jRecord> All(Neo4jResult result)
    {
        var fields = result.Fields.Select((name, index) => (name, index)).ToDictionary(f => f.name, f => f.index, StringComparer.Ordinal);
        return result.Rows.Select(row => new Neo4jRecord(fields, row));
    }

    public static Neo4jRecord? First(Neo4jResult result) => All(result).Cast<Neo4jRecord?>().FirstOrDefault();

    public static Neo4jRecord OfMap(JsonElement map) => new(map);

    public JsonElement? this[string name]
    {
        get
        {
            JsonElement value;
            if (row is not null)
            {
                if (!fields!.TryGetValue(name, out var index))
                {
                    throw new Neo4jException("Client.Protocol", $"The statement returned no field '{name}'.");
                }

                value = row[index];
            }
            else if (map.ValueKind != JsonValueKind.Object || !map.TryGetProperty(name, out value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Null ? null : value;
        }
    }

    public string Text(string name) => TextOrNull(name) ?? throw Missing(name);

    public string? TextOrNull(string name) => this[name]?.GetString();

    public Guid Id(string name) => IdOrNull(name) ?? throw Missing(name);

    public Guid? IdOrNull(string name) => this[name] is { } v ? Guid.Parse(v.GetString()!) : null;

    public long Long(string name) => this[name]?.GetInt64() ?? throw Missing(name);

    public int Int(string name) => IntOrNull(name) ?? throw Missing(name);

    public int? IntOrNull(string name) => this[name]?.GetInt32();

    public double Double(string name) => this[name]?.GetDouble() ?? 0;

    public bool Bool(string name) => this[name] is { } v && v.GetBoolean();

    public DateOnly? DateOrNull(string name) =>
        this[name] is { } v ? DateOnly.ParseExact(v.GetString()!.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public DateTimeOffset Timestamp(string name) => TimestampOrNull(name) ?? throw Missing(name);

    /// <summary>
    /// Neo4j renders a date-time with up to nine fraction digits (and a zone name in brackets when it has one);
    /// .NET keeps seven, so the extra digits and the bracket go before parsing.
    /// </summary>
    public DateTimeOffset? TimestampOrNull(string name)
    {
        if (this[name] is not { } v)
        {
            return null;
        }

        var text = v.GetString()!;
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        text = ExtraFractionDigits().Replace(bracket < 0 ? text : text[..bracket], "$1");
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    public TEnum Enum<TEnum>(string name) where TEnum : struct, Enum => EnumText.Parse<TEnum>(Text(name));

    public TEnum? EnumOrNull<TEnum>(string name) where TEnum : struct, Enum => TextOrNull(name) is { } t ? EnumText.Parse<TEnum>(t) : null;

    public IEnumerable<JsonElement> List(string name) => this[name] is { ValueKind: JsonValueKind.Array } v ? v.EnumerateArray() : [];

    public IEnumerable<Neo4jRecord> Maps(string name) => List(name).Select(OfMap);

    public Neo4jRecord Map(string name) => this[name] is { } v ? OfMap(v) : throw Missing(name);

    private static Neo4jException Missing(string name) => new("Client.Protocol", $"The value '{name}' is missing from Neo4j's answer.");

    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex ExtraFractionDigits();
}

/// <summary>How values cross into Neo4j parameters: ids as UUID text, dates and date-times as ISO-8601 text (the statements wrap them in date() and datetime()), enums by their API names.</summary>
internal static class Neo4jValues
{
    public static string Id(Guid id) => id.ToString("D");

    public static string? Id(Guid? id) => id is { } value ? Id(value) : null;

    public static string[] Ids(IEnumerable<Guid> ids) => [.. ids.Select(Id)];

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTimeOffset? at) => at?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string? Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? EnumText.Name(v) : null;

    public static string[] Names<TEnum>(IEnumerable<TEnum> values) where TEnum : struct, Enum => [.. values.Select(EnumText.Name)];

    public static string Today() => Date(DateOnly.FromDateTime(DateTime.UtcNow))!;
}
