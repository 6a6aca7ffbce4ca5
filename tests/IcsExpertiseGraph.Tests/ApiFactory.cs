using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The real service over HTTP, on its own temporary SQLite file, seeded with a small demo network
/// (the same generator as production, fewer people). Store calls are counted for the batching tests.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-tests", Guid.NewGuid().ToString("N"));

    public string Environment { get; init; } = "Development";

    /// <summary>The production profile (masked errors, no introspection, every limit on), still with the local issuer for test tokens.</summary>
    public static ApiFactory Production(int demoPeople = 400)
    {
        var factory = new ApiFactory { Environment = "Production", DemoPeople = demoPeople };
        factory.Settings["Auth:AllowLocalIssuerInProduction"] = "true";
        return factory;
    }

    /// <summary>Entra ID configured (tenant ...01, API app ...02), so the local issuer does not run; more settings may follow.</summary>
    public static ApiFactory EntraId(int demoPeople = 20)
    {
        var factory = new ApiFactory { DemoPeople = demoPeople };
        factory.Settings["AzureAd:Instance"] = "https://login.microsoftonline.com/";
        factory.Settings["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001";
        factory.Settings["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002";
        return factory;
    }

    public int DemoPeople { get; init; } = 400;

    public string DatabasePath => Path.Combine(directory, "expertise.db");

    /// <summary>Further configuration for this instance of the service.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public StoreCallCounter Calls { get; } = new();

    /// <summary>The least severe log entries <see cref="Logged"/> keeps.</summary>
    public LogLevel CapturedLevel { get; init; } = LogLevel.Warning;

    /// <summary>Replacements for the service's own registrations (a clock that runs ahead), applied last.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Every log entry the service wrote at <see cref="CapturedLevel"/> or above.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Logged { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Storage:Sqlite:Path", DatabasePath);
        builder.UseSetting("Seed:DemoPeople", DemoPeople.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Seed:DemoSeed", "42");
        // The console shows warnings only, or the production profile's line per request would flood the test output.
        builder.UseSetting("Logging:Console:LogLevel:Default", "Warning");
        // Rate limits are on by default; only the tests about them turn them back on, so the rest cannot be flaky.
        builder.UseSetting("RateLimiting:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logged, CapturedLevel)));
        builder.ConfigureServices(services =>
        {
            // The service registers its (traced) store port by factory; the counting proxy goes around that.
            var original = services.Single(d => d.ServiceType == typeof(IExpertiseStore));
            services.Remove(original);
            services.AddSingleton(sp => CountingStore.Wrap((IExpertiseStore)original.ImplementationFactory!(sp), Calls));
            TestServices?.Invoke(services);
        });
    }

    public IExpertiseStore Store => Services.GetRequiredService<IExpertiseStore>();

    /// <summary>POSTs a GraphQL request (with a bearer token, if given) and returns the parsed response body.</summary>
    public async Task<JsonObject> QueryAsync(string query, object? variables = null, string? token = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A token from the service's own local issuer, as the <c>token</c> verb prints it.</summary>
    public string TokenFor(IcsExpertiseGraph.Api.Domain.Person person, params string[] roles) =>
        Services.GetRequiredService<IcsExpertiseGraph.Api.Auth.LocalIssuer>()
            .Issue(person.ExternalId ?? "local:" + person.Id.ToString("D"), person.Email, person.DisplayName, roles, DateTimeOffset.UtcNow);

    /// <summary>A token for the person, signed in: <c>me</c> has linked it to their profile, as a client does first.</summary>
    public async Task<string> SignInAsync(IcsExpertiseGraph.Api.Domain.Person person, params string[] roles)
    {
        var token = TokenFor(person, roles);
        await QueryAsync("{ me { id } }", token: token);
        return token;
    }

    /// <summary>A token for someone the directory has never seen.</summary>
    public string TokenForNewcomer(string externalId, string email, string name, params string[] roles) =>
        Services.GetRequiredService<IcsExpertiseGraph.Api.Auth.LocalIssuer>().Issue(externalId, email, name, roles, DateTimeOffset.UtcNow);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqlitePools.ReleaseUnder(directory);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

public sealed class StoreCallCounter
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> calls = new();

    /// <summary>A store method that should fail, to see how the API reports an internal fault.</summary>
    public string? FailingMethod { get; set; }

    /// <summary>A store method that hangs until its call is cancelled, to see the execution timeout at work.</summary>
    public string? HangingMethod { get; set; }

    /// <summary>
    /// When set, the store reports this change sequence whatever is written, so the read models keep the snapshot
    /// they have: what other callers see for up to a second after someone else's write, held still for a test.
    /// </summary>
    public long? FrozenChangeSequence { get; set; }

    /// <summary>
    /// Store calls since the last reset, without the skill catalog's own refreshes, the outbox worker's rounds and the
    /// read models' looks at the change feed: those are time-based and belong to no request.
    /// </summary>
    public int Count => calls.Count(name => name is not ("GetChangeSequenceAsync" or "GetAllSkillsAsync" or "ExpireInvitationsAsync" or "ClaimOutboxAsync" or "ReadChangesAsync" or "PruneChangesAsync"));

    public void Reset() => calls.Clear();

    internal void Record(string method) => calls.Enqueue(method);
}

/// <summary>Counts every call through the store port: one call is one store round-trip.</summary>
public class CountingStore : DispatchProxy
{
    private IExpertiseStore inner = null!;
    private StoreCallCounter counter = null!;

    public static IExpertiseStore Wrap(IExpertiseStore inner, StoreCallCounter counter)
    {
        var proxy = Create<IExpertiseStore, CountingStore>();
        var counting = (CountingStore)(object)proxy;
        counting.inner = inner;
        counting.counter = counter;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        counter.Record(targetMethod!.Name);
        if (targetMethod?.Name == counter.FailingMethod)
        {
            throw new InvalidOperationException("connection string Password=hunter2 leaked");
        }

        if (targetMethod?.Name == counter.HangingMethod)
        {
            var cancellation = args!.OfType<CancellationToken>().Single();
            try
            {
                Task.Delay(Timeout.Infinite, cancellation).GetAwaiter().GetResult();
            }
            catch (TaskCanceledException)
            {
                throw new OperationCanceledException(cancellation);
            }
        }

        if (targetMethod?.Name == nameof(IExpertiseStore.GetChangeSequenceAsync) && counter.FrozenChangeSequence is { } frozen)
        {
            return Task.FromResult(frozen);
        }

        if (targetMethod?.Name == nameof(IExpertiseStore.ReadChangesAsync) && counter.FrozenChangeSequence is { } frozenFeed)
        {
            // As another instance sees the store before the feed reaches it: nothing has happened since.
            return Task.FromResult(new ChangeBatch(frozenFeed, 0, frozenFeed, []));
        }

        try
        {
            return targetMethod!.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}

/// <summary>One seeded service in the production profile, shared by the read-only tests of a class.</summary>
public sealed class SharedProductionApi : IDisposable
{
    public ApiFactory Factory { get; } = ApiFactory.Production();

    public void Dispose() => Factory.Dispose();
}

/// <summary>One seeded service shared by the read-only tests of a class.</summary>
public sealed class SharedApi : IDisposable
{
    public ApiFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

internal static class Json
{
    public static string Str(this JsonNode? node) => node!.GetValue<string>();

    public static JsonArray Arr(this JsonNode? node) => node!.AsArray();

    public static string? ErrorCode(this JsonObject response, int index = 0) => response["errors"]?[index]?["extensions"]?["code"]?.GetValue<string>();

    public static string? ErrorField(this JsonObject response, int index = 0) => response["errors"]?[index]?["extensions"]?["field"]?.GetValue<string>();

    public static MediaTypeWithQualityHeaderValue Accept(string mediaType) => new(mediaType);
}

internal sealed class CapturingLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<(LogLevel, string, Exception?)> entries, LogLevel least) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Capturing(entries, least);

    public void Dispose()
    {
    }

    private sealed class Capturing(System.Collections.Concurrent.ConcurrentQueue<(LogLevel, string, Exception?)> entries, LogLevel least) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= least;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((logLevel, formatter(state, exception), exception));
            }
        }
    }
}
