using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>Everything the collaboration graph is built from, read in one transaction (consistent with <see cref="Sequence"/>).</summary>
public sealed record CollaborationSource(
    long Sequence,
    IReadOnlyList<(Guid Id, Visibility Visibility)> People,
    IReadOnlyList<(Guid Id, Guid? IntegratedCareSystemId)> Organisations,
    IReadOnlyList<(Guid PersonId, Guid OrganisationId)> PrimaryEmployments,
    IReadOnlyList<(Guid Id, DateOnly? LastActive)> Projects,
    IReadOnlyList<(Guid PersonId, Guid ProjectId)> Contributions);
