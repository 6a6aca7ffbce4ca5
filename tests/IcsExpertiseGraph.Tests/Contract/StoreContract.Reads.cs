using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;
using static IcsExpertiseGraph.Tests.Contract.ContractNetwork;

namespace IcsExpertiseGraph.Tests.Contract;

public abstract partial class StoreContract
{
    private static readonly NetworkSnapshot EmptyNetwork = new([], [], [], [], [], [], [], [], [], [], [], []);

    [StoreFact]
    public async Task BatchLookupsReturnEveryAskedRecordAsImportedInOneCallAndLeaveUnknownIdsOut()
    {
        var unknown = Guid.NewGuid();

        var people = await Store.GetPeopleAsync([.. Network.People.Select(p => p.Id), unknown], Admin, Ct);
        var organisations = await Store.GetOrganisationsAsync([.. Network.Organisations.Select(o => o.Id), unknown], Ct);
        var systems = await Store.GetIntegratedCareSystemsAsync([.. Network.IntegratedCareSystems.Select(i => i.Id), unknown], Ct);
        var places = await Store.GetPlacesAsync([.. Network.Places.Select(p => p.Id), unknown], Ct);
        var projects = await Store.GetProjectsAsync([.. Network.Projects.Select(p => p.Id), unknown], Ct);

        Assert.Equal(Network.People.OrderBy(p => p.Id), people.Values.OrderBy(p => p.Id));
        Assert.Equal(Network.Organisations.OrderBy(o => o.Id), organisations.Values.OrderBy(o => o.Id));
        Assert.Equal(Network.IntegratedCareSystems.OrderBy(i => i.Id), systems.Values.OrderBy(i => i.Id));
        Assert.Equal(Network.Places.OrderBy(p => p.Id), places.Values.OrderBy(p => p.Id));
        Assert.Equal(Network.Projects.OrderBy(p => p.Id), projects.Values.OrderBy(p => p.Id));
        Assert.All(new IEnumerable<Guid>[] { people.Keys, organisations.Keys, systems.Keys, places.Keys, projects.Keys }, keys => Assert.DoesNotContain(unknown, keys));
        Assert.All(people, pair => Assert.Equal(pair.Key, pair.Value.Id));
        Assert.Empty(await Store.GetPeopleAsync([], Admin, Ct));
    }

    [StoreFact]
    public async Task EachPersonsSkillsEmploymentsAndContributionsReadBackAsImportedInTheirOrder()
    {
        var ids = Network.People.Select(p => p.Id).Append(Guid.NewGuid()).ToList();
        var skillNames = Network.Skills.ToDictionary(s => s.Id, s => s.Name);
        var titles = Network.Projects.ToDictionary(p => p.Id, p => p.Title);

        var skills = await Store.GetSkillsOfPeopleAsync(ids, Ct);
        var employments = await Store.GetEmploymentsOfPeopleAsync(ids, Ct);
        var contributions = await Store.GetContributionsOfPeopleAsync(ids, Ct);

        foreach (var person in Network.People)
        {
            // Deepest skills first, then by name; primary post first, then current ones, latest first; latest contributions first.
            Assert.Equal(
                Network.PersonSkills.Where(s => s.PersonId == person.Id).OrderByDescending(s => s.Level).ThenBy(s => skillNames[s.SkillId], CaseInsensitive),
                Of(skills, person.Id));
            Assert.Equal(
                Network.Employments.Where(e => e.PersonId == person.Id).OrderByDescending(e => e.Primary).ThenBy(e => e.Until is not null).ThenByDescending(e => e.Since),
                Of(employments, person.Id));
            Assert.Equal(
                Network.Contributions.Where(c => c.PersonId == person.Id).OrderByDescending(c => c.From).ThenBy(c => titles[c.ProjectId], StringComparer.Ordinal),
                Of(contributions, person.Id));
        }

        Assert.Equal(Network.PersonSkills.Count, skills.Values.Sum(s => s.Count));
        Assert.Contains(Network.Employments, e => !e.Primary && e.Until is not null);
        Assert.Contains(Network.People, p => Network.Contributions.Count(c => c.PersonId == p.Id) > 1);
    }

    [StoreFact]
    public async Task ProjectsOrganisationsAndSystemsReadBackTheirRelationshipsInTheirOrder()
    {
        var skillNames = Network.Skills.ToDictionary(s => s.Id, s => s.Name);
        var placeNames = Network.Places.ToDictionary(p => p.Id, p => p.Name);
        var projectIds = Network.Projects.Select(p => p.Id).ToList();
        var organisationIds = Network.Organisations.Select(o => o.Id).ToList();
        var names = Network.People.ToDictionary(p => p.Id, p => p.DisplayName);

        var methods = await Store.GetMethodsOfProjectsAsync(projectIds, Ct);
        var served = await Store.GetPlacesServedByOrganisationsAsync(organisationIds, Ct);
        var placesOfSystems = await Store.GetPlacesOfIntegratedCareSystemsAsync([.. Network.IntegratedCareSystems.Select(i => i.Id)], Ct);
        var contributors = await Store.GetContributionsToProjectsAsync(projectIds, Admin, Ct);
        var staff = await Store.GetCurrentStaffAsync(organisationIds, Admin, Ct);

        foreach (var project in Network.Projects)
        {
            Assert.Equal(Network.ProjectMethods.Where(m => m.ProjectId == project.Id).Select(m => m.SkillId).OrderBy(s => skillNames[s], CaseInsensitive), Of(methods, project.Id));
            var expected = Network.Contributions.Where(c => c.ProjectId == project.Id).ToList();
            var actual = Of(contributors, project.Id);
            Assert.Equal(expected.OrderBy(c => c.PersonId), actual.OrderBy(c => c.PersonId));
            // Leads first, then the rest by name.
            Assert.Equal(actual.OrderBy(c => c.Role == ContributionRole.Lead ? 0 : 1).ThenBy(c => names[c.PersonId], StringComparer.Ordinal).Select(c => c.Role), actual.Select(c => c.Role));
            Assert.Equal(actual.Skip(actual.Count(c => c.Role == ContributionRole.Lead)).Select(c => names[c.PersonId]).Order(StringComparer.Ordinal),
                actual.Skip(actual.Count(c => c.Role == ContributionRole.Lead)).Select(c => names[c.PersonId]));
        }

        foreach (var organisation in Network.Organisations)
        {
            Assert.Equal(Network.OrganisationPlaces.Where(s => s.OrganisationId == organisation.Id).Select(s => s.PlaceId).OrderBy(p => placeNames[p], StringComparer.Ordinal), Of(served, organisation.Id));
            var working = Network.Employments.Where(e => e.OrganisationId == organisation.Id && IsCurrent(e)).Select(e => e.PersonId).Distinct();
            Assert.Equal(working.OrderBy(id => NameOrder(names[id], id), Ordinal), Of(staff, organisation.Id).Select(p => p.Id));
        }

        foreach (var system in Network.IntegratedCareSystems)
        {
            Assert.Equal(Network.Places.Where(p => p.IntegratedCareSystemId == system.Id).OrderBy(p => p.Name, StringComparer.Ordinal), Of(placesOfSystems, system.Id));
        }

        // Some leads' names sort after a colleague's, so "leads first" is not name order by accident.
        Assert.Contains(Network.Projects, p => Network.Contributions.Where(c => c.ProjectId == p.Id)
            .Any(c => c.Role != ContributionRole.Lead && string.CompareOrdinal(names[c.PersonId], names[Network.Contributions.First(l => l.ProjectId == p.Id && l.Role == ContributionRole.Lead).PersonId]) < 0));
        Assert.Contains(organisationIds, id => Of(staff, id).Count > 1);
        Assert.Contains(Network.Employments, e => !IsCurrent(e));
    }

    [StoreFact]
    public async Task ListsComeInNameOrderAndPagesWalkThemWithTheTotalOnEveryPage()
    {
        // Lower-case first letters, so that name order is seen to ignore case.
        var network = Network with
        {
            People = [.. Network.People.Select((p, i) => i == 0 ? p with { DisplayName = "de Souza Ana" } : p)],
            Organisations = [.. Network.Organisations.Select((o, i) => i == 1 ? o with { Name = "bolton hospice" } : o)],
            Projects = [.. Network.Projects.Select((p, i) => i == 0 ? p with { Title = "reducing falls on ward 7" } : p)],
        };
        await ReplaceNetworkAsync(network);

        var people = await Store.ListPeopleAsync(Admin, Everything, Ct);
        var organisations = await Store.ListOrganisationsAsync(OrganisationFilter.None, Everything, Ct);
        var systems = await Store.ListIntegratedCareSystemsAsync(Everything, Ct);
        var projects = await Store.ListProjectsAsync(ProjectFilter.None, Everything, Ct);

        Assert.Equal(network.People.OrderBy(p => NameOrder(p.DisplayName, p.Id), Ordinal).Select(p => p.Id), people.Items.Select(p => p.Id));
        Assert.Equal(network.Organisations.OrderBy(o => NameOrder(o.Name, o.Id), Ordinal).Select(o => o.Id), organisations.Items.Select(o => o.Id));
        Assert.Equal(network.IntegratedCareSystems.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Id.ToString("D"), StringComparer.Ordinal), systems.Items);
        Assert.Equal(network.Projects.OrderBy(p => NameOrder(p.Title, p.Id), Ordinal), projects.Items);
        Assert.Equal((network.People.Count, network.Organisations.Count, network.IntegratedCareSystems.Count, network.Projects.Count),
            (people.TotalCount, organisations.TotalCount, systems.TotalCount, projects.TotalCount));
        Assert.False(people.HasNextPage);

        var walked = new List<Guid>();
        for (var offset = 0; offset < people.TotalCount; offset += 13)
        {
            var page = await Store.ListPeopleAsync(Admin, new PageRequest(offset, 13), Ct);
            Assert.Equal(people.TotalCount, page.TotalCount);
            Assert.Equal(offset + 13 < people.TotalCount, page.HasNextPage);
            walked.AddRange(page.Items.Select(p => p.Id));
        }

        Assert.Equal(people.Items.Select(p => p.Id), walked);
        var beyond = await Store.ListProjectsAsync(ProjectFilter.None, new PageRequest(projects.TotalCount + 5, 10), Ct);
        Assert.Empty(beyond.Items);
        Assert.Equal(projects.TotalCount, beyond.TotalCount);
        Assert.False(beyond.HasNextPage);
        var lastSystems = await Store.ListIntegratedCareSystemsAsync(new PageRequest(systems.TotalCount - 2, 10), Ct);
        Assert.Equal(systems.Items.TakeLast(2), lastSystems.Items);
    }

    [StoreFact]
    public async Task OrganisationFiltersNarrowBySystemTypeAndNameEachAndTogether()
    {
        var systemIds = Network.IntegratedCareSystems.Take(2).Select(i => i.Id).ToList();
        OrganisationType[] types = [OrganisationType.AcuteTrust, OrganisationType.LocalAuthority];
        var byAll = new OrganisationFilter(systemIds, types, "COUNCIL");

        foreach (var filter in new[] { OrganisationFilter.None with { IntegratedCareSystemIds = systemIds }, OrganisationFilter.None with { Types = types },
                     OrganisationFilter.None with { NameContains = "COUNCIL" }, byAll })
        {
            var expected = Network.Organisations
                .Where(o => filter.IntegratedCareSystemIds.Count == 0 || (o.IntegratedCareSystemId is { } ics && filter.IntegratedCareSystemIds.Contains(ics)))
                .Where(o => filter.Types.Count == 0 || filter.Types.Contains(o.Type))
                .Where(o => filter.NameContains is null || o.Name.Contains(filter.NameContains, StringComparison.OrdinalIgnoreCase))
                .OrderBy(o => NameOrder(o.Name, o.Id), Ordinal).ToList();
            Assert.NotEmpty(expected);
            Assert.True(expected.Count < Network.Organisations.Count);

            var page = await Store.ListOrganisationsAsync(filter, new PageRequest(0, 5), Ct);
            var all = await Store.ListOrganisationsAsync(filter, Everything, Ct);

            Assert.Equal(expected, all.Items);
            Assert.Equal(expected.Count, page.TotalCount);
            Assert.Equal(expected.Take(5), page.Items);
        }
    }

    [StoreFact]
    public async Task ProjectFiltersNarrowByStatusHostAndMethodEachAndTogether()
    {
        ProjectStatus[] statuses = [ProjectStatus.Active, ProjectStatus.Paused];
        var hosts = Network.Projects.Take(12).Select(p => p.HostOrganisationId!.Value).Distinct().ToList();
        var methods = Network.ProjectMethods.Take(10).Select(m => m.SkillId).Distinct().ToList();

        foreach (var filter in new[] { ProjectFilter.None with { Statuses = statuses }, ProjectFilter.None with { HostOrganisationIds = hosts },
                     ProjectFilter.None with { MethodSkillIds = methods }, new ProjectFilter([ProjectStatus.Completed, ProjectStatus.Active], hosts, methods) })
        {
            var expected = Network.Projects
                .Where(p => filter.Statuses.Count == 0 || filter.Statuses.Contains(p.Status))
                .Where(p => filter.HostOrganisationIds.Count == 0 || (p.HostOrganisationId is { } host && filter.HostOrganisationIds.Contains(host)))
                .Where(p => filter.MethodSkillIds.Count == 0 || Network.ProjectMethods.Any(m => m.ProjectId == p.Id && filter.MethodSkillIds.Contains(m.SkillId)))
                .OrderBy(p => NameOrder(p.Title, p.Id), Ordinal).ToList();
            Assert.NotEmpty(expected);
            Assert.True(expected.Count < Network.Projects.Count);

            var all = await Store.ListProjectsAsync(filter, Everything, Ct);

            Assert.Equal(expected, all.Items);
            Assert.Equal(expected.Count, all.TotalCount);
        }
    }

    [StoreFact]
    public async Task TheTaxonomyReadsBackWithAliasesAndBroaderSkillsInNameOrder()
    {
        var skills = await Store.GetAllSkillsAsync(Ct);

        Assert.Equal(Network.Skills.Select(s => s.Name).Order(CaseInsensitive), skills.Select(s => s.Name));
        var imported = Network.Skills.ToDictionary(s => s.Id);
        Assert.All(skills, skill =>
        {
            var expected = imported[skill.Id];
            Assert.Equal((expected.Key, expected.Name, expected.Description, expected.Domain, expected.BroaderId),
                (skill.Key, skill.Name, skill.Description, skill.Domain, skill.BroaderId));
            Assert.Equal(expected.Aliases.Order(StringComparer.Ordinal), skill.Aliases.Order(StringComparer.Ordinal));
        });
        Assert.Contains(skills, s => s.BroaderId is not null);
        Assert.Contains(skills, s => s.Aliases.Count > 1);
    }

    [StoreFact]
    public async Task AStoreIsEmptyOnlyWithoutANetworkAndEveryImportMovesTheChangeSequenceOn()
    {
        Assert.False(await Store.IsEmptyAsync(Ct));
        Assert.True(await Store.IsReachableAsync(Ct));
        var imported = await Store.GetChangeSequenceAsync(Ct);

        await ReplaceNetworkAsync(EmptyNetwork);
        var emptied = await Store.GetChangeSequenceAsync(Ct);

        Assert.True(await Store.IsEmptyAsync(Ct));
        Assert.Equal(0, (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount);
        Assert.Equal(0, (await Store.ListOrganisationsAsync(OrganisationFilter.None, Everything, Ct)).TotalCount);
        Assert.Empty(await Store.GetAllSkillsAsync(Ct));
        Assert.True(emptied > imported, $"The sequence stayed at {imported} after a replacing import.");

        await Store.ImportAsync(Network, replaceExisting: false, progress: null, Ct);

        Assert.False(await Store.IsEmptyAsync(Ct));
        Assert.True(await Store.GetChangeSequenceAsync(Ct) > emptied);
        Assert.Equal(Network.People.Count, (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount);
    }
}
