using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>A broker: Rank 1 is the one most chains pass through (in the list asked for); ChainShare is the part of all shortest chains through them.</summary>
public sealed record Broker(Guid PersonId, double Betweenness, int OrganisationsBridged, DateTimeOffset ComputedAt, int Rank, double ChainShare);
