using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using GraphQL.Types;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Tests;

/// <summary>A GraphQL document, mostly malformed: fragments of real syntax and schema names in random order.</summary>
public sealed record FuzzDocument(string Text)
{
    public override string ToString() => Text.Length > 300 ? Text[..300] + $"... ({Text.Length} chars)" : Text;
}

/// <summary>Text that breaks naive code: control characters, bidi overrides, lone surrogates, combining marks, emoji, and sheer length.</summary>
public sealed record OddText(string Text)
{
    public override string ToString() => Text.Length > 120 ? Text[..120] + $"... ({Text.Length} chars)" : Text;
}

/// <summary>The FsCheck generators of the fuzz tests, and a schema-shaped generator of mutation inputs.</summary>
public static class FuzzInputs
{
    private static readonly string[] Pieces =
    [
        "a", "Zz", " ", "0", "\0", "\u0007", "\r\n", "\t", "\"", "\\", "'", "`", "<script>", "%00", "{", "}", "$", "#",
        "\u202E", "\u200D", "\u200B", "\uFEFF", "\uFFFF", "\uD800", "\uDC00", "e\u0301", "\u0300\u0301\u0302",
        "👩‍⚕️", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﷺ", "\u00A0", "Ω", "日本語", "ÿ", "'; DROP TABLE person; --", "\" OR 1=1 --",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ":", "...", "=", "!", "|", "&", "@skip(if: true)", "@include(if: $v)", "@deprecated",
        "query", "mutation", "subscription", "fragment F on Person", "on", "...F", "query Q($v: Int = 1)",
        "people", "person(id: \"x\")", "searchExperts", "nodes", "edges", "node", "displayName", "totalCount", "me",
        "first: 5", "first: -1", "first: 99999999999", "after: null", "$v", "\"str\"", "\"\"\"block\"\"\"", "#c\n",
        "__typename", "__schema", "__type(name: \"Person\")", "1e999", "0x1F", "-0", "null", "true", "enum", "input",
        "updateMyProfile(input: {headline: \"h\"})", "createProject(input: {})", "importPeople(rows: [])", "{ __typename }",
    ];

    public static Gen<string> Text { get; } = Gen.Frequency(
        (8, Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat)),
        (1, Gen.Zip(Gen.Elements(Pieces), Gen.Choose(1_000, 40_000)).Select(p => new StringBuilder().Insert(0, p.Item1, p.Item2).ToString())));

    public static Arbitrary<FuzzDocument> Documents() => Gen.Frequency(
        (6, Gen.ListOf(Gen.Elements(Tokens)).Select(tokens => string.Join(' ', tokens))),
        (2, Gen.Zip(Gen.ListOf(Gen.Elements(Tokens)), Text).Select(p => string.Join(' ', p.Item1) + p.Item2)),
        (1, Text),
        (1, Gen.Zip(Gen.Elements("{ a ", "[", "{", "(a: ", "... on Q { "), Gen.Choose(1, 3_000)).Select(p => string.Concat(Enumerable.Repeat("{ people(after: " + p.Item1, 1).Concat(Enumerable.Repeat(p.Item1, p.Item2)))))).Select(text => new FuzzDocument(text)).ToArbitrary();

    public static Arbitrary<OddText> Strings() => Text.Select(text => new OddText(text)).ToArbitrary();

    /// <summary>
    /// A value for an argument of this type: usually shaped like it (an object with some of its fields, strings
    /// of odd text, ids of the right and wrong kinds, enum values and near misses), sometimes of a wrong type.
    /// </summary>
    public static JsonNode? ValueFor(IGraphType type, Random random, IReadOnlyList<string> ids, int depth = 0)
    {
        if (random.Next(6) == 0 || depth > 4)
        {
            return WrongValue(random);
        }

        return type switch
        {
            NonNullGraphType nonNull => ValueFor(nonNull.ResolvedType!, random, ids, depth),
            ListGraphType list => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => ValueFor(list.ResolvedType!, random, ids, depth + 1)).ToArray()),
            IInputObjectGraphType input => new JsonObject(input.Fields.Where(_ => random.Next(3) > 0)
                .Select(f => KeyValuePair.Create(f.Name, ValueFor(f.ResolvedType!, random, ids, depth + 1)))),
            EnumerationGraphType enumeration => random.Next(4) == 0 ? "NOT_A_VALUE" : enumeration.Values.ElementAt(random.Next(enumeration.Values.Count)).Name,
            IdGraphType => random.Next(3) == 0 ? OddString(random) : ids[random.Next(ids.Count)],
            IntGraphType => random.Next(5) switch { 0 => int.MinValue, 1 => int.MaxValue, _ => random.Next(-5, 100) },
            BooleanGraphType => random.Next(2) == 0,
            _ => random.Next(4) == 0 ? DateTime.UnixEpoch.AddDays(random.Next(-100_000, 100_000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : OddString(random),
        };
    }

    private static string OddString(Random random) => string.Concat(Enumerable.Range(0, random.Next(random.Next(8) == 0 ? 3_000 : 12)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    private static JsonNode? WrongValue(Random random) => random.Next(7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(1e308 * random.Next(-1, 2)),
        3 => JsonValue.Create(OddString(random)),
        4 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
        5 => new JsonObject { ["unexpected"] = JsonValue.Create(OddString(random)) },
        _ => JsonValue.Create(random.Next()),
    };

    /// <summary>Ids a mutation might be given: real ones of every kind, one of the wrong kind, and one for nothing that exists.</summary>
    public static string UnknownPersonId { get; } = GlobalId.Encode("Person", Guid.Empty);
}
