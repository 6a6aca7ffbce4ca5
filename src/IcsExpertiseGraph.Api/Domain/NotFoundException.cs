namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// A referenced thing that does not exist, or that the caller may not see (the two are not told apart): NOT_FOUND naming
/// the argument, the same in every field.
/// </summary>
public sealed class NotFoundException(string field, string message) : CodedException(ErrorCodes.NotFound, field, message);
