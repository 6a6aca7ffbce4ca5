namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// One person in a bulk import; matched to an existing profile by email. Visibility applies only to new
/// profiles (an existing person's choice is theirs); headline and bio change only when given.
/// </summary>
public sealed record PersonImport(string Email, string DisplayName, string? Headline, string? Bio, Visibility? Visibility, string? OrganisationOdsCode, string? Role);
