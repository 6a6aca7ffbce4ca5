using System.Globalization;
using System.Text.Json;
using IcsExpertiseGraph.Api.Domain;
using Microsoft.Data.Sqlite;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>How values cross the SQLite boundary: ISO-8601 text for dates, UUID text for ids, JSON arrays for lists.</summary>
internal static class SqliteValues
{
    public static string Id(Guid id) => id.ToString("D");

    public static object Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;

    public static object Timestamp(DateTimeOffset? at) => at is { } t ? t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;

    public static object Text(string? text) => text is null ? DBNull.Value : text;

    public static object Int(int? value) => value is { } v ? v : DBNull.Value;

    /// <summary>A JSON array for <c>json_each</c>: SQLite has no array parameters.</summary>
    public static string JsonIds(IEnumerable<Guid> ids) => JsonSerializer.Serialize(ids.Select(Id));

    public static string JsonEnums<TEnum>(IEnumerable<TEnum> values) where TEnum : struct, Enum =>
        JsonSerializer.Serialize(values.Select(EnumText.Name<TEnum>));

    public static Guid GetId(this SqliteDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    public static Guid? GetIdOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Guid.Parse(reader.GetString(ordinal));

    public static string? GetTextOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetIntOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateOnly? GetDateOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A timestamp as <see cref="Timestamp"/> writes it (the round-trip "O" form, read by its own fast parser: every person
    /// read has three), or any other form <see cref="DateTimeOffset.Parse(string, IFormatProvider, DateTimeStyles)"/> reads.
    /// </summary>
    public static DateTimeOffset? GetTimestampOrNull(this SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var text = reader.GetString(ordinal);
        return DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    public static TEnum GetEnum<TEnum>(this SqliteDataReader reader, int ordinal) where TEnum : struct, Enum =>
        EnumText.Parse<TEnum>(reader.GetString(ordinal));

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
