using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary><c>CreateProjectInput</c> as GraphQL binds it (<c>GetArgument&lt;CreateProjectInput&gt;</c>).</summary>
public sealed record CreateProjectInput(
    string Title, string? Aim, ProjectStatus? Status, DateOnly? StartDate, DateOnly? EndDate, string? OutcomeSummary,
    string? HostOrganisationId, IReadOnlyList<string>? MethodSkillIds)
{
    /// <summary>The project it asks for, checked: text within its limits, ids of the right kinds, dates in order.</summary>
    public ProjectDraft ToDraft()
    {
        var draft = new ProjectDraft(
            InputText.Required(Title, "title", ProjectMutations.TitleMax), InputText.Optional(Aim, "aim", ProjectMutations.TextMax), Status ?? ProjectStatus.Planned,
            StartDate, EndDate, InputText.Optional(OutcomeSummary, "outcomeSummary", ProjectMutations.TextMax),
            HostOrganisationId is { } host ? GlobalId.Parse(host, "Organisation", "hostOrganisationId") : null,
            [.. (MethodSkillIds ?? []).Select(id => GlobalId.Parse(id, "Skill", "methodSkillIds"))]);
        if (draft.StartDate > draft.EndDate)
        {
            throw new BadUserInputError("endDate", ProjectRules.EndBeforeStart);
        }

        return draft;
    }
}
