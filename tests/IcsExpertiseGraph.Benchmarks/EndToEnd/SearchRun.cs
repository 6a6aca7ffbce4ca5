using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Testing;

namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>
/// What a search nobody asked before costs, and how it compares with Lucene: seeds a network with the seed verb, starts
/// the service in Release on it, builds a Lucene BM25 index of the same people in this process, and (a) after a warm-up
/// of other never-repeated searches on each side, sends never-repeated searches one after another on one keep-alive
/// connection, (b) taking turns a block at a time with the same search texts timed in the Lucene index; (c) drives 8
/// connections with never-repeated searches and person pages, then the same with profile writes going on through another
/// connection. Every search body is checked against every
/// earlier one before it is sent: a repeat fails the run. Writes a Markdown and a JSON report.
/// Run: dotnet run -c Release --project tests/IcsExpertiseGraph.Benchmarks -- search [--people N] [--small] [--out DIR]
/// </summary>
public static class SearchRun
{
    /// <summary>Within the 1 to 5 writes a second: steady enough to keep new snapshots coming during the reads.</summary>
    private const double WritesPerSecond = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        var small = args.Contains("--small");
        var options = EndToEndOptions.Parse(args, small
            ? new EndToEndOptions(2_000, 50, 200, 8, TimeSpan.FromSeconds(5), EndToEndOptions.ResultsFolder)
            // 3,000 never-repeated warm-up searches: the service's first 2,000 or so run on code the JIT has not finished
            // tiering and optimising (and beside start-up's background work): measured at 200, p50 was twice the steady state.
            : new EndToEndOptions(100_000, 3_000, 1_000, 8, TimeSpan.FromSeconds(30), EndToEndOptions.ResultsFolder));
        var folder = Path.Combine(Path.GetTempPath(), "ics-expertise-search", Guid.NewGuid().ToString("N"));
        var settings = EndToEndRun.Settings(folder);
        try
        {
            var loadBefore = SearchReport.LoadAverage();
            var seed = await EndToEndRun.SeedAsync(options.People, settings);
            var network = new SeededNetwork(settings["Storage:Sqlite:Path"]);
            var personIds = Shuffled(network.VisiblePersonIds());
            var searches = new NeverRepeatedSearches(network.SkillPhrases(), network.SkillDescriptions(), network.Domains(), network.SystemIds(), seed: 7);
            var guard = new RepeatGuard();
            var token = (await ServiceProcess.RunVerbAsync(["token", "--person", personIds[0], "--role", "NetworkManager"], settings)).Trim();

            Console.WriteLine("Starting the service on the existing database...");
            await using var service = await ServiceProcess.StartAsync(settings);
            using var driver = new LoadDriver(service.Url, token);
            Console.WriteLine("  the { __typename } floor");
            var floor = await driver.SequentialAsync(Queries.Floor, _ => Ids.Body("{ __typename }"), options.Warmup, options.Requests);

            var sequence = Enumerable.Range(0, options.Warmup + options.Requests).Select(_ => searches.Next()).ToList();
            var measured = sequence[options.Warmup..];

            // The peer is built while the service idles, from the same people the searches are answered from.
            Console.WriteLine("  Lucene.Net BM25 peer: reading the people, building the index");
            var (peer, read) = BuildLucene(network, Path.Combine(folder, "lucene"));
            Comparison comparison;
            LuceneFigures lucene;
            using (peer)
            {
                // Its warm-up runs on after the service's warm-up texts with more never-repeated ones, for as long as it needs.
                peer.Warm(sequence[..options.Warmup].Concat(Enumerable.Range(0, int.MaxValue).Select(_ => searches.Next())).Select(s => s.Text));
                Console.WriteLine($"  never-repeated searches, one after another: {options.Warmup} warm-up, {options.Requests} measured, alternating with Lucene");
                for (var i = 0; i < options.Warmup; i++)
                {
                    await driver.SendAsync(guard.Check(sequence[i].Body()));
                }

                // The peer's documents and the warm-ups' garbage are collected here, not in the middle of the timings.
                GC.Collect();
                comparison = await AlternatelyAsync(driver, peer, measured, guard);
                lucene = new LuceneFigures(peer.Documents, read, peer.Build, peer.Bytes, peer.Warmup, comparison.Lucene, Median(comparison.LuceneTotals));
            }

            // The peer's index is closed now: collected here, not by the client in the middle of the loads.
            GC.Collect();
            var residentAfterSearches = service.ResidentBytes();

            Console.WriteLine($"  mixed: never-repeated searches and person pages from {options.Connections} connections, {options.Duration.TotalSeconds:F0} s");
            var nextPerson = -1;
            string Mixed(int _, int sent) => sent % 2 == 0
                ? guard.Check(searches.Next().Body())
                : Ids.Body(Queries.Person(personIds[(int)((uint)Interlocked.Increment(ref nextPerson) % personIds.Count)]));
            var mixed = await driver.ConcurrentAsync($"mixed from {options.Connections} connections", Mixed, options.Connections, options.Duration);

            Console.WriteLine($"  the same with profile writes through another connection, {WritesPerSecond} a second, each then searched for by someone else");
            using var writer = new LoadDriver(service.Url, token);
            // Another person's searches are not held back for the writer's own writes (read-your-writes): what they see is
            // how fresh everyone else's answers are.
            var otherToken = (await ServiceProcess.RunVerbAsync(["token", "--person", personIds[1], "--role", "NetworkManager"], settings)).Trim();
            using var other = new LoadDriver(service.Url, otherToken);
            var reads = driver.ConcurrentAsync($"mixed from {options.Connections} connections, writes going on", Mixed, options.Connections, options.Duration);
            var writes = await WriteUntilAsync(writer, other, reads);
            var mixedUnderWrites = await reads;

            var report = new SearchReport(DateTimeOffset.UtcNow, Machine.Describe(), loadBefore, SearchReport.LoadAverage(), options, seed, service.ColdStart, floor,
                comparison.Ours, new SearchMix(measured.Count(s => s.Filter is not null), measured.Count(s => s.Facets), Median(comparison.OurTotals), guard.Checked, guard.Repeats),
                lucene, mixed, mixedUnderWrites, writes, residentAfterSearches, service.ResidentBytes());
            await EndToEndRun.WriteReportAsync(options, $"search-{options.People}", report.Markdown(), report.Json());
            if (guard.Repeats > 0)
            {
                await Console.Error.WriteLineAsync($"{guard.Repeats} searches repeated an earlier one: the figures are not those of never-asked searches.");
            }

            return guard.Repeats == 0 && comparison.Ours.Errors + mixed.Errors + mixedUnderWrites.Errors + writes.Errors == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How many measured searches each side answers before the other takes over.</summary>
    private const int Block = 100;

    /// <summary>The peer over the people read from the database now, and how long reading them took.</summary>
    private static (LucenePeer Peer, TimeSpan Read) BuildLucene(SeededNetwork network, string folder)
    {
        var clock = Stopwatch.StartNew();
        var people = network.VisiblePeople();
        var read = clock.Elapsed;
        return (LucenePeer.Create(people, folder), read);
    }

    /// <summary>
    /// The measured searches, ours over HTTP and the same texts in the peer, taking turns a block of <see cref="Block"/> at
    /// a time (ours first in even blocks, the peer first in odd ones): on a shared machine whose speed drifts by a factor
    /// of two within minutes, a ratio of two series measured one after the other says more about the machine than about
    /// either side; taking turns puts both under the same drift.
    /// </summary>
    private static async Task<Comparison> AlternatelyAsync(LoadDriver driver, LucenePeer peer, List<SearchRequest> measured, RepeatGuard guard)
    {
        var (ours, theirs) = (new List<double>(measured.Count), new List<double>(measured.Count));
        var (ourTotals, theirTotals) = (new List<int>(), new List<int>());
        var (ourClock, theirClock) = (new Stopwatch(), new Stopwatch());
        var errors = 0;
        for (var start = 0; start < measured.Count; start += Block)
        {
            var block = measured.Skip(start).Take(Block).ToList();
            var oursFirst = start / Block % 2 == 0;
            if (!oursFirst)
            {
                TheirBlock(block);
            }

            ourClock.Start();
            foreach (var search in block)
            {
                var body = guard.Check(search.Body());
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var answer = await driver.SendAsync(body);
                    ours.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    ourTotals.Add(JsonNode.Parse(answer)!["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
                }
                catch (InvalidOperationException)
                {
                    errors++;
                }
            }

            ourClock.Stop();
            if (oursFirst)
            {
                TheirBlock(block);
            }
        }

        return new Comparison(Series.Of("searchExperts, never repeated", ours, errors, ourClock.Elapsed), ourTotals,
            Series.Of("Lucene.Net BM25, in process", theirs, 0, theirClock.Elapsed), theirTotals);

        void TheirBlock(List<SearchRequest> block)
        {
            theirClock.Start();
            foreach (var search in block)
            {
                theirs.Add(peer.Time(search.Text, theirTotals));
            }

            theirClock.Stop();
        }
    }

    private sealed record Comparison(Series Ours, List<int> OurTotals, Series Lucene, List<int> LuceneTotals);

    /// <summary>
    /// Headline writes at <see cref="WritesPerSecond"/>, one after another, until <paramref name="reads"/> ends. Each puts a
    /// word of its own in the writer's headline; <paramref name="searcher"/> (someone else) then searches for that word
    /// every few milliseconds until the writer is found: the time from the write's answer to that is how stale a search
    /// answer can be while writes go on.
    /// </summary>
    private static async Task<WriteFigures> WriteUntilAsync(LoadDriver writer, LoadDriver searcher, Task reads)
    {
        var interval = TimeSpan.FromSeconds(1 / WritesPerSecond);
        var pace = Stopwatch.StartNew();
        var (written, errors, unseen) = (0, 0, 0);
        var seenAfter = new List<double>();
        for (var i = 0; !reads.IsCompleted; i++)
        {
            var due = interval * i;
            if (pace.Elapsed < due)
            {
                await Task.WhenAny(Task.Delay(due - pace.Elapsed), reads);
                if (reads.IsCompleted)
                {
                    break;
                }
            }

            try
            {
                var word = Queries.FreshWord(i);
                await writer.SendAsync(Queries.Mutation(i));
                written++;
                var answered = Stopwatch.StartNew();
                while (true)
                {
                    var found = JsonNode.Parse(await searcher.SendAsync(Ids.Body($$"""{ searchExperts(query: "{{word}}") { totalCount } }""")))!;
                    if (found["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() > 0)
                    {
                        seenAfter.Add(answered.Elapsed.TotalMilliseconds);
                        break;
                    }

                    if (answered.Elapsed > TimeSpan.FromSeconds(5))
                    {
                        unseen++;
                        break;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(2));
                }
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                errors++;
            }
        }

        seenAfter.Sort();
        double At(double p) => seenAfter.Count == 0 ? -1 : seenAfter[Math.Min(seenAfter.Count - 1, (int)(p * seenAfter.Count))];
        return new WriteFigures(written, errors, written / pace.Elapsed.TotalSeconds, At(0.5), At(0.99), seenAfter.Count == 0 ? -1 : seenAfter[^1], unseen);
    }

    /// <summary>People in a fixed shuffled order, so consecutive person pages are not neighbours in the store.</summary>
    private static List<string> Shuffled(IReadOnlyList<string> ids)
    {
        var list = ids.ToList();
        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    private static double Median(List<int> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);
}

/// <summary>The measured searches: how many had a filter or asked for facets, their median totalCount, and the repeat check.</summary>
public sealed record SearchMix(int WithFilter, int WithFacets, double MedianTotalCount, int SearchesChecked, int Repeats);

/// <summary>The Lucene peer's figures: documents, reading them from SQLite, building the index, its size, its warm-up and its searches.</summary>
public sealed record LuceneFigures(int Documents, TimeSpan Read, TimeSpan Build, long IndexBytes, int Warmup, Series Search, double MedianTotalHits);

/// <summary>The writes made during the mixed load, and how long after each one's answer another person's search found it.</summary>
public sealed record WriteFigures(int Written, int Errors, double PerSecond, double SeenAfterMedianMs, double SeenAfterP99Ms, double SeenAfterMaxMs, int Unseen);
