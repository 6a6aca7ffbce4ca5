using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Seeding;

/// <summary>A small RFC 4180 reader for the reference files (quoted fields, doubled quotes, LF or CRLF).</summary>
internal static class Csv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string text)
    {
        var records = Parse(text);
        var header = records[0];
        return [.. records.Skip(1).Where(r => r.Count > 1 || r[0].Length > 0).Select((r, index) =>
        {
            if (r.Count != header.Count)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Row {index + 2} has {r.Count} fields; the header has {header.Count}."));
            }

            return (IReadOnlyDictionary<string, string>)header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        })];
    }

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; }
            else if (c != '\r') { field.Append(c); }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
