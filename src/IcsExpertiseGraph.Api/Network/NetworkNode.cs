using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>A person in a neighbourhood; Betweenness is worked out only when the query asks for it (0 otherwise, and then never read).</summary>
public sealed record NetworkNode(Guid PersonId, Guid? OrganisationId, double Betweenness, DateTimeOffset? BetweennessComputedAt, double ChainShare);
