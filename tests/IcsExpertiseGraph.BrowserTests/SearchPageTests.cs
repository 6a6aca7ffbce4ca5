using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>The expert search page (<c>/</c>), as a newcomer uses it: type, press Enter, read, filter, page, open.</summary>
public sealed partial class SearchPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [BrowserFact]
    public Task SearchingForLeanShowsRankedExpertsWithReasons() => app.RunAsync(nameof(SearchingForLeanShowsRankedExpertsWithReasons), async t =>
    {
        var page = t.Page;
        await SearchAsync(t, "lean");

        var found = await FoundCountAsync(page);
        Assert.True(found > 0, "Searching for 'lean' found nobody.");
        var results = Results(page);
        Assert.InRange(await results.CountAsync(), 1, 20);
        await Expect(page.GetByText("Understood as:")).ToContainTextAsync("Lean");

        var scores = await ScoresAsync(page);
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.True(scores[0] > 0, $"The best match scores {scores[0]}.");

        // The first result's reasons: a table of signals, each with what it adds; together they make the score.
        var first = results.First;
        var why = first.GetByText("Why this rank");
        await why.ClickAsync();
        var reasons = first.GetByRole(AriaRole.Table, new() { Name = "Why this rank" });
        await Expect(reasons).ToBeVisibleAsync();
        await Expect(reasons.GetByRole(AriaRole.Columnheader, new() { Name = "Adds" })).ToBeVisibleAsync();
        var rows = reasons.Locator("tbody tr");
        Assert.True(await rows.CountAsync() >= 2, "The first result gives fewer than two reasons for its rank.");
        var contributions = (await rows.Locator("td:last-child").AllInnerTextsAsync()).Select(Number).ToList();
        Assert.All(contributions, c => Assert.NotEqual(0, c));
        Assert.Equal(scores[0], contributions.Sum(), 0.005 * (contributions.Count + 1));
        await first.ScrollIntoViewIfNeededAsync();
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task TickingAQualityDomainNarrowsTheResultsAndPagingWorks() => app.RunAsync(nameof(TickingAQualityDomainNarrowsTheResultsAndPagingWorks), async t =>
    {
        var page = t.Page;
        await SearchAsync(t, "lean");
        var before = await FoundCountAsync(page);

        // The domain checkboxes carry facet counts, e.g. "Systems thinking (123)": tick one that narrows the search.
        var domains = page.GetByRole(AriaRole.Group, new() { Name = "Quality domain" }).GetByRole(AriaRole.Checkbox);
        Assert.Equal(6, await domains.CountAsync());
        var (box, facetCount) = await NarrowingDomainAsync(domains, before);
        var value = await box.GetAttributeAsync("value");
        await box.CheckAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"[?&]domain={value}(&|$)"));
        await WaitForResultsAsync(page);
        await Expect(box).ToBeCheckedAsync();
        var after = await FoundCountAsync(page);
        Assert.True(after < before, $"Ticking {value} left {after} of {before} experts.");
        Assert.Equal(facetCount, after);
        await Expect(Results(page)).ToHaveCountAsync(Math.Min(after, 20));

        // Paging: the next twenty, then back to the same first page.
        Assert.True(after > 20, $"Only {after} experts: too few to page.");
        var firstOnPageOne = await ResultNames(page).First.InnerTextAsync();
        var pages = (after + 19) / 20;
        await Expect(page.GetByText($"Page 1 of {pages}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.GetByText($"Page 2 of {pages}")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByText(new Regex(@"experts? found; showing 21 to \d+"))).ToBeVisibleAsync();
        await Expect(ResultNames(page).First).Not.ToHaveTextAsync(firstOnPageOne);
        await Expect(page).ToHaveURLAsync(new Regex("[?&]after="));
        await t.ScreenshotAsync(suffix: "page-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Expect(page.GetByText($"Page 1 of {pages}")).ToBeVisibleAsync();
        await Expect(ResultNames(page).First).ToHaveTextAsync(firstOnPageOne);
        await Expect(box).ToBeCheckedAsync();
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task TheKeyboardAloneSearchesAndReachesTheResults() => app.RunAsync(nameof(TheKeyboardAloneSearchesAndReachesTheResults), async t =>
    {
        var page = t.Page;
        await t.GoToAsync("/");
        var field = page.GetByLabel("Search experts", new() { Exact = true });
        await Expect(field).ToBeVisibleAsync();
        await WaitForResultsAsync(page);

        // From the top of the page (the site-wide skip link), Tab past the brand, the navigation and the sign-in
        // to the search field. (A page load itself puts focus on the page's h1, from where one Tab reaches the field.)
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" }).FocusAsync();
        Assert.True(await TabUntilAsync(page, "el => el.matches('input[type=search]')", 15), "Tab from the page top never reached the search field.");
        await page.Keyboard.TypeAsync("lean");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]q=lean"));
        await WaitForResultsAsync(page);

        // Onwards past the filters to the first expert in the results, and Enter opens their page.
        Assert.True(await TabUntilAsync(page, "el => !!el.closest('ol.results') && el.matches('a')", 80), "Tab never reached the results.");
        var name = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        await t.ScreenshotAsync(suffix: "focus-on-result");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("#/person/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task TheSkipLinkTakesKeyboardUsersPastTheNavigationToTheSearch() => app.RunAsync(nameof(TheSkipLinkTakesKeyboardUsersPastTheNavigationToTheSearch), async t =>
    {
        var page = t.Page;
        await t.GoToAsync("/?q=lean");
        await WaitForResultsAsync(page);
        var address = page.Url;

        // The site-wide skip link (after "Skip to results") shows itself when focused; Enter on it stays on this page and moves
        // focus to the main content, so the next Tab reaches the search field.
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await skip.FocusAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        Assert.Equal(address, page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Find quality-improvement experts");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Search experts", new() { Exact = true })).ToBeFocusedAsync();
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task TheSearchResultsFitANarrowPhoneScreen() => app.RunAsync(nameof(TheSearchResultsFitANarrowPhoneScreen), async t =>
    {
        var page = t.Page;
        await page.SetViewportSizeAsync(390, 844);
        await SearchAsync(t, "lean");
        await Expect(page.GetByLabel("Search experts", new() { Exact = true })).ToBeInViewportAsync();
        await Results(page).First.GetByText("Why this rank").ClickAsync();
        // Nothing wider than the screen: no sideways scrolling of the page itself.
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width} px wide on a 390 px screen.");
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task WordsTypedWhileThePageIsStillLoadingAreKept() => app.RunAsync(nameof(WordsTypedWhileThePageIsStillLoadingAreKept), async t =>
    {
        // A slow connection: the ICS list the filters need arrives a second and a half late.
        var page = t.Page;
        await page.RouteAsync("**/graphql", async route =>
        {
            if ((route.Request.PostData ?? string.Empty).Contains("query IntegratedCareSystems", StringComparison.Ordinal))
            {
                await Task.Delay(1500);
            }

            await route.ContinueAsync();
        });
        await t.GoToAsync("/");
        var field = page.GetByLabel("Search experts", new() { Exact = true });
        await field.FillAsync("lean");
        await Expect(page.GetByRole(AriaRole.Main).GetByText(FoundPattern())).ToBeVisibleAsync();

        await Expect(field).ToHaveValueAsync("lean");
        await field.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]q=lean"));
        await WaitForResultsAsync(page);
        await Expect(page.GetByText("Understood as:")).ToContainTextAsync("Lean");
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task OpeningAPersonFromTheResultsShowsTheirPage() => app.RunAsync(nameof(OpeningAPersonFromTheResultsShowsTheirPage), async t =>
    {
        var page = t.Page;
        await SearchAsync(t, "lean");
        var link = ResultNames(page).First;
        var name = await link.InnerTextAsync();
        await link.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("#/person/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        foreach (var section in new[] { "Skills", "Organisations", "Projects" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = section, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Lean");
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task TheSearchPageHasNoSeriousAccessibilityViolations() => app.RunAsync(nameof(TheSearchPageHasNoSeriousAccessibilityViolations), async t =>
    {
        await SearchAsync(t, "lean");
        await Results(t.Page).First.GetByText("Why this rank").ClickAsync();
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(t.Page);
    });

    [BrowserFact]
    public Task TickingAFilterWithTheKeyboardKeepsFocusOnItAndWordsTypedAreKept() => app.RunAsync(nameof(TickingAFilterWithTheKeyboardKeepsFocusOnItAndWordsTypedAreKept), async t =>
    {
        var page = t.Page;
        await SearchAsync(t, "lean");
        // Words typed but not yet submitted go with the next filter change.
        await page.GetByLabel("Search experts", new() { Exact = true }).FillAsync("spc");

        var box = page.GetByRole(AriaRole.Group, new() { Name = "Quality domain" }).GetByRole(AriaRole.Checkbox).First;
        var id = await box.GetAttributeAsync("id");
        await box.FocusAsync();
        await page.Keyboard.PressAsync("Space");

        await Expect(page).ToHaveURLAsync(new Regex("[?&]q=spc(&|$)"));
        await WaitForResultsAsync(page);
        await Expect(page.GetByLabel("Search experts", new() { Exact = true })).ToHaveValueAsync("spc");
        // The filters are redrawn with new counts; keyboard focus stays on the box just ticked, not back at the page top.
        Assert.Equal(id, await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id"));
        await Expect(page.Locator($"#{id}")).ToBeCheckedAsync();
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task ABrokenAddressShowsAPageNotABlankScreenAndIndexHtmlLeadsToTheSearch() => app.RunAsync(nameof(ABrokenAddressShowsAPageNotABlankScreenAndIndexHtmlLeadsToTheSearch), async t =>
    {
        var page = t.Page;
        await t.GoToAsync("/person/%E0%A4%A");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This page could not be shown");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the expert search" })).ToBeVisibleAsync();
        await t.ScreenshotAsync();

        await page.GotoAsync(new Uri(app.Url, "/index.html").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/($|#)"));
        await Expect(page.GetByLabel("Search experts", new() { Exact = true })).ToBeVisibleAsync();
    });

    /// <summary>Opens <c>/</c>, types into "Search experts" and presses Enter, then waits for the answer.</summary>
    internal static async Task SearchAsync(BrowserTest t, string words)
    {
        var page = t.Page;
        await t.GoToAsync("/");
        var field = page.GetByLabel("Search experts", new() { Exact = true });
        await field.FillAsync(words);
        await field.PressAsync("Enter");
        // The address writes a space as '+'.
        await Expect(page).ToHaveURLAsync(new Regex($"[?&]q={Regex.Escape(Uri.EscapeDataString(words)).Replace("%20", "\\+", StringComparison.Ordinal)}"));
        await WaitForResultsAsync(page);
    }

    internal static ILocator Results(IPage page) => page.Locator("ol.results > li");

    /// <summary>Each card's name: its heading's link (h3, or h4 under a group's heading).</summary>
    internal static ILocator ResultNames(IPage page) => Results(page).Locator("h3 a, h4 a");

    /// <summary>The results stop being busy (the page marks them aria-busy while it asks) and the count is shown.</summary>
    private static async Task WaitForResultsAsync(IPage page)
    {
        await Expect(page.Locator("section[aria-labelledby=results-heading] > [aria-busy]")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.GetByRole(AriaRole.Main).GetByText(FoundPattern())).ToBeVisibleAsync();
    }

    /// <summary>N in "N experts found; showing ...".</summary>
    private static async Task<int> FoundCountAsync(IPage page)
    {
        var text = await page.GetByRole(AriaRole.Main).GetByText(FoundPattern()).InnerTextAsync();
        return int.Parse(FoundPattern().Match(text).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static async Task<List<double>> ScoresAsync(IPage page) =>
        (await Results(page).Locator(".score").AllInnerTextsAsync()).Select(Number).ToList();

    private static async Task<(ILocator Box, int Count)> NarrowingDomainAsync(ILocator domains, int total)
    {
        for (var i = 0; i < await domains.CountAsync(); i++)
        {
            var box = domains.Nth(i);
            var id = await box.GetAttributeAsync("id");
            var label = await box.Page.Locator($"label[for='{id}']").InnerTextAsync();
            var match = FacetCount().Match(label);
            Assert.True(match.Success, $"The domain checkbox '{label}' shows no count.");
            var count = int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            if (count > 20 && count < total)
            {
                return (box, count);
            }
        }

        throw new InvalidOperationException("No quality domain narrows the search to between 21 experts and fewer than all.");
    }

    /// <summary>Presses Tab (at most <paramref name="limit"/> times) until the focused element satisfies the predicate.</summary>
    private static async Task<bool> TabUntilAsync(IPage page, string predicate, int limit)
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const el = document.activeElement; return !!el && ({predicate})(el); }}"))
            {
                return true;
            }
        }

        return false;
    }

    private static double Number(string text) =>
        double.Parse(NumberPattern().Match(text).Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([\d,]+) experts? found")]
    private static partial Regex FoundPattern();

    [GeneratedRegex(@"\(([\d,]+)\)")]
    private static partial Regex FacetCount();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
