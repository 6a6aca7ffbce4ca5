using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace IcsExpertiseGraph.Api.Web;

/// <summary>
/// Serves the browser front end built by the project's own build (Web/ui, bundled into <c>webui/</c> beside the
/// service). The pages use the GraphQL API and nothing else. Without a bundle (Node.js was missing at build time)
/// <c>/</c> says how to build it, and the API works as before.
/// </summary>
public static class WebUiExtensions
{
    public const string Section = "WebUi";

    // Cytoscape.js adds this one rule to the page's head itself; its hash lets the CSP allow exactly that and no other inline style.
    private const string CytoscapeContainerStyle = ".__________cytoscape_container { position: relative; }";

    public static IServiceCollection AddWebUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebUiOptions>(configuration.GetSection(Section));
        // Scripts and styles only (see UseWebUiAssets): nothing secret in them, so compressing them cannot leak a secret
        // the way a compressed answer holding a token beside text an attacker chose could (BREACH).
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/javascript", "application/javascript", "text/css"];
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        return services;
    }

    /// <summary>
    /// The bundle's scripts and styles, served first in the pipeline: static, public and cheap, they neither need a
    /// caller nor count against anyone's request budget.
    /// </summary>
    public static WebApplication UseWebUiAssets(this WebApplication app)
    {
        var root = BundleRoot(app.Configuration);
        if (Directory.Exists(root))
        {
            app.UseWhen(context => IsAsset(context.Request.Path), assets => assets.UseResponseCompression());
            // Every bundle file but the pages (*.html, never served from here) has its content hash in its name, so browsers may keep it for a year.
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new BundleAssets(new PhysicalFileProvider(root), ServesSourceMaps(app), GraphiQLExtensions.IsOn(app.Environment)),
                OnPrepareResponse = file =>
                {
                    file.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                    file.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                },
            });
        }

        return app;
    }

    /// <summary>The page itself, at <c>/</c>, never cached, under the content security policy.</summary>
    public static WebApplication MapWebUi(this WebApplication app)
    {
        var index = Path.Combine(BundleRoot(app.Configuration), "index.html");
        var policy = ContentSecurityPolicy(app.Configuration);

        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], async context =>
        {
            SetPageHeaders(context.Response, policy);
            context.Response.ContentType = "text/html; charset=utf-8";
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            if (File.Exists(index))
            {
                await context.Response.SendFileAsync(index, context.RequestAborted);
            }
            else
            {
                await context.Response.WriteAsync(NotBuiltPage, context.RequestAborted);
            }
        });

        // The page has one address, /, with its own headers; /index.html leads there.
        app.MapMethods("/index.html", [HttpMethods.Get, HttpMethods.Head], context =>
        {
            context.Response.Redirect("/");
            return Task.CompletedTask;
        });

        return app;
    }

    private static bool IsAsset(PathString path) =>
        path.Value is { } value && (value.EndsWith(".js", StringComparison.Ordinal) || value.EndsWith(".css", StringComparison.Ordinal));

    /// <summary>Source maps (<c>*.map</c>) give away the pages' unminified sources: served in Development only, unless <c>WebUi:ServeSourceMaps</c> says otherwise.</summary>
    private static bool ServesSourceMaps(WebApplication app) =>
        app.Configuration.GetSection(Section).Get<WebUiOptions>()?.ServeSourceMaps ?? app.Environment.IsDevelopment();

    /// <summary>A page, never cached, under its content security policy (GraphiQL's page is made per response, for its nonce).</summary>
    internal static async Task WritePageAsync(HttpContext context, string html, string policy)
    {
        SetPageHeaders(context.Response, policy);
        context.Response.ContentType = "text/html; charset=utf-8";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(html, context.RequestAborted);
        }
    }

    internal static string BundleRoot(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<WebUiOptions>() ?? new WebUiOptions();
        return Path.GetFullPath(options.Path is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "webui"));
    }

    private static void SetPageHeaders(HttpResponse response, string policy)
    {
        response.Headers[HeaderNames.CacheControl] = "no-cache";
        response.Headers[HeaderNames.ContentSecurityPolicy] = policy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers[HeaderNames.XFrameOptions] = "DENY";
    }

    /// <summary>
    /// Scripts and styles from this origin only; the page talks to this origin only, plus the Entra ID authority
    /// when it is configured (sign-in pop-up and token renewal).
    /// </summary>
    internal static string ContentSecurityPolicy(IConfiguration configuration)
    {
        var styleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(CytoscapeContainerStyle)));
        var authority = string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"])
            ? string.Empty
            : " " + new Uri(configuration["AzureAd:Instance"] is { Length: > 0 } instance ? instance : "https://login.microsoftonline.com/").GetLeftPart(UriPartial.Authority);
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'sha256-{styleHash}'; img-src 'self' data: blob:; " +
            $"connect-src 'self'{authority}; frame-src 'self'{authority}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en-GB"><head><meta charset="utf-8"><title>ICS Expertise Graph: the web UI is not built</title></head>
        <body>
        <h1>The web UI is not built</h1>
        <p>This service was built without Node.js, so its pages were not bundled. The GraphQL API works as usual at
        <a href="/graphql">/graphql</a>.</p>
        <p>To get the pages: install Node.js 20 or later (with npm), then build again from the repository root:</p>
        <pre>dotnet build src/IcsExpertiseGraph.Api</pre>
        <p>The build restores the UI's packages from the npm registry and bundles them (or run <code>npm ci &amp;&amp; npm run build</code>
        in <code>src/IcsExpertiseGraph.Api/Web/ui</code>, then build the service).</p>
        </body></html>
        """;
}

