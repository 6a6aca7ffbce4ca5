using System.Diagnostics;
using System.Globalization;
using IcsExpertiseGraph.Api.Storage;
using Spectre.Console;

namespace IcsExpertiseGraph.Api.Seeding;

/// <summary>
/// <c>seed --people N [--seed S] [--as-of yyyy-MM-dd] [--reset]</c>: generates a synthetic network and writes it
/// in one transaction. A progress display when attached to a terminal, plain lines otherwise.
/// </summary>
public static class SeedCommand
{
    public const string Usage = "seed --people N [--seed S] [--as-of yyyy-MM-dd] [--reset]";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var peopleCount, out var seed, out var asOf, out var reset, out var error))
        {
            await Console.Error.WriteLineAsync($"{error}\nUsage: {Usage}");
            return 2;
        }

        var store = services.GetRequiredService<IExpertiseStore>();
        await store.MigrateAsync(cancellationToken);
        if (!reset && !await store.IsEmptyAsync(cancellationToken))
        {
            await Console.Error.WriteLineAsync("The store already holds a network. Add --reset to replace it (in one transaction).");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        Line($"Generating {peopleCount:N0} people (seed {seed}, as of {asOf:yyyy-MM-dd})...");
        var network = new NetworkGenerator(seed, asOf).Generate(peopleCount);
        Line($"Generated {network.People.Count:N0} people, {network.Organisations.Count:N0} organisations, {network.Projects.Count:N0} projects and {network.RelationshipCount:N0} relationships in {clock.Elapsed.TotalSeconds:F1} s.");

        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    var progress = new SynchronousProgress(p =>
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task))
                        {
                            task = tasks[p.Stage] = context.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                        }

                        task.Value = p.Done;
                    });
                    await store.ImportAsync(network, reset, progress, cancellationToken);
                });
        }
        else
        {
            var printed = new HashSet<(string, long)>();
            var progress = new SynchronousProgress(p =>
            {
                if ((p.Done == p.Total || p.Done % 100_000 == 0) && printed.Add((p.Stage, p.Done)))
                {
                    Line($"  {p.Stage}: {p.Done:N0}/{p.Total:N0}");
                }
            });
            await store.ImportAsync(network, reset, progress, cancellationToken);
        }

        Line($"Seeded {network.People.Count:N0} people and {network.RelationshipCount:N0} relationships in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static bool TryParse(string[] args, out int people, out int seed, out DateOnly asOf, out bool reset, out string error)
    {
        people = -1;
        seed = 1;
        asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        reset = false;
        error = "";
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--people" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1_000_000:
                    people = n;
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                case "--as-of" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                    asOf = d;
                    i++;
                    break;
                case "--reset":
                    reset = true;
                    break;
                default:
                    error = $"Unrecognised or invalid argument '{args[i]}'{(value is null ? "" : $" '{value}'")} (--people takes 0..1000000, --seed an integer, --as-of a date).";
                    return false;
            }
        }

        if (people < 0)
        {
            error = "--people N is required.";
            return false;
        }

        return true;
    }

    /// <summary>Reports on the writer's thread: Progress&lt;T&gt; would post to the thread pool and reorder lines.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
