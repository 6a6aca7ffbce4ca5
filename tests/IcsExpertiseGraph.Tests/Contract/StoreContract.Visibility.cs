using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;
using static IcsExpertiseGraph.Tests.Contract.ContractNetwork;

namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>Who is asking, for the visibility theory (a viewer itself cannot be theory data).</summary>
public enum Audience { Anonymous, Member, PrivatePersonThemselves, PrivateMemberThemselves, Admin }

public abstract partial class StoreContract
{
    [StoreTheory]
    [InlineData(Audience.Anonymous)]
    [InlineData(Audience.Member)]
    [InlineData(Audience.PrivatePersonThemselves)]
    [InlineData(Audience.PrivateMemberThemselves)]
    [InlineData(Audience.Admin)]
    public async Task EachViewerSeesExactlyThePeopleTheirVisibilityAllowsWhereverAPersonCanSurface(Audience audience)
    {
        var hidden = Network.People.First(p => p.Visibility == Visibility.Private);
        var viewer = audience switch
        {
            Audience.Anonymous => Anonymous,
            Audience.Member => Member,
            Audience.PrivatePersonThemselves => new Viewer(hidden.Id, false, false),
            Audience.PrivateMemberThemselves => new Viewer(hidden.Id, true, false),
            _ => Admin,
        };
        var expected = Network.VisibleTo(viewer);
        Assert.Equal(audience == Audience.Admin, expected.Count == Network.People.Count);
        Assert.Equal(audience is Audience.PrivatePersonThemselves or Audience.PrivateMemberThemselves or Audience.Admin, expected.Contains(hidden.Id));

        var page = await Store.ListPeopleAsync(viewer, Everything, Ct);
        var firstPage = await Store.ListPeopleAsync(viewer, new PageRequest(0, 10), Ct);
        var looked = await Store.GetPeopleAsync([.. Network.People.Select(p => p.Id)], viewer, Ct);
        var everyone = await Store.FindExpertCandidatesAsync(NoCriteria, viewer, Ct);
        var spc = await Store.FindExpertCandidatesAsync(Text("spc"), viewer, Ct);

        Assert.Equal(expected.Order(), page.Items.Select(p => p.Id).Order());
        Assert.Equal(expected.Count, page.TotalCount);
        Assert.Equal(expected.Count, firstPage.TotalCount);
        Assert.Equal(expected.Order(), looked.Keys.Order());
        Assert.Equal(expected.Order(), everyone.Select(c => c.PersonId).Order());
        Assert.Equal(expected.Intersect(Network.TextMatches("spc")).Order(), spc.Select(c => c.PersonId).Order());
        await AssertStaffAndContributorsAreOnlyAsync(viewer, expected);
    }

    private async Task AssertStaffAndContributorsAreOnlyAsync(Viewer viewer, HashSet<Guid> visible)
    {
        var staff = await Store.GetCurrentStaffAsync([.. Network.Organisations.Select(o => o.Id)], viewer, Ct);
        var contributors = await Store.GetContributionsToProjectsAsync([.. Network.Projects.Select(p => p.Id)], viewer, Ct);

        var expectedStaff = Network.Employments.Where(e => IsCurrent(e) && visible.Contains(e.PersonId)).Select(e => (e.OrganisationId, e.PersonId)).Distinct();
        Assert.Equal(expectedStaff.Order(), staff.SelectMany(s => s.Value.Select(p => (s.Key, p.Id))).Order());
        Assert.Equal(Network.Contributions.Where(c => visible.Contains(c.PersonId)).OrderBy(c => (c.ProjectId, c.PersonId)),
            contributors.Values.SelectMany(c => c).OrderBy(c => (c.ProjectId, c.PersonId)));
    }
}
