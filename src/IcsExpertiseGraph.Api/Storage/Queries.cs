using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

public sealed record OrganisationFilter(
    IReadOnlyList<Guid> IntegratedCareSystemIds,
    IReadOnlyList<OrganisationType> Types,
    string? NameContains)
{
    public static OrganisationFilter None { get; } = new([], [], null);
}

public sealed record ProjectFilter(
    IReadOnlyList<ProjectStatus> Statuses,
    IReadOnlyList<Guid> HostOrganisationIds,
    IReadOnlyList<Guid> MethodSkillIds)
{
    public static ProjectFilter None { get; } = new([], [], []);
}

/// <summary>
/// What a search asks of the store. Terms are normalised words (each adapter turns them into its own
/// full-text syntax); lists are OR within a facet and AND across facets. RelevantSkillIds are the skills
/// whose holdings the ranker needs back for each candidate.
/// </summary>
public sealed record ExpertCriteria(
    IReadOnlyList<string> Terms,
    IReadOnlyList<Guid> SkillIds,
    SkillLevel? MinLevel,
    IReadOnlyList<QualityDomain> Domains,
    IReadOnlyList<Guid> IntegratedCareSystemIds,
    IReadOnlyList<Guid> PlaceIds,
    IReadOnlyList<OrganisationType> OrganisationTypes,
    bool AvailableOnly,
    bool? OpenToCrossOrganisation,
    IReadOnlyCollection<Guid> RelevantSkillIds);

public sealed record CandidateSkill(Guid SkillId, SkillLevel Level, bool Verified);

/// <summary>TextRank is higher for better text matches (0 when the search had no text).</summary>
public sealed record ExpertCandidate(Guid PersonId, double TextRank, IReadOnlyList<CandidateSkill> RelevantSkills);

/// <summary>A whole graph to import; order within each list is preserved.</summary>
public sealed record NetworkSnapshot(
    IReadOnlyList<IntegratedCareSystem> IntegratedCareSystems,
    IReadOnlyList<Place> Places,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<(Guid OrganisationId, Guid PlaceId)> OrganisationPlaces,
    IReadOnlyList<Skill> Skills,
    IReadOnlyList<Person> People,
    IReadOnlyList<Employment> Employments,
    IReadOnlyList<PersonSkill> PersonSkills,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<(Guid ProjectId, Guid SkillId)> ProjectMethods,
    IReadOnlyList<Contribution> Contributions,
    IReadOnlyList<Endorsement> Endorsements)
{
    public long RelationshipCount =>
        Places.Count + Organisations.Count(o => o.IntegratedCareSystemId is not null) + OrganisationPlaces.Count
        + Skills.Count(s => s.BroaderId is not null) + Employments.Count + PersonSkills.Count
        + Projects.Count(p => p.HostOrganisationId is not null) + ProjectMethods.Count + Contributions.Count + Endorsements.Count;
}

public sealed record ImportProgress(string Stage, long Done, long Total);
