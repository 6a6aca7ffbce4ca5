namespace IcsExpertiseGraph.Api.Domain;

/// <summary>Malformed input: BAD_USER_INPUT naming the argument at fault (an id that is not an id, text too long).</summary>
public sealed class BadUserInputError(string field, string message) : CodedException(ErrorCodes.BadUserInput, field, message)
{
    public new string Field => base.Field!;
}
