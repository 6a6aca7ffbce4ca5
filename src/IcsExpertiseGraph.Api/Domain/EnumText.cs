using System.Collections.Frozen;
using System.Text;

namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// Enum values as the API and the stores spell them (SCREAMING_CASE), so a row in SQLite or a property
/// in Neo4j reads exactly like the GraphQL enum.
/// </summary>
public static class EnumText
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Cache<TEnum>.Names[value];

    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        Cache<TEnum>.Values.TryGetValue(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name} value.");

    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => ToScreamingCase(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> Values =
            Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    private static string ToScreamingCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
