using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>A person as a list of names shows them: Organisation is their primary (else first) current employer's name.</summary>
public sealed record PersonListing(Guid Id, string DisplayName, string? Headline, Visibility Visibility, string? Organisation);
