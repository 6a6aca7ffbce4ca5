using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary><c>ContributionInput</c> as GraphQL binds it (<c>GetArgument&lt;ContributionInput&gt;</c>): your part in a project.</summary>
public sealed record ContributionInput(string ProjectId, ContributionRole Role, DateOnly? From, DateOnly? To)
{
    /// <summary>The contribution it asks for, checked: the project id must be a project's.</summary>
    public Contribution ToContribution(Guid personId) => new(personId, GlobalId.Parse(ProjectId, "Project", "projectId"), Role, From, To);
}
