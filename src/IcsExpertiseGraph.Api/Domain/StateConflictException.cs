namespace IcsExpertiseGraph.Api.Domain;

/// <summary>The record is in a state that forbids the change (an invitation already answered, withdrawn or expired): CONFLICT.</summary>
public sealed class StateConflictException(string message, string field = "id") : CodedException(ErrorCodes.Conflict, field, message);
