using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary><c>ContributionInput</c> as GraphQL binds it (<c>GetArgument&lt;ContributionInput&gt;</c>): your part in a project.</summary>
public sealed record ContributionInput(string ProjectId, ContributionRole Role, DateOnly? From, DateOnly? To)
{
    /// <summary>The contribution it asks for, checked: the project id must be a project's, and from not after to (every fault at once).</summary>
    public Contribution ToContribution(Guid personId)
    {
        var errors = new InputErrors();
        var project = errors.Read(() => GlobalId.Parse(ProjectId, "Project", "projectId"));
        if (From > To)
        {
            errors.Add("from", ProjectRules.FromAfterTo);
        }

        errors.ThrowIfAny();
        return new(personId, project, Role, From, To);
    }
}
