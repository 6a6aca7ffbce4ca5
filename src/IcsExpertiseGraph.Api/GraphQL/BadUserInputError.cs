using GraphQL;

namespace IcsExpertiseGraph.Api.GraphQL;

/// <summary>Bad input from the caller: <c>extensions.code</c> BAD_USER_INPUT and <c>extensions.field</c> naming the argument at fault.</summary>
public sealed class BadUserInputError : ExecutionError
{
    public BadUserInputError(string field, string message) : base(message)
    {
        Code = ErrorCodes.BadUserInput;
        Field = field;
    }

    public string Field { get; }
}

/// <summary>The error codes of DESIGN §4, in one place.</summary>
public static class ErrorCodes
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadRequest = "BAD_REQUEST";
}

/// <summary>The thing asked for does not exist, or the caller may not see it (the two are not told apart).</summary>
public sealed class NotFoundError : ExecutionError
{
    public NotFoundError(string field, string message) : base(message)
    {
        Code = ErrorCodes.NotFound;
        Field = field;
    }

    public string Field { get; }
}

/// <summary>An error with a DESIGN §4 code and, where one field is at fault, its name.</summary>
public sealed class CodedError : ExecutionError
{
    public CodedError(string code, string? field, string message) : base(message)
    {
        Code = code;
        Field = field;
    }

    public string? Field { get; }

    public static CodedError Unauthenticated() => new(ErrorCodes.Unauthenticated, null, "Sign in first: this needs a bearer token.");

    public static CodedError Forbidden(string message) => new(ErrorCodes.Forbidden, null, message);
}
