using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// Counts a parsed document's fields, aliases and directives and refuses it when any exceeds
/// <see cref="GraphQLLimits"/>, before validation runs: some validation rules (overlapping fields) cost the square
/// of the number of fields, so 60 KB of repeated fields would otherwise take seconds to refuse. Aliases and
/// directives are the classic ways to make one small request do the work of hundreds. Counted over the document
/// text, so a fragment counts once however often it is spread; the cost limit covers spreads.
/// </summary>
internal sealed class DocumentShape : ASTVisitor<DocumentShape.Counts>
{
    private static readonly DocumentShape Visitor = new();

    /// <summary>Why the document is refused, or null when it is within every limit.</summary>
    public static async ValueTask<string?> ProblemAsync(GraphQLDocument document, GraphQLLimits limits)
    {
        var counts = new Counts();
        await Visitor.VisitAsync(document, counts);
        return counts.Fields > limits.MaxFields ? $"A document may select at most {limits.MaxFields} fields."
            : counts.Aliases > limits.MaxAliases ? $"A document may use at most {limits.MaxAliases} aliases."
            : counts.Directives > limits.MaxDirectives ? $"A document may use at most {limits.MaxDirectives} directives."
            : null;
    }

    protected override ValueTask VisitFieldAsync(GraphQLField field, Counts context)
    {
        context.Fields++;
        context.Aliases += field.Alias is null ? 0 : 1;
        return base.VisitFieldAsync(field, context);
    }

    protected override ValueTask VisitDirectiveAsync(GraphQLDirective directive, Counts context)
    {
        context.Directives++;
        return base.VisitDirectiveAsync(directive, context);
    }

    internal sealed class Counts : IASTVisitorContext
    {
        public int Fields { get; set; }

        public int Aliases { get; set; }

        public int Directives { get; set; }

        public CancellationToken CancellationToken => CancellationToken.None;
    }
}
