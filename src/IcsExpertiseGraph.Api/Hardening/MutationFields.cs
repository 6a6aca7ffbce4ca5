using GraphQLParser.AST;

namespace IcsExpertiseGraph.Api.Hardening;

/// <summary>
/// The root fields of a mutation: each is one write (one transaction, one audit row), however it is spelled.
/// Aliases make one request carry many (15 aliased <c>setMySkill</c> fields are 15 writes); fragments, spread or
/// inline, at the root carry them too, so they are followed. Counted on the parsed document before validation, so a
/// fragment that does not exist or spreads itself counts what it can and stops: validation refuses it anyway.
/// </summary>
internal static class MutationFields
{
    /// <summary>
    /// The response keys (alias, else name) of the operation's root fields, in document order, each once: fields sharing
    /// a key are merged into one execution. <c>__typename</c> writes nothing and is left out.
    /// </summary>
    public static IReadOnlyList<string> Of(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var keys = new List<string>();
        Collect(operation.SelectionSet, fragments, new HashSet<string>(StringComparer.Ordinal), keys);
        return [.. keys.Distinct(StringComparer.Ordinal)];
    }

    private static void Collect(GraphQLSelectionSet? selections, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> entered, List<string> keys)
    {
        foreach (var selection in selections?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field when field.Name.StringValue != "__typename":
                    keys.Add((field.Alias?.Name ?? field.Name).StringValue);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, fragments, entered, keys);
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                                                       && entered.Add(fragment.FragmentName.Name.StringValue):
                    Collect(fragment.SelectionSet, fragments, entered, keys);
                    entered.Remove(fragment.FragmentName.Name.StringValue);
                    break;
            }
        }
    }
}
