using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>
/// One lead of a project, as a store reads it for a rule: who, and their visibility, because a lead the caller may not
/// see must not change what the caller is told (<see cref="ProjectRules.Decides"/>).
/// </summary>
public sealed record ProjectLead(Guid PersonId, Visibility Visibility);
