namespace IcsExpertiseGraph.Api.Domain;

/// <summary>A request that breaks a rule of the domain ("you cannot endorse yourself"): BAD_USER_INPUT naming the argument.</summary>
public sealed class RuleViolationException(string field, string message) : CodedException(ErrorCodes.BadUserInput, field, message);
