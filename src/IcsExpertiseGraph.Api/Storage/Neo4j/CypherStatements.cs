using System.Collections.Frozen;
using System.Reflection;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>
/// The Cypher the Neo4j adapter runs, read once from the embedded .cypher files: one statement per file, named after
/// its operation, parameters only. The schema files (constraints, indexes) hold several statements each, ended by ';'.
/// </summary>
public sealed class CypherStatements
{
    private const string StatementPrefix = "neo4j/";
    private const string SchemaPrefix = "neo4j-schema/";

    private readonly FrozenDictionary<string, string> statements;

    public CypherStatements()
    {
        var assembly = typeof(CypherStatements).Assembly;
        statements = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(StatementPrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[StatementPrefix.Length..^".cypher".Length], n => Read(assembly, n), StringComparer.Ordinal);
        Schema = [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(SchemaPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(n => SplitStatements(Read(assembly, n)))];
    }

    /// <summary>The schema statements in file order (0001_constraints first), each idempotent.</summary>
    public IReadOnlyList<string> Schema { get; }

    public IReadOnlyCollection<string> Names => statements.Keys;

    public string this[string name] =>
        statements.TryGetValue(name, out var text) ? text : throw new InvalidOperationException($"There is no Cypher statement named '{name}' (Storage/Neo4j/Cypher/{name}.cypher).");

    /// <summary>Statements end with ';' at the end of a line; comment lines go (the Query API runs one statement per request).</summary>
    internal static IEnumerable<string> SplitStatements(string file) =>
        string.Join('\n', file.ReplaceLineEndings("\n").Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            .Split(";\n")
            .Select(s => s.Trim().TrimEnd(';').Trim())
            .Where(s => s.Length > 0);

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
