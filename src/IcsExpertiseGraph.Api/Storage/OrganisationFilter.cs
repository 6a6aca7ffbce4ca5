using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

public sealed record OrganisationFilter(
    IReadOnlyList<Guid> IntegratedCareSystemIds,
    IReadOnlyList<OrganisationType> Types,
    string? NameContains)
{
    public static OrganisationFilter None { get; } = new([], [], null);
}
