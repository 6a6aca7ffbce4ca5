using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>The network managers' pages as a board would meet them: readable graphs, figures that download as the page shows them.</summary>
public sealed class ManagersPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>
    /// Every label Cytoscape draws (a label set, not faded, on a visible node), as Cytoscape itself measures it on screen,
    /// and any two that overlap or any cut by the edge of the drawing.
    /// </summary>
    private const string DrawnLabels = """
        () => {
          const cy = document.querySelector('.graph').cytoscape;
          const labels = cy.nodes().filter((n) => n.visible() && n.style('label') && Number(n.style('text-opacity')) > 0 && Number(n.style('opacity')) > 0.5)
            .map((n) => ({ id: n.id(), text: n.style('label'), ...n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) }));
          const overlaps = [];
          for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
              const a = labels[i], b = labels[j];
              if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps.push(`${a.text} / ${b.text}`);
            }
          }
          const cut = labels.filter((l) => l.x1 < 0 || l.y1 < 0 || l.x2 > cy.width() || l.y2 > cy.height()).map((l) => l.text);
          const view = cy.extent();
          const inView = cy.nodes().filter((n) => n.data('label') && !n.hasClass('dashed') && n.position('x') >= view.x1 && n.position('x') <= view.x2
            && n.position('y') >= view.y1 && n.position('y') <= view.y2).map((n) => n.id());
          return JSON.stringify({ ids: labels.map((l) => l.id), overlaps, cut, inView });
        }
        """;

    /// <summary>The drawn labels' nodes, any overlapping or cut labels, and the nodes in view (named or not).</summary>
    private sealed record Labels(string[] Ids, string[] Overlaps, string[] Cut, string[] InView);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Waits until the labels were placed for the graph's current zoom, then reads them.</summary>
    private static async Task<Labels> LabelsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("""
            () => { const g = document.querySelector('.graph'); return g && g.cytoscape && g.dataset.labelsZoom === g.cytoscape.zoom().toFixed(4); }
            """, null, new() { Timeout = 15_000 });
        return JsonSerializer.Deserialize<Labels>(await page.EvaluateAsync<string>(DrawnLabels), Web)!;
    }

    private static void AssertReadable(Labels labels, string when)
    {
        Assert.True(labels.Overlaps.Length == 0, $"{when}: labels overlap: {string.Join("; ", labels.Overlaps)}");
        Assert.True(labels.Cut.Length == 0, $"{when}: labels cut by the edge: {string.Join("; ", labels.Cut)}");
    }

    [BrowserFact]
    public Task NoTwoLabelsOfAnIcsNetworkOverlapAndZoomingInNamesMorePeople() => app.RunAsync(nameof(NoTwoLabelsOfAnIcsNetworkOverlapAndZoomingInNamesMorePeople), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[4];
        var (icsId, icsName) = await SeededPeople.FirstIcsAsync(app);
        await t.SignInAsync(name, networkManager: true);
        await t.GoToAsync($"/network?ics={Uri.EscapeDataString(icsId)}");
        var page = t.Page;
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex($"^Collaboration network of {Regex.Escape(icsName)}") })).ToBeVisibleAsync();

        var whole = await LabelsAsync(page);
        AssertReadable(whole, "The whole ICS");
        await page.Locator(".network-layout").ScreenshotAsync(new() { Path = Screenshots.PathFor($"{t.Name}-graph") });
        Assert.True(whole.Ids.Length >= 3, $"Only {whole.Ids.Length} people are named in the whole ICS.");
        // The top broker is named.
        var topBroker = await page.GetByRole(AriaRole.Region, new() { Name = "Brokers" }).Locator("tbody tr th a").First.InnerTextAsync();
        Assert.Contains(topBroker, await page.EvaluateAsync<string[]>("(ids) => ids.map((id) => document.querySelector('.graph').cytoscape.getElementById(id).data('label'))", whole.Ids));
        // The legend says what size and colour mean; the mouse wording on a mouse screen.
        await Expect(page.Locator(".graph-legend-notes")).ToContainTextAsync("Circle size");
        await Expect(page.Locator(".graph-legend-notes")).ToContainTextAsync("Colour");
        await Expect(page.Locator(".result-count")).ToContainTextAsync("Double-click");

        // Keyboard focus on someone in the list names them in the graph (someone unnamed so far, well inside the drawing).
        var unnamed = await page.EvaluateAsync<string>("""
            (named) => {
              const cy = document.querySelector('.graph').cytoscape;
              const inside = cy.nodes().filter((n) => !named.includes(n.id()) && n.renderedPosition('x') > 150 && n.renderedPosition('x') < cy.width() - 150
                && n.renderedPosition('y') > 40 && n.renderedPosition('y') < cy.height() - 80);
              return inside.nonempty() ? inside[0].id() : '';
            }
            """, whole.Ids);
        Assert.NotEqual("", unnamed);
        await page.Locator($"[id='row-{unnamed}']").FocusAsync();
        var focused = await LabelsAsync(page);
        AssertReadable(focused, "With a list entry focused");
        Assert.Contains(unnamed, focused.Ids);
        await page.Locator($"[id='row-{unnamed}']").BlurAsync();

        // Zoomed in three times around that person: of the people still in view, more are named than were before.
        await page.EvaluateAsync("(id) => { const cy = document.querySelector('.graph').cytoscape; cy.zoom({ level: cy.zoom() * 3, renderedPosition: cy.getElementById(id).renderedPosition() }); }", unnamed);
        var closer = await LabelsAsync(page);
        AssertReadable(closer, "Zoomed in");
        var namedBefore = closer.InView.Intersect(whole.Ids).Count();
        Assert.True(closer.Ids.Length > namedBefore, $"Zooming in named {closer.Ids.Length} of the {closer.InView.Length} people in view; {namedBefore} of them were named before.");

        // Selecting someone from the table names them, still without overlaps.
        var row = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^People in the network") }).Locator("tbody tr th button").Nth(5);
        var chosen = await row.InnerTextAsync();
        await row.ClickAsync();
        var selected = await LabelsAsync(page);
        AssertReadable(selected, $"With {chosen} selected");
        Assert.Contains(chosen, await page.EvaluateAsync<string[]>("(ids) => ids.map((id) => document.querySelector('.graph').cytoscape.getElementById(id).data('label'))", selected.Ids));
        await t.ScreenshotAsync();

        // The picture downloads as a PNG, the brokers as CSV.
        var picture = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the graph (PNG)" }).ClickAsync());
        var png = await File.ReadAllBytesAsync((await picture.PathAsync())!);
        Assert.EndsWith(".png", picture.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.True(png.Length > 5_000, $"The PNG has only {png.Length} bytes.");
        var brokers = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Region, new() { Name = "Brokers" }).GetByRole(AriaRole.Button, new() { Name = "Download the brokers (CSV)" }).ClickAsync());
        var rows = Csv(await File.ReadAllBytesAsync((await brokers.PathAsync())!));
        Assert.Equal("Rank", rows[0][0]);
        Assert.Equal(topBroker, rows[1][1]);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    });

    [BrowserFact]
    public Task OnAPhoneTheNetworkSpeaksOfTappingItsLabelsStayApartAndWideTablesSayTheyScroll() => app.RunAsync(nameof(OnAPhoneTheNetworkSpeaksOfTappingItsLabelsStayApartAndWideTablesSayTheyScroll), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[5];
        var (icsId, _) = await SeededPeople.FirstIcsAsync(app);
        var phone = await t.NewUserAsync(phone: true);
        await t.SignInAsync(name, networkManager: true, page: phone);
        await t.GoToAsync($"/network?ics={Uri.EscapeDataString(icsId)}", phone);

        AssertReadable(await LabelsAsync(phone), "On a phone");
        await phone.Locator(".graph-wrap").ScreenshotAsync(new() { Path = Screenshots.PathFor($"{t.Name}-graph") });
        await Expect(phone.Locator(".result-count")).ToContainTextAsync("Double-tap");
        await Expect(phone.Locator("main")).Not.ToContainTextAsync("Double-click");
        await Expect(phone.Locator("main")).Not.ToContainTextAsync("Click a person");

        await t.GoToAsync($"/coverage?ics={Uri.EscapeDataString(icsId)}", phone);
        var heatmap = phone.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("Coverage by place") });
        await Expect(heatmap).ToBeAttachedAsync();
        // Six domains do not fit in 390px: the page says so above the table, and the table's region scrolls.
        var wrap = phone.Locator(".table-scroll-wrap").Filter(new() { Has = heatmap });
        await Expect(wrap.Locator(".scroll-cue")).ToBeVisibleAsync();
        await Expect(wrap.Locator(".scroll-cue")).ToContainTextAsync("Scroll sideways");
        await Expect(wrap).ToHaveClassAsync(new Regex("more-right"));
        await wrap.Locator(".table-scroll").EvaluateAsync("(region) => { region.scrollLeft = region.scrollWidth; }");
        await Expect(wrap).Not.ToHaveClassAsync(new Regex("more-right"));
        await t.ScreenshotAsync(phone, "coverage");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
    });

    [BrowserFact]
    public Task CoverageDownloadsAsCsvWithThePagesFiguresAndAsAPicture() => app.RunAsync(nameof(CoverageDownloadsAsCsvWithThePagesFiguresAndAsAPicture), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[6];
        var (icsId, _) = await SeededPeople.FirstIcsAsync(app);
        await t.SignInAsync(name, networkManager: true);
        await t.GoToAsync($"/coverage?ics={Uri.EscapeDataString(icsId)}");
        var page = t.Page;
        var heatmap = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("Coverage by place") });
        await Expect(heatmap).ToBeVisibleAsync();
        // The note says why the rows add up to more than the people, and the last row counts each person once.
        await Expect(page.Locator(".coverage-note")).ToContainTextAsync("one person can count in several rows");
        await Expect(heatmap.Locator("tfoot th")).ToHaveTextAsync("All places, each person once");
        await page.Locator("#heatmap-heading").Locator("xpath=..").ScreenshotAsync(new() { Path = Screenshots.PathFor($"{t.Name}-heatmap") });

        var file = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the heatmap (CSV)" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await file.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Csv(bytes);
        var header = rows[0];
        string Field(string[] row, string column) => row[Array.IndexOf(header, column)];

        // Every place row of the page, and its total, as the file has them: people and the experts per domain.
        var pageRows = await heatmap.Locator("tbody tr").AllAsync();
        Assert.NotEmpty(pageRows);
        foreach (var pageRow in pageRows.Append(heatmap.Locator("tfoot tr")))
        {
            var area = (await pageRow.Locator("th").InnerTextAsync()).Trim();
            var figures = await pageRow.Locator("td").AllAsync();
            var people = (await figures[0].InnerTextAsync()).Replace(",", "", StringComparison.Ordinal);
            var experts = new List<string>();
            foreach (var cell in figures.Skip(1))
            {
                experts.Add(Regex.Match(await cell.Locator(".primary").InnerTextAsync(), @"^[\d,]+").Value.Replace(",", "", StringComparison.Ordinal));
            }

            var line = rows.Single(r => Field(r, "Area") == area);
            Assert.Equal(people, Field(line, "People counted"));
            Assert.Equal(experts, header.Where(c => c.EndsWith(": experts", StringComparison.Ordinal)).Select(c => Field(line, c)));
        }

        var picture = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the heatmap (PNG)" }).ClickAsync());
        var png = await File.ReadAllBytesAsync((await picture.PathAsync())!);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.True(png.Length > 5_000, $"The PNG has only {png.Length} bytes.");
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    });

    [BrowserFact]
    public Task WithNoLinksOfYourOwnTheNetworkPageAsksWhomToStartFromAndOpensAManagersOwnIcs() => app.RunAsync(nameof(WithNoLinksOfYourOwnTheNetworkPageAsksWhomToStartFromAndOpensAManagersOwnIcs), async t =>
    {
        var loners = await SeededPeople.WithoutProjectsAsync(app);
        Assert.True(loners.Count >= 2, "The demo has fewer than two public people without projects.");
        var page = t.Page;
        await t.SignInAsync(loners[0].Name);
        await t.GoToAsync("/network");
        // Not "1 person, 0 links": a chooser.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where to start" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("You have not shared a project with anyone yet");
        await Expect(page.GetByLabel("Person at the centre")).ToBeVisibleAsync();
        await Expect(page.Locator(".graph")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A network manager lands on their own ICS's network, told why, with the choice of another.
        var manager = await t.NewUserAsync();
        await t.SignInAsync(loners[1].Name, networkManager: true, page: manager);
        await t.GoToAsync("/network", manager);
        await Expect(manager.GetByRole(AriaRole.Img, new() { NameRegex = new Regex($"^Collaboration network of {Regex.Escape(loners[1].IcsName)}") })).ToBeVisibleAsync();
        await Expect(manager.Locator(".result-count")).ToContainTextAsync("Here is the network of your Integrated Care System");
        await Expect(manager).ToHaveURLAsync(new Regex("[?&]ics="));
        await Expect(manager.GetByLabel("An Integrated Care System: its people")).ToBeCheckedAsync();
        await t.ScreenshotAsync(manager, "manager");
        await Accessibility.AssertNoSeriousViolationsAsync(manager);
    });

    [BrowserFact]
    public Task OnFirstStartInvitationOutcomesShowTheDemoHistoryAndDownloadWithThePagesCounts() => app.RunAsync(nameof(OnFirstStartInvitationOutcomesShowTheDemoHistoryAndDownloadWithThePagesCounts), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[7];
        var (icsId, _) = await SeededPeople.FirstIcsAsync(app);
        await t.SignInAsync(name, networkManager: true);
        await t.GoToAsync($"/invitations?ics={Uri.EscapeDataString(icsId)}");
        var page = t.Page;
        var counts = page.Locator("table.outcome-counts");
        await Expect(counts).ToBeVisibleAsync();
        var shown = new Dictionary<string, string>();
        foreach (var row in await counts.Locator("tbody tr").AllAsync())
        {
            shown[(await row.Locator("th").InnerTextAsync()).Trim()] = (await row.Locator("td").InnerTextAsync()).Trim();
        }

        // Nobody has sent anything since the service started, yet the demo's year of history shows.
        Assert.True(int.Parse(shown["Sent (all, whatever became of them)"], System.Globalization.CultureInfo.InvariantCulture) > 0, "No invitation history on first start.");
        await Expect(page.Locator("table.demand tbody tr").First).ToBeVisibleAsync();

        var file = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the outcomes (CSV)" }).ClickAsync());
        var rows = Csv(await File.ReadAllBytesAsync((await file.PathAsync())!)).Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(shown["Sent (all, whatever became of them)"], rows["Sent (all)"]);
        Assert.Equal(shown["Accepted"], rows["Accepted"]);
        Assert.Equal(shown["Declined"], rows["Declined"]);
        Assert.Equal(shown["Expired"], rows["Expired"]);
        Assert.Equal(shown["Led to a project"], rows["Led to a project"]);
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    });

    /// <summary>The file as a spreadsheet reads it (after the byte-order mark): rows of fields.</summary>
    private static List<string[]> Csv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        using var reader = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        reader.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!reader.EndOfData)
        {
            rows.Add(reader.ReadFields() ?? []);
        }

        return rows;
    }
}
