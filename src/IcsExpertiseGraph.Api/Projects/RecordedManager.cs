namespace IcsExpertiseGraph.Api.Projects;

/// <summary>
/// A person whose latest sign-in carried the network-manager role (or Admin, which includes it), as the store records it
/// so that requests on a project without a lead reach someone who can decide them. The role itself lives in the identity
/// provider's token; this is only who to tell, dropped when a later sign-in lacks the role or the person is erased.
/// </summary>
public sealed record RecordedManager(Guid PersonId, bool IsAdmin);
