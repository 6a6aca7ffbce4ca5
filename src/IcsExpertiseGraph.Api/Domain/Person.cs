namespace IcsExpertiseGraph.Api.Domain;

public sealed record Availability(
    AvailabilityStatus Status,
    int? HoursPerMonth,
    bool OpenToCrossOrganisation,
    string? Terms);

/// <summary>An expert's profile. ExternalId links the identity provider's object id and is never exposed.</summary>
public sealed record Person(
    Guid Id,
    string DisplayName,
    string? Headline,
    string? Bio,
    string? Email,
    string? Orcid,
    Visibility Visibility,
    Availability Availability,
    DateTimeOffset? LastConfirmedAt,
    string? ExternalId,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>(Person)-[:HAS_SKILL]->(Skill)</summary>
public sealed record PersonSkill(
    Guid PersonId,
    Guid SkillId,
    SkillLevel Level,
    SkillEvidence? Evidence,
    int? Years,
    bool Verified,
    DateOnly? Since);

/// <summary>(Person)-[:WORKS_AT]->(Organisation); Until is null while the employment is current.</summary>
public sealed record Employment(
    Guid PersonId,
    Guid OrganisationId,
    string? Role,
    DateOnly? Since,
    DateOnly? Until,
    bool Primary);

/// <summary>(Person)-[:CONTRIBUTED_TO]->(Project)</summary>
public sealed record Contribution(
    Guid PersonId,
    Guid ProjectId,
    ContributionRole Role,
    DateOnly? From,
    DateOnly? To);

/// <summary>(Person)-[:ENDORSED {skillId, at}]->(Person)</summary>
public sealed record Endorsement(Guid EndorserId, Guid EndorseeId, Guid SkillId, DateTimeOffset At);
