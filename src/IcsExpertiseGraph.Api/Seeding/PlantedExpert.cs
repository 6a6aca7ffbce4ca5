using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Seeding;

/// <summary>
/// A person with a known profile, planted into a generated network so that relevance can be measured
/// against people whose expertise is known exactly. Skills are given by skill key (seed/skills.csv).
/// </summary>
public sealed record PlantedExpert(
    string DisplayName,
    IReadOnlyDictionary<string, SkillLevel> Skills,
    SkillEvidence? Evidence,
    bool Verified,
    OrganisationType OrganisationType,
    string IcsOdsCode,
    AvailabilityStatus Availability,
    bool OpenToCrossOrganisation,
    int ConfirmedDaysAgo);
