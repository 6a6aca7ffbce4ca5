using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>The pictures: the collaboration network (Cytoscape.js on a canvas) and the coverage heatmap.</summary>
public sealed class NetworkAndCoverageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>How many pixels of the graph's canvases something was drawn on (not transparent).</summary>
    private const string PaintedPixels = """
        () => {
          let painted = 0;
          for (const canvas of document.querySelectorAll('.graph canvas')) {
            if (!canvas.width || !canvas.height) continue;
            const context = canvas.getContext('2d');
            if (!context) continue;
            const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
          }
          return painted;
        }
        """;

    [BrowserFact]
    public Task TheNetworkAroundAPersonDrawsTheirCollaborators() => app.RunAsync(nameof(TheNetworkAroundAPersonDrawsTheirCollaborators), async t =>
    {
        var (id, name) = (await SeededPeople.LeanExpertsAsync(app))[0];
        await t.SignInAsync(name);
        await t.GoToAsync($"/network?around={Uri.EscapeDataString(id)}");
        var page = t.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Collaboration network");

        var graph = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex($"^Collaboration network around {Regex.Escape(name)}") });
        await Expect(graph).ToBeVisibleAsync();
        await AssertDrawnAsync(page);

        // The same network as a list of people (the accessible alternative to the picture): the centre and others.
        var people = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^People in the network") }).Locator("tbody tr");
        await Expect(people.First).ToBeVisibleAsync();
        Assert.True(await people.CountAsync() > 1, "The network around the person has nobody but them.");
        await Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^People in the network") })).ToContainTextAsync($"{name} (centre)");
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(t.Page);
    });

    [BrowserFact]
    public Task ANetworkManagerSeesAnIcsOrganisationsWithBrokersAndIsolatedOrganisations() => app.RunAsync(nameof(ANetworkManagerSeesAnIcsOrganisationsWithBrokersAndIsolatedOrganisations), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[1];
        var (icsId, icsName) = await SeededPeople.FirstIcsAsync(app);
        await t.SignInAsync(name, networkManager: true);
        await t.GoToAsync($"/network?ics={Uri.EscapeDataString(icsId)}&view=organisations");
        var page = t.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Collaboration network");
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex($"^Organisation collaboration in {Regex.Escape(icsName)}") })).ToBeVisibleAsync();
        await AssertDrawnAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brokers", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Isolated organisations", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Brokers" }).GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new Regex("^#/person/"));
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(t.Page);
    });

    [BrowserFact]
    public Task AnIcsDrawnAsPeopleIsColouredByOrganisationWithBrokersAndIsolatedOrganisationsBeside() => app.RunAsync(nameof(AnIcsDrawnAsPeopleIsColouredByOrganisationWithBrokersAndIsolatedOrganisationsBeside), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[3];
        await t.SignInAsync(name, networkManager: true);
        await t.GoToAsync("/network");
        var page = t.Page;
        // Chosen with the controls, as a network manager would: the people of an ICS, then the ICS.
        await page.GetByLabel("An Integrated Care System: its people").CheckAsync();
        var ics = page.GetByLabel("Integrated Care System", new() { Exact = true });
        var icsName = (await ics.Locator("option").Nth(1).InnerTextAsync()).Trim();
        await ics.SelectOptionAsync(new SelectOptionValue { Index = 1 });

        await Expect(page).ToHaveURLAsync(new Regex("[?&]ics="));
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex($"^Collaboration network of {Regex.Escape(icsName)}") })).ToBeVisibleAsync();
        await AssertDrawnAsync(page);
        // Beside the graph: the organisations' colours, the brokers and the isolated organisations.
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Organisations and their colours" }).GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brokers", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Isolated organisations", Exact = true })).ToBeVisibleAsync();
        // The people table lists the brokers first, by rank (1, 2, 3 ...), then those who broker nothing (–); choosing the first shows them in the panel.
        var table = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^People in the network") });
        var ranks = await table.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.True(ranks.Count > 5, $"only {ranks.Count} people drawn");
        var brokers = ranks.TakeWhile(r => r != "–").ToList();
        Assert.NotEmpty(brokers);
        Assert.Equal(Enumerable.Range(1, brokers.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), brokers);
        Assert.All(ranks.Skip(brokers.Count), r => Assert.Equal("–", r));
        await Expect(table.Locator("tbody tr").First.Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^\d+(\.\d+)?%$"));
        var first = table.Locator("tbody tr th button").First;
        var person = await first.InnerTextAsync();
        await first.ClickAsync();
        await Expect(page.Locator("#selected-heading")).ToHaveTextAsync(person);
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(t.Page);
    });

    [BrowserFact]
    public Task TheCoverageViewShowsAHeatmapGapsAndTheAssuranceBalance() => app.RunAsync(nameof(TheCoverageViewShowsAHeatmapGapsAndTheAssuranceBalance), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[2];
        var (icsId, _) = await SeededPeople.FirstIcsAsync(app);
        await t.SignInAsync(name, networkManager: true);
        await t.GoToAsync($"/coverage?ics={Uri.EscapeDataString(icsId)}");
        var page = t.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Expertise coverage");

        var heatmap = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("Coverage by place") });
        await Expect(heatmap).ToBeVisibleAsync();
        // One column per quality domain, a row per place, a number in every cell.
        await Expect(heatmap.GetByRole(AriaRole.Columnheader, new() { Name = "Systems thinking" })).ToBeVisibleAsync();
        var cells = heatmap.Locator("tbody td");
        Assert.True(await cells.CountAsync() >= 6, "The heatmap has fewer than one row of cells.");
        var texts = await cells.AllInnerTextsAsync();
        Assert.All(texts, text => Assert.Matches(@"\d", text));
        Assert.Contains(texts, text => Regex.IsMatch(text, @"[1-9]"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gaps", Exact = true })).ToBeVisibleAsync();
        var balance = page.Locator(".balance");
        await Expect(balance).ToBeVisibleAsync();
        await Expect(balance).ToHaveTextAsync(new Regex(@"\w{3,}.*\w{3,}"));
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(t.Page);
    });

    /// <summary>The graph's canvas shows something: Cytoscape drew nodes (waits while the layout runs).</summary>
    private static async Task AssertDrawnAsync(IPage page)
    {
        await Expect(page.Locator(".graph canvas").First).ToBeAttachedAsync();
        await page.WaitForFunctionAsync($"() => ({PaintedPixels})() > 500", null, new() { Timeout = 15_000 });
    }
}
