using IcsExpertiseGraph.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>The service with its local issuer but the development sign-in off, as a shared test environment runs.</summary>
public sealed class NoDevelopmentSignInFixture() : WebAppFixture(new Dictionary<string, string> { ["Auth:DevelopmentSignIn"] = "false" });

/// <summary>
/// Without the development sign-in, nobody can be anyone: the sign-in page takes a token an administrator issued
/// with the <c>token</c> verb, checks it with the service, and refuses one the service does not accept.
/// </summary>
public sealed class TokenSignInTests(NoDevelopmentSignInFixture app) : IClassFixture<NoDevelopmentSignInFixture>
{
    [BrowserFact]
    public Task ATokenFromTheTokenVerbSignsInAndAForgedOneIsRefused() => app.RunAsync(nameof(ATokenFromTheTokenVerbSignsInAndAForgedOneIsRefused), async t =>
    {
        var (id, name) = (await SeededPeople.LeanExpertsAsync(app))[0];
        var token = (await ServiceProcess.RunVerbAsync(["token", "--person", id], app.Settings)).Trim().Split('\n')[^1].Trim();
        await t.GoToAsync("/sign-in");
        await Expect(t.Page.GetByLabel("Find a seeded person")).ToHaveCountAsync(0);
        var field = t.Page.GetByLabel("Your sign-in token");

        await field.FillAsync(token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        await t.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with this token" }).ClickAsync();
        await Expect(t.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Signing in did not work");
        await Expect(t.Page.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Signed in as");

        await field.FillAsync(token);
        await t.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with this token" }).ClickAsync();
        await Expect(t.Page.GetByRole(AriaRole.Banner)).ToContainTextAsync($"Signed in as {name}");
        await Expect(t.Page.GetByRole(AriaRole.Banner).GetByText("development", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(t.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My profile");
        await t.ScreenshotAsync();
    });

    [BrowserFact]
    public Task ASignInWithoutAProfileGetsAPrivateOneOnlyWhenItAsks() => app.RunAsync(nameof(ASignInWithoutAProfileGetsAPrivateOneOnlyWhenItAsks), async t =>
    {
        // Someone the directory has never seen (as after deleting their profile): a valid token, no profile.
        var key = Path.Combine(Path.GetDirectoryName(app.Settings["Storage:Sqlite:Path"])!, "local-issuer.key");
        var token = new Api.Auth.LocalIssuer(key, TimeSpan.FromHours(1)).Issue("browser-newcomer", "bea.newcomer@nhs.net", "Bea Newcomer", [], DateTimeOffset.UtcNow);
        await t.GoToAsync("/sign-in");
        await t.Page.GetByLabel("Your sign-in token").FillAsync(token);
        await t.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with this token" }).ClickAsync();

        await Expect(t.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My profile");
        await Expect(t.Page.GetByRole(AriaRole.Heading, new() { Name = "You have no profile yet" })).ToBeVisibleAsync();
        await Expect(t.Page.GetByLabel("Display name")).ToHaveCountAsync(0);
        await t.Page.GetByRole(AriaRole.Button, new() { Name = "Create my profile" }).ClickAsync();

        await Expect(t.Page.GetByLabel("Display name")).ToHaveValueAsync("Bea Newcomer");
        await Expect(t.Page.GetByLabel("Private: only you and administrators")).ToBeCheckedAsync();
        await t.ScreenshotAsync();
    });
}
