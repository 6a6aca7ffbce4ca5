using GraphQL;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>
/// Checks every field of one input before refusing it, so the caller hears of each field at fault at once (a form then
/// shows them all together) instead of fixing them one request at a time.
/// </summary>
public sealed class InputErrors
{
    private readonly List<BadUserInputError> found = [];

    /// <summary>The checked value, or the default when the check refused it (its error is kept for <see cref="ThrowIfAny"/>).</summary>
    public T? Read<T>(Func<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return check();
        }
        catch (BadUserInputError error)
        {
            found.Add(error);
            return default;
        }
    }

    public void Add(string field, string message) => found.Add(new BadUserInputError(field, message));

    /// <summary>Refuses the input when any field was at fault: the one error, or all of them together.</summary>
    public void ThrowIfAny()
    {
        if (found.Count == 1)
        {
            throw found[0];
        }

        if (found.Count > 1)
        {
            throw new InvalidInputException([.. found]);
        }
    }

    /// <summary>
    /// In a finished result, each error that stands for several fields at fault becomes one error per field, at the same
    /// place (path and locations), each with its own field and message.
    /// </summary>
    public static void Spread(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors is not { Count: > 0 } errors || !errors.Any(e => e.InnerException is InvalidInputException))
        {
            return;
        }

        var spread = new ExecutionErrors();
        foreach (var error in errors.SelectMany(e => e.InnerException is InvalidInputException invalid ? invalid.Errors.Select(field => Copy(e, field)) : [e]))
        {
            spread.Add(error);
        }

        result.Errors = spread;
    }

    private static ExecutionError Copy(ExecutionError at, BadUserInputError field)
    {
        var error = new ExecutionError(field.Message, field) { Code = field.Code, Path = at.Path };
        foreach (var location in at.Locations ?? [])
        {
            error.AddLocation(location);
        }

        return error;
    }
}
