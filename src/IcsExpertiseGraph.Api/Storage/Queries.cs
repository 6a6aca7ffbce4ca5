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

    /// <summary>Lower-case words each of which the title or the host organisation's name must contain (a project picker's search).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];
}

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

/// <summary>A holding as the ranker sees it: the claim, what backs it, and who vouches for it.</summary>
public sealed record CandidateSkill(
    Guid SkillId,
    SkillLevel Level,
    SkillEvidence? Evidence,
    bool Verified,
    int Endorsements,
    int ProjectEvidence)
{
    /// <summary>
    /// How strong the claim is, to pick a person's best holding of a concept: level first, then verification,
    /// evidence, project use and endorsements. Worked out once, as rankers compare holdings many times.
    /// </summary>
    public double Strength { get; } = ((int)Level * 10) + (Verified ? 3 : 0)
        + (Evidence switch { SkillEvidence.Credential or SkillEvidence.Publication => 2.0, SkillEvidence.Project => 1.4, SkillEvidence.Training => 0.8, _ => 0 })
        + (Math.Min(ProjectEvidence, 3) * 0.2) + (Math.Min(Endorsements, 8) * 0.1);
}

/// <summary>
/// A person who matched, with everything the ranker scores and the facets count: all their holdings and
/// their current employers. TextRelevance is 0..1 (0 when the text did not match or there was no text);
/// the raw scores of the store and of the in-memory index differ, so each squashes its own.
/// </summary>
public sealed record ExpertCandidate(
    Guid PersonId,
    double TextRelevance,
    IReadOnlyList<CandidateSkill> Skills,
    IReadOnlyList<Guid> CurrentOrganisationIds,
    DateTimeOffset? LastConfirmedAt,
    AvailabilityStatus Availability,
    bool OpenToCrossOrganisation);

/// <summary>
/// Everything the in-memory search index is built from, read in one transaction so it is consistent
/// with <see cref="Sequence"/>.
/// </summary>
public sealed record SearchSource(
    long Sequence,
    IReadOnlyList<SearchSource.PersonRow> People,
    IReadOnlyList<SearchSource.HoldingRow> Holdings,
    IReadOnlyList<(Guid PersonId, Guid OrganisationId)> CurrentEmployments,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<(Guid OrganisationId, Guid PlaceId)> OrganisationPlaces)
{
    public sealed record PersonRow(
        Guid Id, string DisplayName, string? Headline, string? Bio, Visibility Visibility,
        AvailabilityStatus Availability, bool OpenToCrossOrganisation, DateTimeOffset? LastConfirmedAt);

    public sealed record HoldingRow(Guid PersonId, CandidateSkill Skill);
}

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
    IReadOnlyList<Endorsement> Endorsements,
    IReadOnlyList<Invitation>? Invitations = null)
{
    /// <summary>Invitations to design work with their outcomes (the demo's history); none when the snapshot has no such list.</summary>
    public IReadOnlyList<Invitation> InvitationHistory => Invitations ?? [];

    public long RelationshipCount =>
        Places.Count + Organisations.Count(o => o.IntegratedCareSystemId is not null) + OrganisationPlaces.Count
        + Skills.Count(s => s.BroaderId is not null) + Employments.Count + PersonSkills.Count
        + Projects.Count(p => p.HostOrganisationId is not null) + ProjectMethods.Count + Contributions.Count + Endorsements.Count;
}

public sealed record ImportProgress(string Stage, long Done, long Total);

/// <summary>Everything the collaboration graph is built from, read in one transaction (consistent with <see cref="Sequence"/>).</summary>
public sealed record CollaborationSource(
    long Sequence,
    IReadOnlyList<(Guid Id, Visibility Visibility)> People,
    IReadOnlyList<(Guid Id, Guid? IntegratedCareSystemId)> Organisations,
    IReadOnlyList<(Guid PersonId, Guid OrganisationId)> PrimaryEmployments,
    IReadOnlyList<(Guid Id, DateOnly? LastActive)> Projects,
    IReadOnlyList<(Guid PersonId, Guid ProjectId)> Contributions);
