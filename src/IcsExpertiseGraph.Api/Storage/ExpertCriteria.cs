using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// What a search asks of the store. Terms are normalised words (each adapter turns them into its own
/// full-text syntax). A person is a candidate when their text matches a term or they hold one of the
/// ConceptSkillIds (the skills the query names, with narrower ones); with neither, everyone is. Filter lists
/// are OR within a facet and AND across facets.
/// </summary>
public sealed record ExpertCriteria(
    IReadOnlyList<string> Terms,
    IReadOnlyCollection<Guid> ConceptSkillIds,
    IReadOnlyList<Guid> SkillIds,
    SkillLevel? MinLevel,
    IReadOnlyList<QualityDomain> Domains,
    IReadOnlyList<Guid> IntegratedCareSystemIds,
    IReadOnlyList<Guid> PlaceIds,
    IReadOnlyList<OrganisationType> OrganisationTypes,
    bool AvailableOnly,
    bool? OpenToCrossOrganisation)
{
    /// <summary>The typed words of each skill name the query used: text matches one only when it holds all its words.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Phrases { get; init; } = [];

    /// <summary>Every word of the query, to find someone by their name (the in-memory index puts them first).</summary>
    public IReadOnlyList<string> NameWords { get; init; } = [];

    public bool MatchesEveryone => Terms.Count == 0 && Phrases.Count == 0 && ConceptSkillIds.Count == 0;
}

