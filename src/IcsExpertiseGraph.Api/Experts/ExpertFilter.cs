using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>What a caller asked for in <c>searchExperts</c>, ids already decoded.</summary>
public sealed record ExpertFilter(
    IReadOnlyList<Guid> SkillIds,
    SkillLevel? MinLevel,
    IReadOnlyList<QualityDomain> Domains,
    IReadOnlyList<Guid> IntegratedCareSystemIds,
    IReadOnlyList<Guid> PlaceIds,
    IReadOnlyList<OrganisationType> OrganisationTypes,
    bool AvailableOnly,
    bool? OpenToCrossOrganisation)
{
    public static ExpertFilter None { get; } = new([], null, [], [], [], [], false, null);
}
