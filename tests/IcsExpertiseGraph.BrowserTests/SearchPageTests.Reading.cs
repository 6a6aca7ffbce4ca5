using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>The search page read as a designer reads it: words not codes, each organisation once, a way straight to the results, a counted box.</summary>
public sealed partial class SearchPageTests
{
    [BrowserFact]
    public Task ResultsAndTheirReasonsSayLevelsAndAvailabilityInWordsNotCodes() => app.RunAsync(nameof(ResultsAndTheirReasonsSayLevelsAndAvailabilityInWordsNotCodes), async t =>
    {
        var page = t.Page;
        foreach (var words in new[] { "lean", "coach" })
        {
            await SearchAsync(t, words);
            var availability = page.Locator("table.reasons td").Filter(new() { HasTextRegex = new Regex("^(Available|Limited availability|Not available)") });
            Assert.True(await availability.CountAsync() > 0, $"No reason for '{words}' says the availability in words.");
            // textContent, not innerText: the reasons of every result count, folded away or not.
            var codes = EnumCodes().Matches(await page.GetByRole(AriaRole.Main).TextContentAsync() ?? "").Select(m => m.Value).Distinct().ToList();
            Assert.True(codes.Count == 0, $"Searching for '{words}' shows codes: {string.Join(", ", codes)}.");
        }

        await Expect(Results(page).First.Locator(".skill-list")).ToContainTextAsync(new Regex("Practitioner|Expert|Coach"));
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task EachResultNamesThePersonsOrganisationOnce() => app.RunAsync(nameof(EachResultNamesThePersonsOrganisationOnce), async t =>
    {
        var page = t.Page;
        await SearchAsync(t, "lean");
        var data = await app.QueryAsync("""
            { searchExperts(query: "lean", first: 20) { edges { node { displayName headline employments { primary until organisation { name } } } } } }
            """);
        var people = data.GetProperty("searchExperts").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Contains(people, p => p.GetProperty("headline").GetString() is { } headline && Employer(p) is { } employer && headline.Contains(employer, StringComparison.OrdinalIgnoreCase));

        var cards = Results(page);
        await Expect(cards).ToHaveCountAsync(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            var text = await cards.Nth(i).Locator(".result-meta").InnerTextAsync();
            if (Employer(people[i]) is not { } organisation)
            {
                continue;
            }

            var times = Regex.Count(text, Regex.Escape(organisation), RegexOptions.IgnoreCase);
            Assert.True(times == 1, $"{people[i].GetProperty("displayName")}'s card names {organisation} {times} times: {text}");
        }

        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task SkipToResultsIsThePagesFirstStopAndLandsOnTheResults() => app.RunAsync(nameof(SkipToResultsIsThePagesFirstStopAndLandsOnTheResults), async t =>
    {
        var page = t.Page;
        await t.GoToAsync("/?q=lean");
        await WaitForResultsAsync(page);
        var address = page.Url;

        // First in the tab order: before the site-wide skip link, the header and the search box.
        Assert.Equal("Skip to results", await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
                    .find(el => el.tabIndex >= 0 && !el.disabled)?.textContent
            """));
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" }).FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to results" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await t.ScreenshotAsync(suffix: "skip-link");

        // Enter lands on the results (the address stays); the next Tab is the first expert.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Results", Exact = true })).ToBeFocusedAsync();
        Assert.Equal(address, page.Url);
        await page.Keyboard.PressAsync("Tab");
        await Expect(ResultNames(page).First).ToBeFocusedAsync();
        await t.ScreenshotAsync();

        // Another page has no results to skip to.
        await t.GoToAsync("/team");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Team builder");
        await Expect(skip).ToHaveCountAsync(0);
    });

    [BrowserFact]
    public Task TheSearchBoxCountsItsCharactersAndRefusesMoreThanTwoHundred() => app.RunAsync(nameof(TheSearchBoxCountsItsCharactersAndRefusesMoreThanTwoHundred), async t =>
    {
        var page = t.Page;
        await t.GoToAsync("/");
        await WaitForResultsAsync(page);
        var field = page.GetByLabel("Search experts", new() { Exact = true });
        var counter = page.Locator(".char-count");
        await Expect(counter).ToHaveTextAsync("You have 200 characters remaining");

        var words = string.Concat(Enumerable.Repeat("lean flow ", 20)); // 200 characters
        await field.FillAsync(words[..190]);
        await Expect(counter).ToHaveTextAsync("You have 10 characters remaining");
        await field.PressSequentiallyAsync("coaching, ");
        await Expect(counter).ToHaveTextAsync("You have 0 characters remaining");
        await field.PressSequentiallyAsync("SPC");
        await Expect(counter).ToHaveTextAsync("You have 3 characters too many");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        // Screen readers hear the count once typing pauses.
        await Expect(page.Locator("[aria-live=polite]").Filter(new() { HasText = "You have 3 characters too many" })).ToHaveCountAsync(1);
        await t.ScreenshotAsync(suffix: "too-many");

        // Too long is not sent; trimmed to the limit it is.
        await field.PressAsync("Enter");
        await Expect(page).Not.ToHaveURLAsync(new Regex("[?&]q="));
        await Expect(field).ToBeFocusedAsync();
        foreach (var _ in "SPC")
        {
            await field.PressAsync("Backspace");
        }

        await Expect(counter).ToHaveTextAsync("You have 0 characters remaining");
        await Expect(field).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await field.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]q=lean"));
        await WaitForResultsAsync(page);
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task TheSkillPickerOffersSkillsNamedByTheWordsBeforeThoseFoundThroughAnAlias() => app.RunAsync(nameof(TheSkillPickerOffersSkillsNamedByTheWordsBeforeThoseFoundThroughAnAlias), async t =>
    {
        var page = t.Page;
        await t.GoToAsync("/");
        await page.GetByLabel("Skills", new() { Exact = true }).FillAsync("statistical");
        var offered = page.GetByRole(AriaRole.List, new() { Name = "Matching skills" }).GetByRole(AriaRole.Button);
        await Expect(offered.First).ToHaveTextAsync(new Regex("^Statistical"));

        var names = (await offered.AllInnerTextsAsync()).Select(text => text.Split(" · ")[0]).ToList();
        Assert.Equal(["Statistical analysis", "Statistical process control", "Making Data Count"], names);
        await t.ScreenshotAsync();
    });

    /// <summary>The organisation a person's card names: their primary current employer (else any current one).</summary>
    private static string? Employer(JsonElement person)
    {
        var current = person.GetProperty("employments").EnumerateArray().Where(e => e.GetProperty("until").ValueKind == JsonValueKind.Null).ToList();
        var chosen = current.Where(e => e.GetProperty("primary").GetBoolean()).Concat(current).Select(e => (JsonElement?)e).FirstOrDefault();
        return chosen?.GetProperty("organisation").GetProperty("name").GetString();
    }

    /// <summary>The API's enum values as the pages must never show them (VCSE is left out: it is also the sector's own word).</summary>
    [GeneratedRegex(@"\b(AWARENESS|PRACTITIONER|EXPERT|COACH|OPEN|LIMITED|NOT_AVAILABLE|TRAINING|PROJECT|CREDENTIAL|PUBLICATION|[A-Z]+(_[A-Z]+)+)\b")]
    internal static partial Regex EnumCodes();
}
