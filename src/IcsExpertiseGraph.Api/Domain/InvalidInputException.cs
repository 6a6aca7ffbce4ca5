namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// Several fields of one input at fault at once: BAD_USER_INPUT, reported as one error per field (the endpoint spreads
/// it out), so a form can show every message beside its field together rather than one per attempt.
/// </summary>
public sealed class InvalidInputException(IReadOnlyList<BadUserInputError> errors)
    : CodedException(ErrorCodes.BadUserInput, errors[0].Field, errors[0].Message)
{
    public IReadOnlyList<BadUserInputError> Errors { get; } = errors;
}
