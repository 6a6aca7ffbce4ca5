using GraphQL.Validation;
using GraphQLParser.AST;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// Refuses documents that use more aliases or directives than <see cref="GraphQLLimits"/> allows: both are the
/// classic ways to make one small request do the work of hundreds (alias and directive overloading).
/// Counted over the document text, so a fragment counts once however often it is spread; the cost limit covers spreads.
/// </summary>
public sealed class DocumentLimitsRule(GraphQLLimits limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        // A new visitor per validation, so the counts belong to one document.
        var aliases = 0;
        var directives = 0;
        return new ValueTask<INodeVisitor?>(new NodeVisitors(
            new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
            {
                if (field.Alias is not null && ++aliases == limits.MaxAliases + 1)
                {
                    ctx.ReportError(new ValidationError(ctx.Document.Source, "5.8.1", $"A document may use at most {limits.MaxAliases} aliases.", field));
                }
            }),
            new MatchingNodeVisitor<GraphQLDirective>((directive, ctx) =>
            {
                if (++directives == limits.MaxDirectives + 1)
                {
                    ctx.ReportError(new ValidationError(ctx.Document.Source, "5.7.1", $"A document may use at most {limits.MaxDirectives} directives.", directive));
                }
            })));
    }
}
