using System.Reflection;
using System.Text.RegularExpressions;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The stores gather facts and write; the rules decide (issue 19). These tests read both adapters' sources: a rule's
/// words or an audit action written in both would be a rule kept twice, free to drift apart.
/// </summary>
public sealed partial class AdapterRuleTests
{
    private static readonly string Storage = Path.Combine(SchemaContractTests.RepositoryRoot(), "src", "IcsExpertiseGraph.Api", "Storage");

    [Fact]
    public void NoRuleTextOrAuditActionIsWrittenInBothAdapters()
    {
        var shared = Literals("Sqlite").Intersect(Literals("Neo4j")).Where(IsRuleText).Order(StringComparer.Ordinal).ToList();
        Assert.True(shared.Count == 0, "Written in both adapters; give it one home in a rule class, ErrorTexts or AuditActions:\n" + string.Join("\n", shared));
    }

    [Fact]
    public void AdaptersNameAuditActionsOnlyThroughTheRules()
    {
        var actions = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.NotEmpty(actions);
        var written = Literals("Sqlite").Concat(Literals("Neo4j")).Where(actions.Contains).Distinct().ToList();
        Assert.True(written.Count == 0, "Audit actions spelled out in an adapter: " + string.Join(", ", written));
    }

    [Fact]
    public void BothAdaptersSplitIntoTheSamePartialFiles()
    {
        static IEnumerable<string> Parts(string adapter) =>
            Directory.GetFiles(Path.Combine(Storage, adapter), $"{adapter}ExpertiseStore.*.cs").Select(f => Path.GetFileName(f)[(adapter.Length + "ExpertiseStore".Length)..]).Order(StringComparer.Ordinal);

        Assert.Equal(Parts("Sqlite"), Parts("Neo4j"));
    }

    /// <summary>A sentence (ends with a full stop, or reads as words starting with a capital) or an action name in SCREAMING_SNAKE_CASE.</summary>
    private static bool IsRuleText(string literal) =>
        ActionName().IsMatch(literal) || (literal.Contains(' ', StringComparison.Ordinal) && (literal.EndsWith('.') || char.IsUpper(literal[0])));

    private static HashSet<string> Literals(string adapter) =>
        [.. Directory.GetFiles(Path.Combine(Storage, adapter), "*.cs").SelectMany(f => StringLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))];

    [GeneratedRegex("""(?<![@\w])\$?"((?:[^"\\\n]|\\.)*)"(?!")""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("^[A-Z]+(_[A-Z]+)+$")]
    private static partial Regex ActionName();
}
