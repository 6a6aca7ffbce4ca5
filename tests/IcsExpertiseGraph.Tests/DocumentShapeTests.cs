using IcsExpertiseGraph.Api.Hardening;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The document limits at their edges, without a server (AbuseTests sends the real probes): a document exactly at each
/// limit passes, one past it is refused with that limit's reason, fields count at every depth, and only aliased fields
/// count as aliases.
/// </summary>
public sealed class DocumentShapeTests
{
    private static readonly GraphQLLimits Small = new() { MaxFields = 3, MaxAliases = 1, MaxDirectives = 1 };

    [Theory]
    [InlineData("{ a b c }", null)]
    [InlineData("{ a { b } c }", null)]
    [InlineData("{ a b c d }", "at most 3 fields")]
    [InlineData("{ a { b { c { d } } } }", "at most 3 fields")]
    [InlineData("{ x: a b }", null)]
    [InlineData("{ x: a y: b }", "at most 1 aliases")]
    [InlineData("{ a @skip(if: false) b }", null)]
    [InlineData("{ a @skip(if: false) b @include(if: true) }", "at most 1 directives")]
    [InlineData("{ x: a y: b c d @skip(if: false) @skip(if: false) }", "at most 3 fields")]
    [InlineData("{ x: a y: b @skip(if: false) @skip(if: false) }", "at most 1 aliases")]
    public async Task ADocumentAtALimitPassesAndOnePastItIsRefusedForThatLimit(string document, string? refusal)
    {
        var problem = await DocumentShape.ProblemAsync(GraphQLParser.Parser.Parse(document), Small);

        if (refusal is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Equal($"A document may {(refusal.Contains("fields", StringComparison.Ordinal) ? "select" : "use")} {refusal}.", problem);
        }
    }

    [Fact]
    public async Task NoAliasesAndNoDirectivesPassLimitsOfZero()
    {
        var none = new GraphQLLimits { MaxFields = 2, MaxAliases = 0, MaxDirectives = 0 };

        Assert.Null(await DocumentShape.ProblemAsync(GraphQLParser.Parser.Parse("{ a b }"), none));
    }
}
