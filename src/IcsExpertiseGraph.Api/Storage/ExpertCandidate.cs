using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

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
