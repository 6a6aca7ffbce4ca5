using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- --filter '*'   (in-process, BenchmarkDotNet)
// dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- http            (in-process host, loopback HTTP probe)
// dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- e2e [--small]   (the service as a process: Markdown + JSON report)
// dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- freshness [--small] [--people N]   (two instances: freshness, CPU per write, memory)
// dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- search [--small] [--people N]      (never-repeated searches, mixed load, a Lucene.Net peer)
// dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- search-bodies DB COUNT   (the harness's never-repeated search bodies as JSON lines)
// dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- search-core DB BODIES [COUNT]   (the search alone, in process, over an existing database)
// BENCH_PEOPLE sets the network size (default 100,000). Each benchmark class seeds its own store once.
if (args is ["e2e", ..])
{
    return await IcsExpertiseGraph.Benchmarks.EndToEnd.EndToEndRun.RunAsync(args);
}

if (args is ["freshness", ..])
{
    return await IcsExpertiseGraph.Benchmarks.EndToEnd.FreshnessRun.RunAsync(args);
}

if (args is ["search", ..])
{
    return await IcsExpertiseGraph.Benchmarks.EndToEnd.SearchRun.RunAsync(args);
}

if (args is ["search-bodies", var databasePath, var count])
{
    // The never-repeated search bodies the search harness sends, as JSON lines, for replaying against a running service
    // while profiling it (dotnet-trace): the same generator and seed as the harness.
    var network = new IcsExpertiseGraph.Benchmarks.EndToEnd.SeededNetwork(databasePath);
    var searches = new IcsExpertiseGraph.Benchmarks.EndToEnd.NeverRepeatedSearches(network.SkillPhrases(), network.SkillDescriptions(), network.Domains(), network.SystemIds(), seed: 7);
    for (var i = 0; i < int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        Console.WriteLine(searches.Next().Body());
    }

    return 0;
}

if (args is ["search-core", var database, var bodies, .. var rest])
{
    return await IcsExpertiseGraph.Benchmarks.SearchCore.RunAsync(database, bodies, rest is [var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1000);
}

if (args is ["http"])
{
    return await IcsExpertiseGraph.Benchmarks.HttpProbe.RunAsync();
}

var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(IcsExpertiseGraph.Benchmarks.SearchBenchmarks).Assembly).Run(args, config);
return 0;
