using IcsExpertiseGraph.Api.Auth;
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

    /// <summary>
    /// Only projects with no lead this viewer may see: those a network manager may give a lead (ProjectRules.AssignLead).
    /// A lead hidden from the viewer counts as none, so the list never tells them that someone they may not see leads one.
    /// </summary>
    public Viewer? WithoutLeadFor { get; init; }
}
