namespace IcsExpertiseGraph.Api.Experts;

/// <summary>Where a result stands, before its score: the groups of a search's answer, in the order they are listed.</summary>
public enum SearchGroup
{
    /// <summary>The query is this person's name.</summary>
    Name,

    /// <summary>Holds at least one of the skills asked for (or a narrower one).</summary>
    Skills,

    /// <summary>Holds none of the skills asked for, but their name, headline or bio has the words.</summary>
    Words,

    /// <summary>Nothing was asked for: everyone the filter lets through, by the depth of their expertise.</summary>
    Everyone,
}
