using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQLParser.AST;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>
/// Shapes every error the way DESIGN §4 promises: <c>extensions.code</c> always, <c>extensions.field</c> for
/// bad input, and unhandled exceptions masked (their detail is logged, and shown only when configured for development).
/// Without introspection, "Did you mean ..." suggestions go too: they would let a stranger map the schema field by field.
/// </summary>
public sealed partial class ErrorInfoProvider(bool exposeExceptionDetails, bool suggestFields = true) : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var (code, field, message) = Classify(executionError);
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        if (executionError is UnhandledError { InnerException: VersionConflictException conflict })
        {
            extensions["currentVersion"] = conflict.CurrentVersion;
        }

        if (exposeExceptionDetails && executionError is UnhandledError { InnerException: { } inner } && inner is not CodedException)
        {
            extensions["details"] = inner.ToString();
        }

        if (!suggestFields)
        {
            message = Suggestion().Replace(message, string.Empty);
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private (string Code, string? Field, string Message) Classify(ExecutionError error) => error switch
    {
        ExecutionError { InnerException: CodedException coded } => (coded.Code, coded.Field, coded.Message),
        UnhandledError => (ErrorCodes.InternalServerError, null, exposeExceptionDetails ? error.Message : "An internal error occurred; it has been logged."),
        SyntaxError => (ErrorCodes.ParseFailed, null, error.Message),
        ArgumentsOfCorrectTypeError or ProvidedNonNullArgumentsError => (ErrorCodes.BadUserInput, ArgumentName((ValidationError)error), error.Message),
        InvalidVariableError variable => (ErrorCodes.BadUserInput, VariableName(variable), error.Message),
        ValidationError => (ErrorCodes.ValidationFailed, null, error.Message),
        DocumentError => (ErrorCodes.BadRequest, null, error.Message),
        _ when error.Code is { Length: > 0 } code && code.All(c => char.IsUpper(c) || c == '_') => (code, null, error.Message),
        _ => (ErrorCodes.InternalServerError, null, exposeExceptionDetails ? error.Message : "An internal error occurred; it has been logged."),
    };

    /// <summary>
    /// The argument at fault: its AST node when the error carries one; a missing required argument has no node
    /// of its own, so its name comes from GraphQL.NET's message ("Argument 'id' of type 'ID!' is required ...").
    /// </summary>
    private static string? ArgumentName(ValidationError error) =>
        error.Nodes?.OfType<GraphQLArgument>().Select(a => a.Name.StringValue).FirstOrDefault()
        ?? (QuotedArgument().Match(error.Message) is { Success: true } match ? match.Groups[1].Value : null);

    [GeneratedRegex(@"\s*Did you mean .*$", RegexOptions.Singleline)]
    private static partial Regex Suggestion();

    [GeneratedRegex("^Argument '([_A-Za-z][_0-9A-Za-z]*)'")]
    private static partial Regex QuotedArgument();

    private static string? VariableName(ValidationError error) =>
        error.Nodes?.OfType<GraphQLVariableDefinition>().Select(v => v.Variable.Name.StringValue).FirstOrDefault();
}
