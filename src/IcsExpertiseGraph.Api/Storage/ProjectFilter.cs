using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

public sealed record ProjectFilter(
    IReadOnlyList<ProjectStatus> Statuses,
    IReadOnlyList<Guid> HostOrganisationIds,
    IReadOnlyList<Guid> MethodSkillIds)
{
    public static ProjectFilter None { get; } = new([], [], []);

    /// <summary>Lower-case words each of which the title or the host organisation's name must contain (a project picker's search).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];
}
