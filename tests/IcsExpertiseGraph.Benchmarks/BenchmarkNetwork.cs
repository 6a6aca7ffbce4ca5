using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Hardening;
using IcsExpertiseGraph.Api.Health;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>The address the service listens on, when created with <c>listen</c>.</summary>
    public Uri? Url { get; private set; }

    public static async Task<BenchmarkNetwork> CreateAsync(bool listen = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ics-expertise-bench", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(["--environment", "Development", "--Storage:Sqlite:Path", Path.Combine(directory, "expertise.db"), "--Seed:DemoOnEmpty", "false",
            // Every call ranks afresh: these figures are the cost of a search nobody asked before (the HTTP harness shows the cached path).
            "--Search:ResultCache", "false"]);
        builder.Logging.ClearProviders();
        builder.Services.AddExpertiseAuthentication(builder.Configuration, builder.Environment);
        builder.Services.AddExpertiseStore(builder.Configuration);
        builder.Services.AddHealth();
        builder.Services.AddHardening(builder.Configuration);
        builder.Services.AddCatalog(builder.Configuration);
        builder.Services.AddExperts(builder.Configuration);
        builder.Services.AddNetwork();
        builder.Services.AddInvitations(builder.Configuration);
        builder.Services.AddExpertiseGraphQL(builder.Configuration, builder.Environment);
        if (listen)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        var app = builder.Build();
        var store = app.Services.GetRequiredService<IExpertiseStore>();
        await store.MigrateAsync(CancellationToken.None);
        var network = new NetworkGenerator(7, new DateOnly(2026, 11, 1)).Generate(People);
        await store.ImportAsync(network, replaceExisting: false, progress: null, CancellationToken.None);
        await app.Services.GetRequiredService<ExpertIndexHost>().CatchUpAsync(CancellationToken.None);
        var benchmark = new BenchmarkNetwork(app, directory);
        if (listen)
        {
            // The service as it runs for real: authentication, the GraphQL endpoint, the read models warmed at start.
            app.UseAuthentication();
            app.MapExpertiseGraphQL();
            await app.StartAsync();
            benchmark.Url = new Uri(app.Urls.First());
        }

        return benchmark;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
