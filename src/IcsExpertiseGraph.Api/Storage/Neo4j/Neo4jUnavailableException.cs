using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>Neo4j could not be reached or refused our credentials: an operator's problem, reported in one clear line.</summary>
public sealed class Neo4jUnavailableException(string message, Exception? inner = null) : StoreUnavailableException(message, inner);
