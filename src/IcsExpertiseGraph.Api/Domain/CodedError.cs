namespace IcsExpertiseGraph.Api.Domain;

/// <summary>An error with a code and no one field at fault: UNAUTHENTICATED, or FORBIDDEN for a role the caller lacks.</summary>
public sealed class CodedError(string code, string? field, string message) : CodedException(code, field, message)
{
    public static CodedError Unauthenticated() => new(ErrorCodes.Unauthenticated, null, "Sign in first: this needs a bearer token.");

    public static CodedError Forbidden(string message) => new(ErrorCodes.Forbidden, null, message);
}
