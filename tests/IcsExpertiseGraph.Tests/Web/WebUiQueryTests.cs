using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests.Web;

/// <summary>
/// Every GraphQL document the web UI sends, read from its TypeScript sources, must be valid against the schema and
/// within the production profile's limits (depth, aliases, cost). A page that asked for a renamed field, or for more
/// than production allows, would otherwise only fail in a user's browser. Page sizes are literals in the documents,
/// so the cost seen here is the cost the UI pays.
/// </summary>
public sealed partial class WebUiQueryTests : IClassFixture<WebUiQueryTests.ProductionService>
{
    private static readonly string Sources = Path.Combine(SchemaContractTests.RepositoryRoot(), "src", "IcsExpertiseGraph.Api", "Web", "ui", "src");
    private readonly ProductionService service;

    public WebUiQueryTests(ProductionService service) => this.service = service;

    public sealed class ProductionService : IDisposable
    {
        public ApiFactory Factory { get; } = ApiFactory.Production(demoPeople: 50);

        public void Dispose() => Factory.Dispose();
    }

    public static TheoryData<string, string> Documents()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Sources, "*.ts", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var source = File.ReadAllText(file);
            // Selections shared by several documents are file-level constants (`const fields = `...``), spliced in here as the browser does.
            var constants = Constant().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["text"].Value);
            foreach (Match match in Document().Matches(source))
            {
                var text = Interpolation().Replace(match.Groups["text"].Value, m => constants.GetValueOrDefault(m.Groups["name"].Value, m.Value));
                var name = OperationName().Match(text) is { Success: true } named ? named.Groups[1].Value : "(anonymous)";
                data.Add($"{Path.GetRelativePath(Sources, file)}: {name}", text);
            }
        }

        return data;
    }

    [Fact]
    public void TheUiSendsNamedDocumentsTheTestCanRead()
    {
        var documents = Documents().Select(row => (string)row[1]).ToList();

        Assert.Contains(documents, d => d.Contains("searchExperts", StringComparison.Ordinal));
        Assert.All(documents, d => Assert.Matches(OperationName(), d));
        // Anything spliced in must be a constant the test can see, or the document it checks is not the one sent.
        Assert.All(documents, d => Assert.DoesNotContain("${", d, StringComparison.Ordinal));
        // A document in quotes instead of backticks would escape this test.
        Assert.All(Directory.EnumerateFiles(Sources, "*.ts", SearchOption.AllDirectories),
            file => Assert.DoesNotMatch(QuotedDocument(), File.ReadAllText(file)));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task EveryUiDocumentIsValidAndWithinTheProductionLimits(string where, string document)
    {
        var variables = VariablesFor(document, service.Factory.Services.GetRequiredService<ISchema>());

        var response = await service.Factory.QueryAsync(document, variables);

        // Resolvers may refuse (no sign-in, made-up ids): the document itself must pass parsing, validation and the limits.
        var refusedBeforeRunning = (response["errors"] as JsonArray ?? [])
            .Select(e => e!["extensions"]?["code"]?.GetValue<string>())
            .Where(code => code is "GRAPHQL_PARSE_FAILED" or "GRAPHQL_VALIDATION_FAILED" or "BAD_REQUEST")
            .ToList();
        Assert.True(refusedBeforeRunning.Count == 0, $"{where}: {response["errors"]?.ToJsonString()}");
    }

    /// <summary>A value of the declared type for each variable: enough to get past validation to the limits.</summary>
    private static Dictionary<string, object?> VariablesFor(string document, ISchema schema)
    {
        schema.Initialize();
        var parsed = Parser.Parse(document);
        var operation = parsed.Definitions.OfType<GraphQLOperationDefinition>().Single();
        return (operation.Variables?.Items ?? [])
            .ToDictionary(v => v.Variable.Name.StringValue, v => ValueOf(v.Type, schema));
    }

    private static object? ValueOf(GraphQLType type, ISchema schema) => type switch
    {
        GraphQLNonNullType nonNull => ValueOf(nonNull.Type, schema),
        GraphQLListType list => new[] { ValueOf(list.Type, schema) },
        GraphQLNamedType named => named.Name.StringValue switch
        {
            "ID" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Person:" + Guid.Empty)),
            "String" => "lean",
            "Int" => 1,
            "Float" => 1.0,
            "Boolean" => true,
            "Date" => "2026-01-01",
            "DateTime" => "2027-01-01T00:00:00Z",
            var name => schema.AllTypes[name] switch
            {
                EnumerationGraphType enumeration => enumeration.Values.First().Name,
                IInputObjectGraphType input => input.Fields
                    .Where(f => f.ResolvedType is NonNullGraphType)
                    .ToDictionary(f => f.Name, f => ValueOfResolved(f.ResolvedType!, schema)),
                _ => null,
            },
        },
        _ => null,
    };

    private static object? ValueOfResolved(IGraphType type, ISchema schema) => type switch
    {
        NonNullGraphType nonNull => ValueOfResolved(nonNull.ResolvedType!, schema),
        ListGraphType list => new[] { ValueOfResolved(list.ResolvedType!, schema) },
        _ => ValueOf(new GraphQLNamedType(new GraphQLName(type.Name)), schema),
    };

    // A template literal that is a whole GraphQL operation, e.g. `query SearchExperts($query: String) { ... }`.
    [GeneratedRegex(@"`(?<text>\s*(?:query|mutation)\b[^`]*)`")]
    private static partial Regex Document();

    // A file-level constant holding a selection without interpolation: const fields = `id name`;
    [GeneratedRegex(@"const\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*`(?<text>[^`$]*)`")]
    private static partial Regex Constant();

    [GeneratedRegex(@"['""]\s*(?:query|mutation)\s+[A-Z]")]
    private static partial Regex QuotedDocument();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^\s*(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex OperationName();
}
