using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>An error Neo4j reported, with its status code (e.g. Neo.ClientError.Schema.ConstraintValidationFailed).</summary>
public sealed class Neo4jException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;

    /// <summary>
    /// Neo4j says retrying the same work may succeed (deadlocks, leader switches). Running out of transaction memory is
    /// "transient" to Neo4j too, but the same work would only run out again: that is not retried.
    /// </summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) && !Code.Contains("OutOfMemory", StringComparison.Ordinal);
}
