using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>
/// One test's browser: a fresh context (nothing signed in, nothing cached) and its page, plus more users' contexts
/// when a test needs two people. Everything the browser reports as wrong is collected: console errors, uncaught
/// page errors, and Content-Security-Policy violations (reported by a listener added before any page script).
/// </summary>
public sealed class BrowserTest : IAsyncDisposable
{
    private const string CspListener = """
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    private readonly IBrowser browser;
    private readonly Uri baseUrl;
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<string> problems = [];

    private BrowserTest(IBrowser browser, Uri baseUrl, string name)
    {
        this.browser = browser;
        this.baseUrl = baseUrl;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The test's first user's page.</summary>
    public IPage Page { get; private set; } = null!;

    public static async Task<BrowserTest> StartAsync(IBrowser browser, Uri baseUrl, string name)
    {
        var test = new BrowserTest(browser, baseUrl, name);
        foreach (var stale in Directory.EnumerateFiles(Screenshots.Folder, $"{name}.failure*.png"))
        {
            File.Delete(stale); // from an earlier run that failed
        }

        test.Page = await test.NewUserAsync();
        return test;
    }

    /// <summary>Another person at another browser: a context of their own (own session storage), same checks; <paramref name="phone"/>: a 390px touch screen.</summary>
    public async Task<IPage> NewUserAsync(bool phone = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            HasTouch = phone,
            IsMobile = phone,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        contexts.Add(context);
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(CspListener);
        var page = await context.NewPageAsync();
        var who = contexts.Count == 1 ? string.Empty : $"user {contexts.Count}: ";
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"{who}console error: {message.Text} ({message.Location}) on {page.Url}");
            }
        };
        page.PageError += (_, error) => Record($"{who}page error: {error} on {page.Url}");
        return page;
    }

    /// <summary>Opens a page of the app by its hash route, e.g. <c>/person/abc</c> for <c>/#/person/abc</c>.</summary>
    public async Task GoToAsync(string route, IPage? page = null)
    {
        await (page ?? Page).GotoAsync(new Uri(baseUrl, "/#" + route).ToString());
    }

    /// <summary>The full page, saved as <c>&lt;test name&gt;[-suffix].png</c> (see <see cref="Screenshots"/>).</summary>
    public async Task ScreenshotAsync(IPage? page = null, string? suffix = null)
    {
        await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Screenshots.PathFor(suffix is null ? Name : $"{Name}-{suffix}"),
            FullPage = true,
        });
    }

    /// <summary>
    /// Signs in with the development sign-in (the page at <c>#/sign-in</c>, on in Development only) as a seeded
    /// person found by name, optionally as a network manager; waits until the header says who is signed in.
    /// </summary>
    public async Task SignInAsync(string displayName, bool networkManager = false, IPage? page = null)
    {
        page ??= Page;
        await GoToAsync("/sign-in", page);
        await page.GetByLabel("Find a seeded person").FillAsync(displayName);
        if (networkManager)
        {
            await page.GetByLabel("Network manager").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {displayName}", Exact = true }).ClickAsync();
        await Expect(page.Locator("header")).ToContainTextAsync(new Regex($"Signed in as\\s*{Regex.Escape(displayName)}"));
    }

    internal async Task SaveFailureScreenshotsAsync()
    {
        for (var i = 0; i < contexts.Count; i++)
        {
            foreach (var page in contexts[i].Pages)
            {
                try
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor($"{Name}.failure{(i == 0 ? string.Empty : $"-user{i + 1}")}"), FullPage = true, Timeout = 5_000 });
                }
                catch (PlaywrightException)
                {
                    // The page may be gone (crashed or closed); the test's own failure is what matters.
                }
            }
        }
    }

    internal void AssertTheBrowserReportedNoErrors()
    {
        lock (problems)
        {
            Assert.True(problems.Count == 0, $"The browser reported {problems.Count} error(s):\n" + string.Join('\n', problems));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    private void Record(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }
}

/// <summary>
/// Where screenshots go: <c>SCREENSHOT_DIR</c> when set, else <c>TestResults/screenshots/</c> in the test
/// assembly's output folder (tests/IcsExpertiseGraph.BrowserTests/bin/Release/net10.0/TestResults/screenshots/).
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    public static string PathFor(string name) => Path.Combine(Folder, name + ".png");
}
