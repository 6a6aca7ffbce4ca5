using IcsExpertiseGraph.Api.Experts;

namespace IcsExpertiseGraph.Api.Storage;

internal static partial class ReadModelLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} built whole at change {Sequence} in {Milliseconds:F0} ms")]
    public static partial void Built(ILogger logger, string model, long sequence, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Model}: {Entries} changes applied, now at change {Sequence}, in {Milliseconds:F2} ms")]
    public static partial void Applied(ILogger logger, string model, int entries, long sequence, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Model} rebuilds whole: {Reason}")]
    public static partial void Rebuilding(ILogger logger, string model, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Model}: a change from the feed cannot be applied")]
    public static partial void CannotApply(ILogger logger, string model, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the change feed failed; the current snapshots keep serving")]
    public static partial void FollowFailed(ILogger logger, Exception exception);
}
