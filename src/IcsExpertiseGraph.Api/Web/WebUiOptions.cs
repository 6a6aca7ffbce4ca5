using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace IcsExpertiseGraph.Api.Web;

/// <summary><c>WebUi:Path</c>: where the bundle is (default: <c>webui/</c> beside the service); <c>WebUi:ServeSourceMaps</c>.</summary>
public sealed class WebUiOptions
{
    public string? Path { get; set; }

    /// <summary>Serve the bundle's source maps; unset: in Development only.</summary>
    public bool? ServeSourceMaps { get; set; }
}
