using GraphQL;
using IcsExpertiseGraph.Api.Domain;

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
