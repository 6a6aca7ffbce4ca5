using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary><c>AddProjectContributorInput</c> as GraphQL binds it: a lead adds someone to their project, who then confirms.</summary>
public sealed record AddProjectContributorInput(string ProjectId, string PersonId, ContributionRole? Role, DateOnly? From, DateOnly? To)
{
    /// <summary>The contribution it proposes, checked (every field at fault at once); MEMBER when no role is given.</summary>
    public Contribution ToContribution()
    {
        var errors = new InputErrors();
        var project = errors.Read(() => GlobalId.Parse(ProjectId, "Project", "projectId"));
        var person = errors.Read(() => GlobalId.Parse(PersonId, "Person", "personId"));
        if (From > To)
        {
            errors.Add("from", ProjectRules.FromAfterTo);
        }

        errors.ThrowIfAny();
        return new(person, project, Role ?? ContributionRole.Member, From, To);
    }
}
