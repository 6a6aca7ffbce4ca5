namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// The one error hierarchy: a refusal the caller is told about, with its DESIGN §4 code (<see cref="ErrorCodes"/>) and,
/// where one argument is at fault, its name (<c>extensions.field</c>). Rules, stores and resolvers throw these; the
/// GraphQL layer reports them as they are (and does not log them: they are the caller's errors, not faults).
/// </summary>
public abstract class CodedException(string code, string? field, string message) : Exception(message)
{
    public string Code { get; } = code;

    public string? Field { get; } = field;
}
