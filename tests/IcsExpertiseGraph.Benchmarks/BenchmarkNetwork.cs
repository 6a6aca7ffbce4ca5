using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Benchmarks;

/// <summary>
/// The service's own components over a freshly seeded store of BENCH_PEOPLE people (default 100,000), with
/// the in-memory search index built: what a warm server holds, without HTTP in the way.
/// </summary>
public sealed class BenchmarkNetwork : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string directory;

    private BenchmarkNetwork(WebApplication app, string directory)
    {
        this.app = app;
        this.directory = directory;
    }

    public static int People => int.TryParse(Environment.GetEnvironmentVariable("BENCH_PEOPLE"), out var n) ? n : 100_000;

    public IServiceProvider Services => app.Services;

    public static async Task<BenchmarkNetwork> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ics-expertise-bench", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(["--Storage:Sqlite:Path", Path.Combine(directory, "expertise.db"), "--Seed:DemoOnEmpty", "false"]);
        builder.Services.AddExpertiseStore(builder.Configuration);
        builder.Services.AddExpertiseGraphQL(builder.Configuration, builder.Environment);
        var app = builder.Build();
        var store = app.Services.GetRequiredService<IExpertiseStore>();
        await store.MigrateAsync(CancellationToken.None);
        var network = new NetworkGenerator(7, new DateOnly(2026, 11, 1)).Generate(People);
        await store.ImportAsync(network, replaceExisting: false, progress: null, CancellationToken.None);
        await app.Services.GetRequiredService<ExpertIndexHost>().RefreshAsync(CancellationToken.None);
        return new BenchmarkNetwork(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
