namespace IcsExpertiseGraph.Api.Domain;

/// <summary>The record changed since the caller read it (optimistic concurrency): CONFLICT with the current version.</summary>
public sealed class VersionConflictException(long currentVersion)
    : CodedException(ErrorCodes.Conflict, "expectedVersion", $"The profile has changed since you read it: it is now at version {currentVersion}. Read it again and reapply your change.")
{
    public long CurrentVersion { get; } = currentVersion;
}
