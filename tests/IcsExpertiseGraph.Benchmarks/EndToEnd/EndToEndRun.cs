using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Testing;

namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>How big and how long: the full run (100,000 people) or the small one .ci/run keeps working.</summary>
public sealed record EndToEndOptions(int People, int Warmup, int Requests, int Connections, TimeSpan Duration, string OutputFolder)
{
    /// <summary>Where reports go unless --out says otherwise: the committed results folder, from the repository root.</summary>
    public static string ResultsFolder => Path.Combine(Directory.GetCurrentDirectory(), "tests", "IcsExpertiseGraph.Benchmarks", "results");

    public static EndToEndOptions Parse(string[] args)
    {
        var small = args.Contains("--small");
        return Parse(args, new EndToEndOptions(small ? 1_000 : 100_000, small ? 5 : 200, small ? 20 : 1_000, 16, TimeSpan.FromSeconds(small ? 2 : 30), ResultsFolder));
    }

    /// <summary>The command line's figures over <paramref name="defaults"/> (each harness has its own sizes).</summary>
    public static EndToEndOptions Parse(string[] args, EndToEndOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = defaults;
        for (var i = 1; i + 1 < args.Length; i++)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--people" => options with { People = int.Parse(value, CultureInfo.InvariantCulture) },
                "--requests" => options with { Requests = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--connections" => options with { Connections = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--out" => options with { OutputFolder = Path.GetFullPath(value) },
                _ => options,
            };
        }

        return options;
    }
}

/// <summary>
/// The end-to-end harness: seeds a network with the service's own seed verb, starts the service in Release on
/// loopback over that existing database (cold start), warms it, and measures every query the performance issue
/// names one request after another (median, p95, p99, throughput, and the ratio to the <c>{ __typename }</c> floor of
/// the same run), a mutation, mixed reads from concurrent connections, and the service's resident memory. Writes
/// a Markdown and a JSON report.
/// Run: dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- e2e [--small] [--people N] [--out DIR]
/// </summary>
public static class EndToEndRun
{
    /// <summary>
    /// The production profile on a database in <paramref name="folder"/> (created), with no demo network, the local issuer
    /// allowed (the harness signs in with the token verb) and the per-caller limits off: one caller sending thousands of
    /// requests a second is exactly what they stop.
    /// </summary>
    public static Dictionary<string, string> Settings(string folder) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage:Sqlite:Path"] = Path.Combine(Directory.CreateDirectory(folder).FullName, "expertise.db"),
        ["Auth:LocalKeyPath"] = Path.Combine(folder, "local-issuer.key"),
        ["Seed:DemoOnEmpty"] = "false",
        ["Auth:AllowLocalIssuerInProduction"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["RateLimiting:Enabled"] = "false",
    };

    /// <summary>The service's own seed verb (the same network every run: seed 7, as of 2026-11-01); how long it took.</summary>
    public static async Task<TimeSpan> SeedAsync(int people, IReadOnlyDictionary<string, string> settings)
    {
        Console.WriteLine($"Seeding {people:N0} people...");
        var clock = Stopwatch.StartNew();
        await ServiceProcess.RunVerbAsync(["seed", "--people", people.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--as-of", "2026-11-01"], settings);
        return clock.Elapsed;
    }

    /// <summary>Writes a report as <paramref name="name"/>.md and .json in the output folder, and shows the Markdown.</summary>
    public static async Task WriteReportAsync(EndToEndOptions options, string name, string markdown, string json)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.OutputFolder);
        var stem = Path.Combine(options.OutputFolder, name);
        await File.WriteAllTextAsync(stem + ".md", markdown);
        await File.WriteAllTextAsync(stem + ".json", json);
        Console.WriteLine(markdown);
        Console.WriteLine($"Wrote {stem}.md and {stem}.json");
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = EndToEndOptions.Parse(args);
        var folder = Path.Combine(Path.GetTempPath(), "ics-expertise-e2e", Guid.NewGuid().ToString("N"));
        var settings = Settings(folder);
        try
        {
            var seed = await SeedAsync(options.People, settings);

            Console.WriteLine("Starting the service on the existing database...");
            var service = await ServiceProcess.StartAsync(settings);
            await using (service)
            {
                using var anonymous = new LoadDriver(service.Url, null);
                var ids = await Ids.FindAsync(anonymous, async person => (await ServiceProcess.RunVerbAsync(["token", "--person", person, "--role", "NetworkManager"], settings)).Trim());
                using var driver = new LoadDriver(service.Url, ids.Token);
                // Every query is warmed before any is measured: start-up's background work (broker scores, tiered JIT)
                // must be over before the floor is taken, or the first series pays for it.
                var reads = Queries.Reads(ids).ToList();
                Console.WriteLine($"  warming up ({options.Warmup} of each query)");
                foreach (var (_, body) in reads)
                {
                    for (var i = 0; i < options.Warmup; i++)
                    {
                        await driver.SendAsync(body);
                    }
                }

                var results = new List<Series>();
                foreach (var (name, body) in reads)
                {
                    Console.WriteLine($"  {name}");
                    results.Add(await driver.SequentialAsync(name, _ => body, Math.Min(options.Warmup, 20), options.Requests));
                }

                results.Add(await driver.SequentialAsync("searchExperts: a different query each time (never cached)", Queries.DistinctSearches(ids.SkillNames),
                    0, Math.Min(options.Requests, ids.SkillNames.Count * 4)));
                Console.WriteLine($"  mixed reads, {options.Connections} connections, {options.Duration.TotalSeconds:F0} s");
                var mixed = await driver.ConcurrentAsync($"mixed reads (search, person, path) from {options.Connections} connections", Queries.Mixed(ids), options.Connections, options.Duration);
                var resident = service.ResidentBytes();
                // Writes last: on a large network each one rebuilds the read models in the background, which would
                // otherwise share the cores with the read measurements.
                Console.WriteLine($"  {Queries.MutationName}");
                results.Add(await driver.SequentialAsync(Queries.MutationName, Queries.Mutation, options.Warmup, options.Requests));
                var report = new EndToEndReport(DateTimeOffset.UtcNow, Machine.Describe(), options, seed, service.ColdStart, resident, results, mixed);
                await WriteReportAsync(options, $"e2e-{options.People}", report.Markdown(), report.Json());
                return results.Sum(r => r.Errors) + mixed.Errors == 0 ? 0 : 1;
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>The ids the queries need, found through the API itself, and a network manager's token.</summary>
public sealed record Ids(string Token, string Person, string Far, string Ics, IReadOnlyList<string> Skills, IReadOnlyList<string> SkillNames)
{
    public static async Task<Ids> FindAsync(LoadDriver anonymous, Func<string, Task<string>> tokenFor)
    {
        var people = Data(await anonymous.SendAsync(Body("{ people(first: 100) { edges { node { id } } } }")))["people"]!["edges"]!.AsArray();
        var skills = Data(await anonymous.SendAsync(Body("{ skills(query: \"improvement\", first: 4) { edges { node { id } } } }")))["skills"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        var names = Data(await anonymous.SendAsync(Body("{ skills(first: 100) { edges { node { name } } } }")))["skills"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!["name"]!.GetValue<string>()).ToList();
        var systems = Data(await anonymous.SendAsync(Body("{ integratedCareSystems(first: 1) { edges { node { id } } } }")))["integratedCareSystems"]!["edges"]!.AsArray();
        var token = await tokenFor(people[0]!["node"]!["id"]!.GetValue<string>());
        using var member = new LoadDriver(anonymous.BaseAddress, token);
        // The centre is someone with collaborators; the far end is the last person three introductions out.
        foreach (var edge in people)
        {
            var id = edge!["node"]!["id"]!.GetValue<string>();
            var nodes = Data(await member.SendAsync(Body($$"""{ collaborationNetwork(around: "{{id}}", hops: 3, limit: 1000) { nodes { person { id } } } }""")))["collaborationNetwork"]!["nodes"]!.AsArray();
            if (nodes.Count > 20)
            {
                return new Ids(token, id, nodes[^1]!["person"]!["id"]!.GetValue<string>(), systems[0]!["node"]!["id"]!.GetValue<string>(), skills, names);
            }
        }

        throw new InvalidOperationException("Nobody among the first 100 people has a collaboration network to measure.");
    }

    public static string Body(string query) => JsonSerializer.Serialize(new { query });

    private static JsonNode Data(string response) => JsonNode.Parse(response)!["data"]!;
}
