using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>
/// The search page's two groups (issue 16): a query naming skills lists those holding them under "Hold the skills you
/// asked for", then those who only mention the words under "Mention your words", each heading with its count and
/// where its group starts, across pages; a name match first, marked; "Meets N of M" where more than one skill is asked.
/// </summary>
public sealed partial class SearchPageTests
{
    private const string Holders = "Hold the skills you asked for";
    private const string Mentions = "Mention your words";

    [BrowserFact]
    public Task SystemsThinkingListsTheHoldersThenThoseMentioningTheWordsUnderCountedHeadings() => app.RunAsync(nameof(SystemsThinkingListsTheHoldersThenThoseMentioningTheWordsUnderCountedHeadings), async t =>
    {
        var page = t.Page;
        const string words = "systems thinking";
        var answer = (await app.QueryAsync("""
            query($q: String) { searchExperts(query: $q, first: 1) { totalCount skillHolderCount wordMentionCount } }
            """, new { q = words })).GetProperty("searchExperts");
        var holders = answer.GetProperty("skillHolderCount").GetInt32();
        var mentions = answer.GetProperty("wordMentionCount").GetInt32();
        Assert.True(holders > 20 && mentions > 0 && holders % 20 != 0, $"'{words}' has {holders} holders and {mentions} who mention it: the test needs holders on more than a page, and both groups on one page.");
        Assert.Equal(answer.GetProperty("totalCount").GetInt32(), holders + mentions);

        // Page 1: only holders, under their heading and count; one skill asked for, so no "Meets N of M".
        await SearchAsync(t, words);
        Assert.Equal([GroupHeading(Holders, holders)], await GroupHeadingsAsync(page));
        await Expect(GroupRegion(page, Holders).Locator("ol.results > li")).ToHaveCountAsync(20);
        await Expect(page.Locator(".skills-met")).ToHaveCountAsync(0);
        await t.ScreenshotAsync(suffix: "page-1");

        // The page where the holders end and the words begin, as its address (shared or bookmarked) opens it.
        var boundary = holders / 20 + 1;
        await t.GoToAsync(await PageAddressAsync(words, boundary));
        await WaitForResultsAsync(page);
        await Expect(page.GetByText($"Page {boundary} of {(holders + mentions + 19) / 20}")).ToBeVisibleAsync();
        Assert.Equal([GroupHeading(Holders, holders, continued: true), GroupHeading(Mentions, mentions)], await GroupHeadingsAsync(page));

        // Every card sits under the group the API puts it in, in the API's order, and no holder comes after a mention.
        var expected = await PageEdgesAsync(words, boundary);
        var shown = await CardsAndTheirGroupsAsync(page);
        Assert.Equal(expected.Select(e => e.Name), shown.Select(c => c.Name));
        for (var i = 0; i < shown.Count; i++)
        {
            Assert.True(shown[i].Group.StartsWith(expected[i].Group == "SKILLS" ? Holders : Mentions, StringComparison.Ordinal),
                $"{shown[i].Name} ({expected[i].Group}) is shown under '{shown[i].Group}'.");
        }

        var firstMention = shown.FindIndex(c => c.Group.StartsWith(Mentions, StringComparison.Ordinal));
        Assert.InRange(firstMention, 1, shown.Count - 1);
        Assert.DoesNotContain(shown.Skip(firstMention), c => c.Group.StartsWith(Holders, StringComparison.Ordinal));
        await GroupRegion(page, Mentions).ScrollIntoViewIfNeededAsync();
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The next page goes on with those mentioning the words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.GetByText($"Page {boundary + 1} of")).ToBeVisibleAsync();
        await WaitForResultsAsync(page);
        Assert.Equal([GroupHeading(Mentions, mentions, continued: true)], await GroupHeadingsAsync(page));
        await t.ScreenshotAsync(suffix: "continued");
    });

    [BrowserFact]
    public Task EachHolderOfATwoSkillQuerySaysHowManyOfTheSkillsTheyMeet() => app.RunAsync(nameof(EachHolderOfATwoSkillQuerySaysHowManyOfTheSkillsTheyMeet), async t =>
    {
        var page = t.Page;
        const string words = "SPC and systems thinking";
        var recognised = (await app.QueryAsync("""
            query($q: String) { searchExperts(query: $q, first: 1) { recognisedSkills { name } } }
            """, new { q = words })).GetProperty("searchExperts").GetProperty("recognisedSkills").GetArrayLength();
        Assert.Equal(2, recognised);

        // The first page: those meeting both; then the page where meeting both gives way to meeting one.
        var edges = await PageEdgesAsync(words, 1, all: true);
        var firstMeetingOne = edges.FindIndex(e => e.Group == "SKILLS" && e.SkillsMet == 1);
        Assert.True(firstMeetingOne > 0, $"Nobody meets just one of '{words}'.");
        foreach (var pageNumber in new[] { 1, firstMeetingOne / 20 + 1 }.Distinct())
        {
            if (pageNumber == 1)
            {
                await SearchAsync(t, words);
            }
            else
            {
                await t.GoToAsync(await PageAddressAsync(words, pageNumber));
                await WaitForResultsAsync(page);
            }

            var expected = edges.Skip((pageNumber - 1) * 20).Take(20).ToList();
            var cards = Results(page);
            await Expect(cards).ToHaveCountAsync(expected.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var met = cards.Nth(i).Locator(".skills-met");
                if (expected[i].Group == "SKILLS")
                {
                    await Expect(met).ToHaveTextAsync($"Meets {expected[i].SkillsMet} of 2 skills asked for");
                }
                else
                {
                    await Expect(met).ToHaveCountAsync(0);
                }
            }

            var says = await page.Locator(".skills-met").AllInnerTextsAsync();
            Assert.Contains("Meets 2 of 2 skills asked for", says);
            Assert.Equal(says.OrderByDescending(s => s, StringComparer.Ordinal), says); // more skills met first
        }

        await Expect(page.Locator(".skills-met").Filter(new() { HasText = "Meets 1 of 2 skills asked for" }).First).ToBeVisibleAsync();
        await page.Locator(".skills-met").Filter(new() { HasText = "Meets 1 of 2" }).First.ScrollIntoViewIfNeededAsync();
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task SearchingForSomeonesNameShowsThemFirstMarkedNameMatchInOneList() => app.RunAsync(nameof(SearchingForSomeonesNameShowsThemFirstMarkedNameMatchInOneList), async t =>
    {
        var page = t.Page;

        // Nothing asked for: one list, no group headings.
        await t.GoToAsync("/");
        await WaitForResultsAsync(page);
        Assert.Empty(await GroupHeadingsAsync(page));
        await Expect(page.Locator("ol.results")).ToHaveCountAsync(1);

        // A name that names no skill, so the answer is one list too, with the person first.
        var name = await NameNamingNoSkillAsync();
        await SearchAsync(t, name);
        var first = Results(page).First;
        await Expect(ResultNames(page).First).ToHaveTextAsync(name);
        await Expect(first.GetByRole(AriaRole.Heading)).ToContainTextAsync("Name match");
        await Expect(first.Locator(".badge", new() { HasText = "Name match" })).ToBeVisibleAsync();
        await Expect(page.Locator(".badge", new() { HasText = "Name match" })).ToHaveCountAsync(await NameMatchesAsync(name));
        Assert.Empty(await GroupHeadingsAsync(page));
        await Expect(page.Locator("ol.results")).ToHaveCountAsync(1);
        await t.ScreenshotAsync();
    });

    /// <summary>"Hold the skills you asked for · 1,408 experts", as the page writes a group's heading (en-GB thousands, which the invariant culture shares).</summary>
    private static string GroupHeading(string title, int count, bool continued = false) =>
        $"{title}{(continued ? " (continued)" : string.Empty)} · {count.ToString("#,0", CultureInfo.InvariantCulture)} expert{(count == 1 ? string.Empty : "s")}";

    /// <summary>The group headings over the results, top to bottom (the regions inside the results, by their names).</summary>
    private static async Task<List<string>> GroupHeadingsAsync(IPage page) =>
        [.. (await page.Locator("section[aria-labelledby=results-heading] section[aria-labelledby]").EvaluateAllAsync<string[]>(
            "sections => sections.map(s => document.getElementById(s.getAttribute('aria-labelledby')).textContent)"))];

    private static ILocator GroupRegion(IPage page, string title) =>
        page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^" + Regex.Escape(title)) });

    /// <summary>Each card's name with the heading of the group region it is in ("" outside any).</summary>
    private static async Task<List<(string Name, string Group)>> CardsAndTheirGroupsAsync(IPage page) =>
        [.. (await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('ol.results > li')].map(li => {
              const region = li.closest('section[aria-labelledby]');
              const heading = document.getElementById(region.getAttribute('aria-labelledby'));
              return [li.querySelector('h3 a, h4 a').textContent, heading.id === 'results-heading' ? '' : heading.textContent];
            })
            """)).Select(pair => (pair[0], pair[1]))];

    /// <summary>
    /// The page's address for page <paramref name="number"/> of a search, as the pager writes it: <c>after</c> the last
    /// result before it, and <c>back</c> the earlier pages' <c>after</c>s (the first page's is empty).
    /// </summary>
    private async Task<string> PageAddressAsync(string words, int number)
    {
        var cursors = await CursorsAsync(words, (number - 1) * 20);
        var ends = Enumerable.Range(1, number - 1).Select(k => cursors[(k * 20) - 1]).ToList();
        var back = new[] { string.Empty }.Concat(ends.SkipLast(1));
        return $"/?q={Uri.EscapeDataString(words)}&after={Uri.EscapeDataString(ends[^1])}" +
            string.Concat(back.Select(b => $"&back={Uri.EscapeDataString(b)}"));
    }

    private async Task<List<string>> CursorsAsync(string words, int count)
    {
        var cursors = new List<string>();
        while (cursors.Count < count)
        {
            var edges = (await app.QueryAsync("""
                query($q: String, $after: String) { searchExperts(query: $q, first: 100, after: $after) { edges { cursor } } }
                """, new { q = words, after = cursors.LastOrDefault() })).GetProperty("searchExperts").GetProperty("edges");
            cursors.AddRange(edges.EnumerateArray().Select(e => e.GetProperty("cursor").GetString()!));
        }

        return cursors;
    }

    /// <summary>The API's results on page <paramref name="number"/> (or, with <paramref name="all"/>, the first 100): name, group, skills met.</summary>
    private async Task<List<(string Name, string Group, int SkillsMet)>> PageEdgesAsync(string words, int number, bool all = false)
    {
        var after = number == 1 ? null : (await CursorsAsync(words, (number - 1) * 20))[((number - 1) * 20) - 1];
        var edges = (await app.QueryAsync("""
            query($q: String, $first: Int, $after: String) { searchExperts(query: $q, first: $first, after: $after) { edges { group skillsMet node { displayName } } } }
            """, new { q = words, first = all ? 100 : 20, after })).GetProperty("searchExperts").GetProperty("edges");
        return [.. edges.EnumerateArray().Select(e => (e.GetProperty("node").GetProperty("displayName").GetString()!, e.GetProperty("group").GetString()!, e.GetProperty("skillsMet").GetInt32()))];
    }

    /// <summary>A "lean" expert whose name, searched for, names no skill (and puts them first for it).</summary>
    private async Task<string> NameNamingNoSkillAsync()
    {
        foreach (var (_, name) in await SeededPeople.LeanExpertsAsync(app))
        {
            var answer = (await app.QueryAsync("""
                query($q: String) { searchExperts(query: $q, first: 1) { recognisedSkills { id } edges { group node { displayName } } } }
                """, new { q = name })).GetProperty("searchExperts");
            if (answer.GetProperty("recognisedSkills").GetArrayLength() == 0 && answer.GetProperty("edges")[0] is var top
                && top.GetProperty("group").GetString() == "NAME" && top.GetProperty("node").GetProperty("displayName").GetString() == name)
            {
                return name;
            }
        }

        throw new InvalidOperationException("No lean expert's name finds them first without naming a skill.");
    }

    /// <summary>How many on the first page the API marks as a name match for the query.</summary>
    private async Task<int> NameMatchesAsync(string words)
    {
        var edges = (await app.QueryAsync("""
            query($q: String) { searchExperts(query: $q, first: 20) { edges { group } } }
            """, new { q = words })).GetProperty("searchExperts").GetProperty("edges");
        return edges.EnumerateArray().Count(e => e.GetProperty("group").GetString() == "NAME");
    }
}
