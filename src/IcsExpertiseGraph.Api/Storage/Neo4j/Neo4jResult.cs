using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The rows of one statement: field names, and one array of values per row.</summary>
public sealed record Neo4jResult(IReadOnlyList<string> Fields, IReadOnlyList<JsonElement[]> Rows);
