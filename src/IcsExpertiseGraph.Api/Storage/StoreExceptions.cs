using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>A write the store refused because of the data's rules; the API reports its code and field.</summary>
public abstract class StoreRuleException(string code, string field, string message) : Exception(message)
{
    public string Code { get; } = code;

    public string Field { get; } = field;
}

/// <summary>The record changed since the caller read it (optimistic concurrency).</summary>
public sealed class VersionConflictException(long currentVersion)
    : StoreRuleException(ErrorCodes.Conflict, "expectedVersion", $"The profile has changed since you read it: it is now at version {currentVersion}. Read it again and reapply your change.")
{
    public long CurrentVersion { get; } = currentVersion;
}

public sealed class NotFoundException(string field, string message) : StoreRuleException(ErrorCodes.NotFound, field, message);

/// <summary>A value another record already holds (an email, an endorsement that exists).</summary>
public sealed class DuplicateException(string field, string message) : StoreRuleException(ErrorCodes.Conflict, field, message);

/// <summary>A request that breaks a rule of the domain ("you cannot endorse yourself").</summary>
public sealed class RuleViolationException(string field, string message) : StoreRuleException(ErrorCodes.BadUserInput, field, message);

/// <summary>The caller may not change this record (e.g. a project they do not lead), or may not make this request (<paramref name="field"/> names the argument).</summary>
public sealed class ForbiddenException(string message, string field = "id") : StoreRuleException(ErrorCodes.Forbidden, field, message);

/// <summary>The store cannot be reached or refused our credentials: an operator's problem, reported in one clear line (no stack trace).</summary>
public class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The record is in a state that forbids the change (an invitation already answered, withdrawn or expired).</summary>
public sealed class StateConflictException(string message) : StoreRuleException(ErrorCodes.Conflict, "id", message);

/// <summary>The caller has used up an allowance (invitations per day): no one field is at fault, so it names the whole input.</summary>
public sealed class RateLimitedException(string message) : StoreRuleException(ErrorCodes.RateLimited, "input", message);
