namespace IcsExpertiseGraph.Api.Domain;

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

