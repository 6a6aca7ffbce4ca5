using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>
/// Network managers decide requests on projects without a lead they can see, but the role is only a token claim: the
/// store keeps who last signed in with it (<see cref="RecordedManager"/>), so a request reaches them as a lead's would.
/// </summary>
public static partial class ProjectRules
{
    /// <summary>
    /// What a sign-in changes in the record of network managers: the record as it should now be (null: not a manager) and
    /// its audit event, or null when nothing changes (most requests), so the store writes and audits only a change.
    /// </summary>
    public static AuditEntry? RecordRole(Viewer signedIn, RecordedManager? recorded)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        var now = ManagerRecordOf(signedIn);
        if (now == recorded)
        {
            return null;
        }

        var subject = signedIn.PersonId ?? throw new ArgumentException("Only a signed-in person with a profile holds a role.", nameof(signedIn));
        return now is null
            ? new(AuditActions.DropNetworkManager, subject, RoleOf(recorded!), null)
            : new(AuditActions.RecordNetworkManager, subject, recorded is null ? null : RoleOf(recorded), RoleOf(now));
    }

    /// <summary>The record a sign-in should leave: a manager (admins are managers too) with a profile, else none.</summary>
    public static RecordedManager? ManagerRecordOf(Viewer signedIn)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        return signedIn is { IsNetworkManager: true, PersonId: { } id } ? new RecordedManager(id, signedIn.IsAdmin) : null;
    }

    /// <summary>
    /// The recorded managers a request to join tells, besides the project's leads: those who decide it (<see cref="Decides"/>:
    /// no lead they may see), other than the person asking and the leads themselves (who hear of it as leads).
    /// </summary>
    public static IReadOnlyList<Guid> ManagersToTell(IReadOnlyList<RecordedManager> managers, IReadOnlyList<ProjectLead> leads, Guid askingId)
    {
        ArgumentNullException.ThrowIfNull(managers);
        ArgumentNullException.ThrowIfNull(leads);
        return [.. managers
            .Where(m => m.PersonId != askingId && leads.All(l => l.PersonId != m.PersonId)
                && Decides(new Viewer(m.PersonId, IsMember: true, m.IsAdmin, IsNetworkManager: true), leads))
            .Select(m => m.PersonId)];
    }

    private static object RoleOf(RecordedManager manager) => new { role = manager.IsAdmin ? Roles.Admin : Roles.NetworkManager };
}
