namespace IcsExpertiseGraph.Api.Domain;

/// <summary>The record is in a state that forbids the change (an invitation already answered, withdrawn or expired): CONFLICT.</summary>
public sealed class StateConflictException(string message) : CodedException(ErrorCodes.Conflict, "id", message);
