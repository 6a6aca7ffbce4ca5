using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's reads by id and in batches (the per-request batch loaders), and the paged lists.</summary>
public sealed partial class Neo4jExpertiseStore
{
    public Task<IReadOnlyDictionary<Guid, Person>> GetPeopleAsync(IReadOnlyCollection<Guid> ids, Viewer viewer, CancellationToken cancellationToken) =>
        ByIdAsync(ids, "get-people", r => Neo4jMapping.Person(r.Map("person")), p => p.Id, cancellationToken, ViewerParameters(viewer));

    public Task<IReadOnlyDictionary<Guid, Organisation>> GetOrganisationsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ids, "get-organisations", Neo4jMapping.Organisation, o => o.Id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IntegratedCareSystem>> GetIntegratedCareSystemsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ids, "get-integrated-care-systems", Neo4jMapping.IntegratedCareSystem, i => i.Id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, Place>> GetPlacesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ids, "get-places", Neo4jMapping.Place, p => p.Id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, Project>> GetProjectsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ids, "get-projects", Neo4jMapping.Project, p => p.Id, cancellationToken);

    public async Task<IReadOnlyList<Skill>> GetAllSkillsAsync(CancellationToken cancellationToken) =>
        [.. Neo4jRecord.All(await ReadAsync("get-all-skills", cancellationToken)).Select(Neo4jMapping.Skill)];

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<PersonSkill>>> GetSkillsOfPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        GroupedAsync(personIds, "get-skills-of-people",
            r => new PersonSkill(r.Id("personId"), r.Id("skillId"), (SkillLevel)r.Int("level"), r.EnumOrNull<SkillEvidence>("evidence"), r.IntOrNull("years"),
                r.Bool("verified"), r.DateOrNull("since")),
            s => s.PersonId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Employment>>> GetEmploymentsOfPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        GroupedAsync(personIds, "get-employments-of-people",
            r => new Employment(r.Id("personId"), r.Id("organisationId"), r.TextOrNull("role"), r.DateOrNull("since"), r.DateOrNull("until"), r.Bool("primary")),
            e => e.PersonId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Contribution>>> GetContributionsOfPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        GroupedAsync(personIds, "get-contributions-of-people", Neo4jMapping.Contribution, c => c.PersonId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Contribution>>> GetContributionsToProjectsAsync(IReadOnlyCollection<Guid> projectIds, Viewer viewer, CancellationToken cancellationToken) =>
        GroupedAsync(projectIds, "get-contributions-to-projects", Neo4jMapping.Contribution, c => c.ProjectId, cancellationToken, ViewerParameters(viewer));

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Person>>> GetCurrentStaffAsync(IReadOnlyCollection<Guid> organisationIds, Viewer viewer, CancellationToken cancellationToken)
    {
        var staff = await GroupedAsync(organisationIds, "get-current-staff", r => (Organisation: r.Id("organisationId"), Person: Neo4jMapping.Person(r.Map("person"))),
            pair => pair.Organisation, cancellationToken, [.. ViewerParameters(viewer), ("today", Today())]);
        return staff.ToDictionary(p => p.Key, p => (IReadOnlyList<Person>)[.. p.Value.Select(x => x.Person)]);
    }

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GetMethodsOfProjectsAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken) =>
        GroupedPairsAsync(projectIds, "get-methods-of-projects", "projectId", "skillId", cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GetPlacesServedByOrganisationsAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken) =>
        GroupedPairsAsync(organisationIds, "get-places-served", "organisationId", "placeId", cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Place>>> GetPlacesOfIntegratedCareSystemsAsync(IReadOnlyCollection<Guid> icsIds, CancellationToken cancellationToken) =>
        GroupedAsync(icsIds, "get-places-of-systems", Neo4jMapping.Place, p => p.IntegratedCareSystemId, cancellationToken);

    public Task<Page<Person>> ListPeopleAsync(Viewer viewer, PageRequest page, CancellationToken cancellationToken) =>
        PageAsync("list-people", Neo4jMapping.Person, page, cancellationToken, ViewerParameters(viewer));

    public Task<Page<Organisation>> ListOrganisationsAsync(OrganisationFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        PageAsync("list-organisations", Neo4jMapping.Organisation, page, cancellationToken,
            ("icsIds", Ids(filter.IntegratedCareSystemIds)), ("types", Names(filter.Types)), ("name", filter.NameContains));

    public Task<Page<IntegratedCareSystem>> ListIntegratedCareSystemsAsync(PageRequest page, CancellationToken cancellationToken) =>
        PageAsync("list-integrated-care-systems", Neo4jMapping.IntegratedCareSystem, page, cancellationToken);

    public Task<Page<Project>> ListProjectsAsync(ProjectFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        PageAsync("list-projects", Neo4jMapping.Project, page, cancellationToken,
            [("statuses", Names(filter.Statuses)), ("hostIds", Ids(filter.HostOrganisationIds)), ("methodIds", Ids(filter.MethodSkillIds)), ("words", filter.Words.ToArray()),
            ("withoutLead", filter.WithoutLeadFor is not null), .. ViewerParameters(filter.WithoutLeadFor ?? Viewer.Anonymous)]);

    /// <summary>One round trip for a batch of ids, passed as a list ($ids).</summary>
    private async Task<IReadOnlyDictionary<Guid, T>> ByIdAsync<T>(
        IReadOnlyCollection<Guid> ids, string statement, Func<Neo4jRecord, T> read, Func<T, Guid> key, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, T>();
        }

        var result = await ReadAsync(statement, cancellationToken, [("ids", Ids(ids)), .. parameters]);
        return Neo4jRecord.All(result).Select(read).ToDictionary(key);
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<T>>> GroupedAsync<T>(
        IReadOnlyCollection<Guid> ids, string statement, Func<Neo4jRecord, T> read, Func<T, Guid> key, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<T>>();
        }

        var result = await ReadAsync(statement, cancellationToken, [("ids", Ids(ids)), .. parameters]);
        // Rows arrive in the statement's order; grouping keeps it within each owner.
        return Neo4jRecord.All(result).Select(read).GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)[.. g]);
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GroupedPairsAsync(
        IReadOnlyCollection<Guid> ids, string statement, string owner, string item, CancellationToken cancellationToken)
    {
        var grouped = await GroupedAsync(ids, statement, r => (Owner: r.Id(owner), Item: r.Id(item)), pair => pair.Owner, cancellationToken);
        return grouped.ToDictionary(p => p.Key, p => (IReadOnlyList<Guid>)[.. p.Value.Select(x => x.Item)]);
    }

    /// <summary>A page statement returns one row: the total across all pages and the page's items as maps.</summary>
    private async Task<Page<T>> PageAsync<T>(
        string statement, Func<Neo4jRecord, T> read, PageRequest page, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var result = await ReadAsync(statement, cancellationToken, [("offset", page.Offset), ("limit", page.Limit), .. parameters]);
        var row = Neo4jRecord.First(result) ?? throw new Neo4jException("Client.Protocol", $"{statement} returned no row.");
        return new Page<T>([.. row.Maps("page").Select(read)], (int)row.Long("total"), page.Offset);
    }
}
