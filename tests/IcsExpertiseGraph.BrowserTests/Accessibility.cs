using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>
/// The axe-core accessibility engine (shipped inside the Deque.AxeCore.Commons NuGet package, injected into the page
/// by Playwright, so the page's CSP does not apply) run over the page as it is now: serious and critical violations
/// fail the test, each listed with the elements at fault. Axe's "minor" and "moderate" findings are not judged here.
/// </summary>
public static class Accessibility
{
    private static readonly string[] Judged = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => Judged.Contains(v.Impact)).ToList();
        Assert.True(serious.Count == 0, $"axe found {serious.Count} serious or critical accessibility violation(s) on {page.Url}:\n" +
            string.Join('\n', serious.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help}; at {string.Join(", ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html}"))}")));
    }
}
