using System.Net.Http.Json;
using System.Text.Json;
using IcsExpertiseGraph.Testing;
using Microsoft.Playwright;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>
/// One test class's world: the real Release service as a child process (its bundled UI in <c>webui/</c> beside this
/// assembly, Development environment so the development sign-in is on, its own SQLite file seeded with the
/// 2,000-person demo network, rate limits off) and one headless Debian Chromium driven by Playwright. Each test
/// gets a fresh browser context through <see cref="RunAsync"/>.
/// </summary>
public class WebAppFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string> extraSettings;

    public WebAppFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>The same world with further settings for the service (a test class that needs another configuration).</summary>
    protected WebAppFixture(IReadOnlyDictionary<string, string> extraSettings) => this.extraSettings = extraSettings;

    /// <summary>Flags for a browser in a container: no sandbox, no GPU, and nothing that calls home.</summary>
    private static readonly string[] ChromiumFlags =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "ics-browser-tests-" + Guid.NewGuid().ToString("N"));
    private ServiceProcess? service;
    private IPlaywright? playwright;
    private IBrowser? browser;

    private readonly Dictionary<string, object> remembered = [];

    public Uri Url => service?.Url ?? throw new InvalidOperationException("The service is not running.");

    /// <summary>How the service under test is configured (verbs such as <c>token</c> run with the same settings).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Storage:Provider"] = "Sqlite",
        ["Storage:Sqlite:Path"] = Path.Combine(folder, "expertise.db"),
        ["Seed:DemoOnEmpty"] = "true",
        ["RateLimiting:Enabled"] = "false",
    }.Concat(extraSettings).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    public async Task InitializeAsync()
    {
        if (!Chromium.Installed)
        {
            // Only reached under CI (elsewhere the tests are skipped at discovery): fail, saying what to install.
            throw new InvalidOperationException(Chromium.Missing + " CI needs it: .ci/run installs it when missing.");
        }

        Directory.CreateDirectory(folder);
        try
        {
            var starting = ServiceProcess.StartAsync(Settings);
            // Belt and braces: the driver is inside the NuGet package and the browser is Debian's; nothing is downloaded.
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            Assertions.SetDefaultExpectTimeout(15_000);
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath,
                Headless = true,
                Args = ChromiumFlags,
            });
            service = await starting;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs one test in a fresh browser context. A failure saves a screenshot of every open page
    /// (<c>&lt;name&gt;.failure.png</c>); a test that passes its assertions still fails when the browser reported a
    /// console error, an uncaught page error or a Content-Security-Policy violation.
    /// </summary>
    public async Task RunAsync(string name, Func<BrowserTest, Task> body)
    {
        var current = browser ?? throw new InvalidOperationException("The browser is not running.");
        await using var test = await BrowserTest.StartAsync(current, Url, name);
        try
        {
            await body(test);
        }
        catch
        {
            await test.SaveFailureScreenshotsAsync();
            throw;
        }

        test.AssertTheBrowserReportedNoErrors();
    }

    /// <summary>Test data worked out once per fixture (its service), on first use.</summary>
    public Task<T> Remember<T>(string key, Func<Task<T>> find)
    {
        lock (remembered)
        {
            if (!remembered.TryGetValue(key, out var known))
            {
                known = find();
                remembered[key] = known;
            }

            return (Task<T>)known;
        }
    }

    /// <summary>A GraphQL query straight to the service (anonymous, or as the token's holder), for choosing or setting up test data; throws on errors.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null, string? token = null)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.PostAsJsonAsync(new Uri("graphql", UriKind.Relative), new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException($"GraphQL errors: {errors}");
        }

        return body.GetProperty("data");
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        service?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a run for.
        }
    }
}
