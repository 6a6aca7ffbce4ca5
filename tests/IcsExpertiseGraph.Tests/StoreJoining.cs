using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>Joining a project the only way the store allows (issue 17): the person asks, a lead approves.</summary>
internal static class StoreJoining
{
    /// <summary>
    /// The person asks to join, and one of the project's leads approves (a network manager, where it has none): the two
    /// writes a member and a lead make through the API.
    /// </summary>
    public static async Task<Project> JoinAsync(this IExpertiseStore store, Contribution contribution, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        await store.RequestToJoinAsync(contribution, now, CancellationToken.None);
        return await store.ApproveAsync(contribution.ProjectId, contribution.PersonId, now);
    }

    /// <summary>One of the project's leads approves the person's request (a network manager, where it has none).</summary>
    public static async Task<Project> ApproveAsync(this IExpertiseStore store, Guid projectId, Guid personId, DateTimeOffset now) =>
        await store.DecideJoinRequestAsync(projectId, personId, JoinDecision.Approve, await DeciderAsync(store, projectId), now, CancellationToken.None);

    /// <summary>Someone who decides the project's requests: its first lead, else a network manager.</summary>
    public static async Task<Viewer> DeciderAsync(IExpertiseStore store, Guid projectId)
    {
        var contributors = await store.GetContributionsToProjectsAsync([projectId], Viewers.Admin, CancellationToken.None);
        return contributors.GetValueOrDefault(projectId)?.FirstOrDefault(c => c.Role == ContributionRole.Lead) is { } lead
            ? new Viewer(lead.PersonId, IsMember: true, IsAdmin: false)
            : new Viewer(Guid.NewGuid(), IsMember: true, IsAdmin: false, IsNetworkManager: true);
    }
}
