using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Projects;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Who is told of a request as a network manager, and what a sign-in changes in the record of managers: only a change
/// is written and audited, and exactly those who decide a request (ProjectRules.Decides) are told of it.
/// </summary>
public sealed class NetworkManagerRuleTests
{
    private static readonly Guid Me = Guid.NewGuid();

    [Fact]
    public void ASignInChangesTheRecordOnlyWhenItsRoleDiffersFromIt()
    {
        var manager = new Viewer(Me, true, false, IsNetworkManager: true);
        var admin = new Viewer(Me, true, true, IsNetworkManager: true);
        var member = new Viewer(Me, true, false);

        Assert.Null(ProjectRules.RecordRole(manager, new RecordedManager(Me, false)));
        Assert.Null(ProjectRules.RecordRole(member, null));
        Assert.Null(ProjectRules.RecordRole(new Viewer(null, true, false, IsNetworkManager: true), null));
        Assert.Equal((AuditActions.RecordNetworkManager, Me), Of(ProjectRules.RecordRole(manager, null)));
        Assert.Equal((AuditActions.RecordNetworkManager, Me), Of(ProjectRules.RecordRole(admin, new RecordedManager(Me, false))));
        Assert.Equal((AuditActions.DropNetworkManager, Me), Of(ProjectRules.RecordRole(member, new RecordedManager(Me, true))));
        Assert.Equal(new RecordedManager(Me, true), ProjectRules.ManagerRecordOf(admin));
        Assert.Null(ProjectRules.ManagerRecordOf(member));
    }

    [Fact]
    public void ExactlyTheManagersWhoDecideARequestAreToldOfIt()
    {
        var (manager, admin, asking, leadManager) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        RecordedManager[] managers = [new(manager, false), new(admin, true), new(asking, false), new(leadManager, false)];

        Assert.Equal([manager, admin, leadManager], ProjectRules.ManagersToTell(managers, [], asking));
        // A PRIVATE lead: the managers who may not see them decide (and are told); an admin, who sees them, does not.
        Assert.Equal([manager, leadManager], ProjectRules.ManagersToTell(managers, [new ProjectLead(Guid.NewGuid(), Visibility.Private)], asking));
        Assert.Empty(ProjectRules.ManagersToTell(managers, [new ProjectLead(Guid.NewGuid(), Visibility.Network)], asking));
        // A manager who leads it hears of it as its lead, once.
        Assert.Equal([manager], ProjectRules.ManagersToTell(managers, [new ProjectLead(leadManager, Visibility.Private)], asking));
    }

    private static (string, Guid) Of(AuditEntry? entry) => (entry!.Action, entry.Subject);
}
