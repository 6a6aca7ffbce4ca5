using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Seeding;

/// <summary>
/// The checked reference data in seed/ (embedded): the 42 ICBs as ICSs, and the QI skill taxonomy.
/// Ids are derived from the natural keys (ODS code, skill key), so they are the same in every store and every seed.
/// </summary>
public static class ReferenceData
{
    /// <summary>The ICBs were established on this date; seed/icbs.csv is the set in force from then.</summary>
    public static readonly DateOnly IcbsEstablished = new(2022, 7, 1);

    public static IReadOnlyList<IntegratedCareSystem> IntegratedCareSystems() =>
        [.. Csv.Read(Resource("seed/icbs.csv")).Select(row => new IntegratedCareSystem(
            StableId("ics", row["ods_code"]), row["ods_code"], row["name"], row["nhs_region"], IcbsEstablished, null, null))];

    public static IReadOnlyList<Skill> Skills()
    {
        var rows = Csv.Read(Resource("seed/skills.csv"));
        return [.. rows.Select(row => new Skill(
            StableId("skill", row["key"]),
            row["key"],
            row["name"],
            row["aliases"].Length == 0 ? [] : row["aliases"].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            row["description"].Length == 0 ? null : row["description"],
            EnumText.Parse<QualityDomain>(row["domain"]),
            row["broader"].Length == 0 ? null : StableId("skill", row["broader"])))];
    }

    /// <summary>A name-based UUID (SHA-256 of kind and key, version 8 bits set): stable, and distinct per kind.</summary>
    public static Guid StableId(string kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + key.ToUpperInvariant()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

