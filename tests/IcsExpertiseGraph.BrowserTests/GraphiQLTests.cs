using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>GraphiQL at <c>/graphiql</c> (Development): it loads the schema, runs a query, and carries the pages' sign-in.</summary>
public sealed class GraphiQLTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [BrowserFact]
    public Task GraphiQLRunsAQueryReadsTheSchemaAndCarriesThePagesSignIn() => app.RunAsync(nameof(GraphiQLRunsAQueryReadsTheSchemaAndCarriesThePagesSignIn), async t =>
    {
        var graphiql = new Uri(app.Url, "/graphiql").ToString();
        await t.Page.GotoAsync(graphiql);
        await Expect(t.Page.Locator(".graphiql-banner")).ToContainTextAsync("Development only");
        await Expect(t.Page.Locator(".graphiql-banner")).ToContainTextAsync("\"Authorization\": \"Bearer <token>\"");

        // The default document, { __typename }, anonymous.
        await t.Page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
        await Expect(t.Page.Locator(".graphiql-response")).ToContainTextAsync("\"__typename\": \"Query\"");

        // The schema, read by introspection, in the documentation explorer.
        await t.Page.GetByRole(AriaRole.Button, new() { Name = "Show Documentation Explorer" }).ClickAsync();
        await t.Page.Locator(".graphiql-plugin").GetByRole(AriaRole.Link, new() { Name = "Query", Exact = true }).ClickAsync();
        await Expect(t.Page.Locator(".graphiql-plugin")).ToContainTextAsync("searchExperts");
        await t.ScreenshotAsync();

        // Its dialogs open under the same policy (no inline style or script is needed).
        await t.Page.GetByRole(AriaRole.Button, new() { Name = "Open settings dialog" }).ClickAsync();
        await Expect(t.Page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Settings");
        await t.Page.Keyboard.PressAsync("Escape");
        await Expect(t.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        // Signed in on the pages in this tab: GraphiQL asks as that person.
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[0];
        await t.SignInAsync(name);
        await t.Page.GotoAsync(graphiql);
        await Expect(t.Page.Locator(".graphiql-banner")).ToContainTextAsync($"Requests carry the sign-in of {name}");
        await t.Page.Locator(".graphiql-query-editor .CodeMirror").EvaluateAsync("(editor) => editor.CodeMirror.setValue('{ me { displayName } }')");
        await t.Page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
        await Expect(t.Page.Locator(".graphiql-response")).ToContainTextAsync($"\"displayName\": \"{name}\"");
        await t.ScreenshotAsync(suffix: "signed-in");

        // Someone else, signed in nowhere, pastes a token into Headers: GraphiQL asks as its person.
        var (otherId, otherName) = (await SeededPeople.LeanExpertsAsync(app))[1];
        var session = await app.QueryAsync($$"""mutation { developmentSignIn(personId: "{{otherId}}") { token } }""");
        var token = session.GetProperty("developmentSignIn").GetProperty("token").GetString();
        var other = await t.NewUserAsync();
        await other.GotoAsync(graphiql);
        await Expect(other.Locator(".graphiql-banner")).ToContainTextAsync("Or paste");
        await other.Locator(".graphiql-query-editor .CodeMirror").EvaluateAsync("(editor) => editor.CodeMirror.setValue('{ me { displayName } }')");
        await other.Locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror")
            .EvaluateAsync("(editor, token) => editor.CodeMirror.setValue(JSON.stringify({ Authorization: 'Bearer ' + token }))", token);
        await other.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
        await Expect(other.Locator(".graphiql-response")).ToContainTextAsync($"\"displayName\": \"{otherName}\"");
    });
}
