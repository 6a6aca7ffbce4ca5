using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Everything the in-memory search index is built from, read in one transaction so it is consistent
/// with <see cref="Sequence"/>.
/// </summary>
public sealed record SearchSource(
    long Sequence,
    IReadOnlyList<SearchSource.PersonRow> People,
    IReadOnlyList<SearchSource.HoldingRow> Holdings,
    IReadOnlyList<(Guid PersonId, Guid OrganisationId)> CurrentEmployments,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<(Guid OrganisationId, Guid PlaceId)> OrganisationPlaces)
{
    public sealed record PersonRow(
        Guid Id, string DisplayName, string? Headline, string? Bio, Visibility Visibility,
        AvailabilityStatus Availability, bool OpenToCrossOrganisation, DateTimeOffset? LastConfirmedAt);

    public sealed record HoldingRow(Guid PersonId, CandidateSkill Skill);
}
