namespace IcsExpertiseGraph.Api.Commands;

/// <summary>The arguments that are a verb's own, once the configuration arguments the host has already read are set aside.</summary>
public static class VerbArguments
{
    /// <summary>
    /// Drops <c>--Section:Key=value</c>, <c>--Section:Key value</c> and the <c>/</c> forms: a configuration key has a
    /// colon, a verb's options never do. Everything else keeps its order.
    /// </summary>
    public static string[] Own(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var own = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var key = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg.StartsWith('/') ? arg[1..] : null;
            if (key is null || !key.Split('=', 2)[0].Contains(':', StringComparison.Ordinal))
            {
                own.Add(arg);
                continue;
            }

            if (!key.Contains('=', StringComparison.Ordinal))
            {
                i++; // its value is the next argument
            }
        }

        return [.. own];
    }
}
