namespace IcsExpertiseGraph.Api.Domain;

/// <summary>The caller has used up an allowance (invitations per day): no one field is at fault, so it names the whole input.</summary>
public sealed class RateLimitedException(string message) : CodedException(ErrorCodes.RateLimited, "input", message);
