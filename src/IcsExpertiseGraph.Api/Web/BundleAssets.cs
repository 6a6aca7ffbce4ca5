using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace IcsExpertiseGraph.Api.Web;

/// <summary>
/// The bundle's hashed assets, without its pages: an HTML file served as a static file would be cached for a year and
/// miss the page's security headers, so only the pages' endpoints (<c>/</c>, <c>/graphiql</c>) serve them. Source maps
/// only where asked for; GraphiQL's assets (<c>graphiql/</c>) only where GraphiQL is on.
/// </summary>
internal sealed class BundleAssets(PhysicalFileProvider files, bool serveSourceMaps, bool serveGraphiQL) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath) =>
        subpath.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || (!serveSourceMaps && subpath.EndsWith(".map", StringComparison.OrdinalIgnoreCase))
        || (!serveGraphiQL && subpath.TrimStart('/').StartsWith(GraphiQLExtensions.AssetFolder + "/", StringComparison.OrdinalIgnoreCase))
            ? new NotFoundFileInfo(subpath)
            : files.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public Microsoft.Extensions.Primitives.IChangeToken Watch(string filter) => files.Watch(filter);
}
