namespace IcsExpertiseGraph.Api.Domain;

/// <summary>A value another record already holds (an email, an endorsement that exists): CONFLICT.</summary>
public sealed class DuplicateException(string field, string message) : CodedException(ErrorCodes.Conflict, field, message);
