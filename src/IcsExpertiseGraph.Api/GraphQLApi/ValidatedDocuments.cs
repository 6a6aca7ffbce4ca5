using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>
/// Documents that parsed, kept within the shape limits and validated once, by their exact text. The pages send a handful
/// of fixed documents with different variables, so the same text comes back on almost every request; it is then neither
/// parsed nor put through the rules that depend on the document alone. What depends on the request still runs every time:
/// the variables' coercion, the cost analysis (which reads their values), introspection's switch and the mutation budget.
/// No answer is ever kept here. Bounded: when full it starts again empty, so a flood of distinct documents costs the
/// flooder their own parsing and nobody else more than a refill.
/// </summary>
public sealed class ValidatedDocuments
{
    /// <summary>Documents kept at most.</summary>
    public const int Capacity = 1_000;

    /// <summary>Longer texts are never kept (the pages' documents are a few hundred characters).</summary>
    public const int MaxLength = 16 * 1024;

    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);

    public int Count => documents.Count;

    /// <summary>The document this text parsed to when it last validated, if it did.</summary>
    public GraphQLDocument? Find(string? query) => query is null ? null : documents.GetValueOrDefault(query);

    /// <summary>Keeps a document that has just validated (execution began).</summary>
    public void Remember(string query, GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(document);
        if (query.Length > MaxLength)
        {
            return;
        }

        if (documents.Count >= Capacity)
        {
            documents.Clear();
        }

        documents.TryAdd(query, document);
    }
}
