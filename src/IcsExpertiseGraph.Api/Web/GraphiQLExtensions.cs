using System.Security.Cryptography;

namespace IcsExpertiseGraph.Api.Web;

/// <summary>
/// GraphiQL at <c>/graphiql</c>, in Development only, so API consumers can explore the schema (introspection is on in
/// Development too). Built from the <c>graphiql</c> npm package with the pages (Web/ui/build-graphiql.mjs, into
/// <c>webui/graphiql/</c>) and served like them: a page never cached, hashed assets, no inline script. Elsewhere
/// neither the page nor its assets exist: <c>/graphiql</c> is a 404 like any unknown address.
/// </summary>
public static class GraphiQLExtensions
{
    /// <summary>Where GraphiQL's page and assets sit in the bundle, and the page's address.</summary>
    public const string AssetFolder = "graphiql";

    private const string NoncePlaceholder = "%CSP_NONCE%";

    internal static bool IsOn(IHostEnvironment environment) => environment.IsDevelopment();

    public static WebApplication MapGraphiQL(this WebApplication app)
    {
        if (!IsOn(app.Environment))
        {
            return app;
        }

        var page = Path.Combine(WebUiExtensions.BundleRoot(app.Configuration), AssetFolder, "index.html");
        app.MapMethods("/" + AssetFolder, [HttpMethods.Get, HttpMethods.Head], async context =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var html = File.Exists(page) ? (await File.ReadAllTextAsync(page, context.RequestAborted)).Replace(NoncePlaceholder, nonce, StringComparison.Ordinal) : NotBuiltPage;
            await WebUiExtensions.WritePageAsync(context, html, ContentSecurityPolicy(nonce));
        });
        return app;
    }

    /// <summary>
    /// The pages' discipline (scripts from this origin only, no <c>'unsafe-eval'</c>, no inline script, this origin
    /// only to talk to) with two differences GraphiQL needs, on this page only: its stylesheet carries its fonts as
    /// <c>data:</c> URLs, so <c>font-src</c> allows <c>data:</c> (fonts, never scripts); and its dialogs lock
    /// scrolling with a <c>&lt;style&gt;</c> element of their own, allowed by this response's nonce alone (the page
    /// hands it to GraphiQL), not by <c>'unsafe-inline'</c>.
    /// </summary>
    internal static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en-GB"><head><meta charset="utf-8"><title>GraphiQL is not built</title></head>
        <body>
        <h1>GraphiQL is not built</h1>
        <p>This service was built without its web bundle (Node.js was missing, or the npm registry could not be reached).
        The GraphQL API works as usual at <a href="/graphql">/graphql</a>.</p>
        <p>To get GraphiQL: install Node.js 20 or later (with npm), then build again: <code>dotnet build src/IcsExpertiseGraph.Api</code>.</p>
        </body></html>
        """;
}
