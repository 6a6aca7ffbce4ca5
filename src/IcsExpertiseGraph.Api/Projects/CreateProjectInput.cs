using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary><c>CreateProjectInput</c> as GraphQL binds it (<c>GetArgument&lt;CreateProjectInput&gt;</c>).</summary>
public sealed record CreateProjectInput(
    string Title, string? Aim, ProjectStatus? Status, DateOnly? StartDate, DateOnly? EndDate, string? OutcomeSummary,
    string? HostOrganisationId, IReadOnlyList<string>? MethodSkillIds)
{
    /// <summary>The project it asks for, checked: text within its limits, ids of the right kinds, dates in order; every field at fault is reported at once.</summary>
    public ProjectDraft ToDraft()
    {
        var errors = new InputErrors();
        var title = errors.Read(() => InputText.Required(Title, "title", ProjectMutations.TitleMax));
        var aim = errors.Read(() => InputText.Optional(Aim, "aim", ProjectMutations.TextMax));
        var outcome = errors.Read(() => InputText.Optional(OutcomeSummary, "outcomeSummary", ProjectMutations.TextMax));
        var host = errors.Read(() => HostOrganisationId is { } id ? GlobalId.Parse(id, "Organisation", "hostOrganisationId") : (Guid?)null);
        var methods = errors.Read(() => (IReadOnlyList<Guid>)[.. (MethodSkillIds ?? []).Select(id => GlobalId.Parse(id, "Skill", "methodSkillIds"))]);
        if (StartDate > EndDate)
        {
            errors.Add("endDate", ProjectRules.EndBeforeStart);
        }

        errors.ThrowIfAny();
        return new ProjectDraft(title!, aim, Status ?? ProjectStatus.Planned, StartDate, EndDate, outcome, host, methods!);
    }
}
