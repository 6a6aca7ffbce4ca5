using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>The development sign-in, a person's page as a signed-in member sees it, and editing My profile.</summary>
public sealed class SignInAndProfileTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [BrowserFact]
    public Task TheDevelopmentSignInSignsInAsASeededPerson() => app.RunAsync(nameof(TheDevelopmentSignInSignsInAsASeededPerson), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[0];
        await t.GoToAsync("/sign-in");
        await Expect(t.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await Expect(t.Page.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Signed in as");

        await t.SignInAsync(name);
        await Expect(t.Page.GetByRole(AriaRole.Banner)).ToContainTextAsync($"Signed in as {name}");
        await Expect(t.Page.GetByRole(AriaRole.Banner).GetByText("development", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(t.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task ATokenTheServiceNoLongerAcceptsEndsTheSession() => app.RunAsync(nameof(ATokenTheServiceNoLongerAcceptsEndsTheSession), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[0];
        await t.SignInAsync(name);
        // As after a key change or a revoked token: the same session, its token's signature no longer valid.
        await t.Page.EvaluateAsync(@"() => {
            const key = 'ics-expertise-graph.session';
            const session = JSON.parse(sessionStorage.getItem(key));
            session.token = session.token.slice(0, -4) + (session.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
            sessionStorage.setItem(key, JSON.stringify(session));
        }");

        await t.GoToAsync("/me");
        await t.Page.ReloadAsync(); // the sign-in already landed on #/me: load it afresh with the spoilt token

        await Expect(t.Page.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Signed in as");
        await Expect(t.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task ASignedInMemberSeesAPersonsPageWithSimilarExpertsAndHowTheyAreConnected() => app.RunAsync(nameof(ASignedInMemberSeesAPersonsPageWithSimilarExpertsAndHowTheyAreConnected), async t =>
    {
        var people = await SeededPeople.LeanExpertsAsync(app);
        await t.SignInAsync(people[1].Name);
        await t.GoToAsync($"/person/{Uri.EscapeDataString(people[0].Id)}");

        var page = t.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(people[0].Name);
        foreach (var section in new[] { "Skills", "Organisations", "Projects", "Similar experts", "How am I connected?" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = section, Exact = true })).ToBeVisibleAsync();
        }

        // Similar experts are people, each a link to their own page.
        var similar = page.GetByRole(AriaRole.Region, new() { Name = "Similar experts" }).GetByRole(AriaRole.Link);
        await Expect(similar.First).ToHaveAttributeAsync("href", new Regex("^#/person/"));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "How am I connected?" })).Not.ToContainTextAsync("Loading");
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    });

    [BrowserFact]
    public Task ANewHeadlineSavedOnMyProfileIsThereAfterAReload() => app.RunAsync(nameof(ANewHeadlineSavedOnMyProfileIsThereAfterAReload), async t =>
    {
        var (id, name) = (await SeededPeople.LeanExpertsAsync(app))[2];
        await t.SignInAsync(name);
        await t.GoToAsync("/me");
        var page = t.Page;
        var headline = page.GetByLabel("Headline", new() { Exact = true });
        await Expect(headline).ToBeEditableAsync();
        var changed = $"Improvement coach, checked by the browser tests ({Guid.NewGuid().ToString("N")[..6]})";
        await headline.FillAsync(changed);
        await SaveAsync(page);
        await Expect(page.Locator(".field-error")).ToHaveCountAsync(0);
        await t.ScreenshotAsync(suffix: "saved");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Headline", new() { Exact = true })).ToHaveValueAsync(changed);
        await t.ScreenshotAsync();
        // And others see it on the person page.
        await t.GoToAsync($"/person/{Uri.EscapeDataString(id)}");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(changed);
    });

    [BrowserFact]
    public Task AProfileChangedElsewhereIsExplainedAndWhatWasTypedIsKept() => app.RunAsync(nameof(AProfileChangedElsewhereIsExplainedAndWhatWasTypedIsKept), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[5];
        await t.SignInAsync(name);
        await t.GoToAsync("/me");
        var page = t.Page;
        var bio = page.GetByLabel("Bio", new() { Exact = true });
        await Expect(bio).ToBeEditableAsync();

        // Meanwhile, in another tab: the same person changes their headline (same token, straight to the API).
        var elsewhere = await page.EvaluateAsync<string>(@"async () => {
            const session = JSON.parse(sessionStorage.getItem('ics-expertise-graph.session'));
            const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + session.token },
              body: JSON.stringify({ query: 'mutation { updateMyProfile(input: { headline: ""Changed in another tab"" }) { version } }' }) });
            return JSON.stringify(await response.json());
        }");
        Assert.DoesNotContain("errors", elsewhere, StringComparison.Ordinal);
        const string typed = "Typed here before saving, and not to be lost.";
        await bio.FillAsync(typed);
        await SaveAsync(page);

        await Expect(page.GetByText("Your profile was changed elsewhere since you opened this page", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(bio).ToHaveValueAsync(typed);
        await t.ScreenshotAsync(suffix: "conflict");

        // Loading the current version lists the user's own change and puts it back, over what changed elsewhere.
        await page.GetByRole(AriaRole.Button, new() { Name = "Load the current version" }).ClickAsync();
        await Expect(page.GetByLabel("Headline", new() { Exact = true })).ToHaveValueAsync("Changed in another tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Put my changes back into the form" }).ClickAsync();
        await Expect(bio).ToHaveValueAsync(typed);
        await SaveAsync(page);
        await Expect(page.Locator(".field-error")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Bio", new() { Exact = true })).ToHaveValueAsync(typed);
        await Expect(page.GetByLabel("Headline", new() { Exact = true })).ToHaveValueAsync("Changed in another tab");
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task ADisplayNameOver120CharactersShowsAnErrorBesideTheFieldAndSavesNothing() => app.RunAsync(nameof(ADisplayNameOver120CharactersShowsAnErrorBesideTheFieldAndSavesNothing), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[3];
        await t.SignInAsync(name);
        await t.GoToAsync("/me");
        var page = t.Page;
        var displayName = page.GetByLabel("Display name", new() { Exact = true });
        await Expect(displayName).ToHaveValueAsync(name);
        await displayName.FillAsync(new string('A', 121));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        // The message sits in the Display name field's own block and names the limit.
        var field = displayName.Locator("xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]");
        var error = field.Locator(".field-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("120");
        await Expect(displayName).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(displayName).ToHaveAccessibleDescriptionAsync(new Regex("120"));
        await Expect(page.GetByText("There is a problem")).ToBeVisibleAsync();
        await t.ScreenshotAsync();

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Display name", new() { Exact = true })).ToHaveValueAsync(name);
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync($"Signed in as {name}");
    });

    [BrowserFact]
    public Task MyProfileHasNoSeriousAccessibilityViolations() => app.RunAsync(nameof(MyProfileHasNoSeriousAccessibilityViolations), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[4];
        await t.SignInAsync(name);
        await t.GoToAsync("/me");
        await Expect(t.Page.GetByRole(AriaRole.Button, new() { Name = "Save profile" })).ToBeVisibleAsync();
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(t.Page);
    });

    /// <summary>Presses "Save profile" and waits for the service's answer to the update.</summary>
    private static async Task SaveAsync(IPage page)
    {
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync(),
            response => response.Url.EndsWith("/graphql", StringComparison.Ordinal) && (response.Request.PostData ?? string.Empty).Contains("updateMyProfile", StringComparison.Ordinal));
    }
}
