using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>Looks up candidates' employers (for facets): from the index at once, or from the store in one batch when first asked.</summary>
public delegate Task<Func<Guid, Organisation?>> EmployerLookup(CancellationToken cancellationToken);
