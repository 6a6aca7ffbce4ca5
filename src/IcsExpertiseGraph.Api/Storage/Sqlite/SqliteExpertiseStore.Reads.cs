using System.Text.Json;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using Microsoft.Data.Sqlite;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's reads by id and in batches (the per-request batch loaders), and the paged lists.</summary>
public sealed partial class SqliteExpertiseStore
{
    private const string PersonColumns =
        "p.id, p.display_name, p.headline, p.bio, p.email, p.orcid, p.visibility, p.availability_status, p.hours_per_month, " +
        "p.open_to_cross_organisation, p.availability_terms, p.last_confirmed_at, p.external_id, p.version, p.created_at, p.updated_at";

    private const string OrganisationColumns = "o.id, o.ods_code, o.name, o.type, (SELECT id FROM integrated_care_system WHERE pk = o.ics_pk)";

    private const string IcsColumns =
        "i.id, i.ods_code, i.name, i.nhs_region, i.valid_from, i.valid_to, (SELECT id FROM integrated_care_system WHERE pk = i.successor_pk)";

    private const string ProjectColumns =
        "j.id, j.title, j.aim, j.status, j.start_date, j.end_date, j.outcome_summary, (SELECT id FROM organisation WHERE pk = j.host_organisation_pk)";

    private static Person ReadPerson(SqliteDataReader r) => ReadPersonAt(r, 0);

    /// <summary>A person from the PersonColumns starting at column <paramref name="c"/>.</summary>
    private static Person ReadPersonAt(SqliteDataReader r, int c) => new(
        r.GetId(c), r.GetString(c + 1), r.GetTextOrNull(c + 2), r.GetTextOrNull(c + 3), r.GetTextOrNull(c + 4), r.GetTextOrNull(c + 5),
        r.GetEnum<Visibility>(c + 6),
        new Availability(r.GetEnum<AvailabilityStatus>(c + 7), r.GetIntOrNull(c + 8), r.GetInt64(c + 9) == 1, r.GetTextOrNull(c + 10)),
        r.GetTimestampOrNull(c + 11), r.GetTextOrNull(c + 12), r.GetInt64(c + 13), r.GetTimestampOrNull(c + 14)!.Value, r.GetTimestampOrNull(c + 15)!.Value);

    private static Organisation ReadOrganisation(SqliteDataReader r) =>
        new(r.GetId(0), r.GetTextOrNull(1), r.GetString(2), r.GetEnum<OrganisationType>(3), r.GetIdOrNull(4));

    private static IntegratedCareSystem ReadIcs(SqliteDataReader r) =>
        new(r.GetId(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDateOrNull(4), r.GetDateOrNull(5), r.GetIdOrNull(6));

    private static Project ReadProject(SqliteDataReader r) =>
        new(r.GetId(0), r.GetString(1), r.GetTextOrNull(2), r.GetEnum<ProjectStatus>(3), r.GetDateOrNull(4), r.GetDateOrNull(5), r.GetTextOrNull(6), r.GetIdOrNull(7));

    public Task<IReadOnlyDictionary<Guid, Person>> GetPeopleAsync(IReadOnlyCollection<Guid> ids, Viewer viewer, CancellationToken cancellationToken) =>
        ByIdAsync(ids, $"SELECT {PersonColumns} FROM person p WHERE p.id IN (SELECT value FROM json_each($ids)) AND {VisibleToViewer}",
            command => WithViewer(command, viewer), ReadPerson, p => p.Id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, Organisation>> GetOrganisationsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ids, $"SELECT {OrganisationColumns} FROM organisation o WHERE o.id IN (SELECT value FROM json_each($ids))",
            null, ReadOrganisation, o => o.Id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IntegratedCareSystem>> GetIntegratedCareSystemsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ids, $"SELECT {IcsColumns} FROM integrated_care_system i WHERE i.id IN (SELECT value FROM json_each($ids))",
            null, ReadIcs, i => i.Id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, Place>> GetPlacesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ids, "SELECT pl.id, pl.name, i.id FROM place pl JOIN integrated_care_system i ON i.pk = pl.ics_pk WHERE pl.id IN (SELECT value FROM json_each($ids))",
            null, r => new Place(r.GetId(0), r.GetString(1), r.GetId(2)), p => p.Id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, Project>> GetProjectsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ids, $"SELECT {ProjectColumns} FROM project j WHERE j.id IN (SELECT value FROM json_each($ids))",
            null, ReadProject, p => p.Id, cancellationToken);

    public async Task<IReadOnlyList<Skill>> GetAllSkillsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.id, s.key, s.name, s.description, s.domain, b.id,
                   (SELECT json_group_array(alias) FROM (SELECT alias FROM skill_alias a WHERE a.skill_pk = s.pk ORDER BY alias))
            FROM skill s LEFT JOIN skill b ON b.pk = s.broader_pk
            ORDER BY s.name
            """;
        var skills = new List<Skill>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var aliases = System.Text.Json.JsonSerializer.Deserialize<string[]>(reader.GetString(6)) ?? [];
            skills.Add(new Skill(reader.GetId(0), reader.GetString(1), reader.GetString(2), aliases, reader.GetTextOrNull(3),
                reader.GetEnum<QualityDomain>(4), reader.GetIdOrNull(5)));
        }

        return skills;
    }

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<PersonSkill>>> GetSkillsOfPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        GroupedAsync(personIds, """
            SELECT p.id, s.id, hs.level, hs.evidence, hs.years, hs.verified, hs.since
            FROM person p JOIN has_skill hs ON hs.person_pk = p.pk JOIN skill s ON s.pk = hs.skill_pk
            WHERE p.id IN (SELECT value FROM json_each($ids))
            ORDER BY p.pk, hs.level DESC, s.name
            """, null,
            r => new PersonSkill(r.GetId(0), r.GetId(1), (SkillLevel)r.GetInt32(2),
                r.IsDBNull(3) ? null : r.GetEnum<SkillEvidence>(3), r.GetIntOrNull(4), r.GetInt64(5) == 1, r.GetDateOrNull(6)),
            s => s.PersonId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Employment>>> GetEmploymentsOfPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        GroupedAsync(personIds, """
            SELECT p.id, o.id, w.role, w.since, w.until, w.is_primary
            FROM person p JOIN works_at w ON w.person_pk = p.pk JOIN organisation o ON o.pk = w.organisation_pk
            WHERE p.id IN (SELECT value FROM json_each($ids))
            ORDER BY p.pk, w.is_primary DESC, w.until IS NOT NULL, w.since DESC
            """, null,
            r => new Employment(r.GetId(0), r.GetId(1), r.GetTextOrNull(2), r.GetDateOrNull(3), r.GetDateOrNull(4), r.GetInt64(5) == 1),
            e => e.PersonId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Contribution>>> GetContributionsOfPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        GroupedAsync(personIds, """
            SELECT p.id, j.id, c.role, c.from_date, c.to_date
            FROM person p JOIN contributed_to c ON c.person_pk = p.pk JOIN project j ON j.pk = c.project_pk
            WHERE p.id IN (SELECT value FROM json_each($ids))
            ORDER BY p.pk, c.from_date DESC, j.title
            """, null, ReadContribution, c => c.PersonId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Contribution>>> GetContributionsToProjectsAsync(IReadOnlyCollection<Guid> projectIds, Viewer viewer, CancellationToken cancellationToken) =>
        GroupedAsync(projectIds, $"""
            SELECT p.id, j.id, c.role, c.from_date, c.to_date
            FROM project j JOIN contributed_to c ON c.project_pk = j.pk JOIN person p ON p.pk = c.person_pk
            WHERE j.id IN (SELECT value FROM json_each($ids)) AND {VisibleToViewer}
            ORDER BY j.pk, CASE c.role WHEN 'LEAD' THEN 0 ELSE 1 END, p.display_name
            """, command => WithViewer(command, viewer), ReadContribution, c => c.ProjectId, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Person>>> GetCurrentStaffAsync(IReadOnlyCollection<Guid> organisationIds, Viewer viewer, CancellationToken cancellationToken)
    {
        var staff = await GroupedAsync(organisationIds, $"""
            SELECT o.id, {PersonColumns}
            FROM organisation o JOIN works_at w ON w.organisation_pk = o.pk JOIN person p ON p.pk = w.person_pk
            WHERE o.id IN (SELECT value FROM json_each($ids)) AND (w.until IS NULL OR w.until >= $today) AND {VisibleToViewer}
            ORDER BY o.pk, p.display_name COLLATE NOCASE, p.id
            """, command => WithViewer(command, viewer).With("$today", Today()),
            r => (Organisation: r.GetId(0), Person: ReadPersonAt(r, 1)), pair => pair.Organisation, cancellationToken);
        return staff.ToDictionary(p => p.Key, p => (IReadOnlyList<Person>)[.. p.Value.Select(x => x.Person).DistinctBy(x => x.Id)]);
    }

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GetMethodsOfProjectsAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken) =>
        GroupedPairsAsync(projectIds, """
            SELECT j.id, s.id FROM project j JOIN used_method m ON m.project_pk = j.pk JOIN skill s ON s.pk = m.skill_pk
            WHERE j.id IN (SELECT value FROM json_each($ids)) ORDER BY j.pk, s.name
            """, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GetPlacesServedByOrganisationsAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken) =>
        GroupedPairsAsync(organisationIds, """
            SELECT o.id, pl.id FROM organisation o JOIN organisation_serves_place sp ON sp.organisation_pk = o.pk JOIN place pl ON pl.pk = sp.place_pk
            WHERE o.id IN (SELECT value FROM json_each($ids)) ORDER BY o.pk, pl.name
            """, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<Place>>> GetPlacesOfIntegratedCareSystemsAsync(IReadOnlyCollection<Guid> icsIds, CancellationToken cancellationToken) =>
        GroupedAsync(icsIds, """
            SELECT pl.id, pl.name, i.id FROM integrated_care_system i JOIN place pl ON pl.ics_pk = i.pk
            WHERE i.id IN (SELECT value FROM json_each($ids)) ORDER BY i.pk, pl.name
            """, null, r => new Place(r.GetId(0), r.GetString(1), r.GetId(2)), p => p.IntegratedCareSystemId, cancellationToken);

    public Task<Page<Person>> ListPeopleAsync(Viewer viewer, PageRequest page, CancellationToken cancellationToken) =>
        PageAsync($"FROM person p WHERE {VisibleToViewer}", $"SELECT {PersonColumns}", "ORDER BY p.display_name COLLATE NOCASE, p.id",
            command => WithViewer(command, viewer), ReadPerson, page, cancellationToken);

    public Task<Page<Organisation>> ListOrganisationsAsync(OrganisationFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        PageAsync("""
            FROM organisation o
            WHERE ($anyIcs = 0 OR o.ics_pk IN (SELECT pk FROM integrated_care_system WHERE id IN (SELECT value FROM json_each($icsIds))))
              AND ($anyType = 0 OR o.type IN (SELECT value FROM json_each($types)))
              AND ($name IS NULL OR instr(lower(o.name), lower($name)) > 0)
            """, $"SELECT {OrganisationColumns}", "ORDER BY o.name COLLATE NOCASE, o.id",
            command => command
                .With("$anyIcs", filter.IntegratedCareSystemIds.Count > 0 ? 1 : 0).With("$icsIds", JsonIds(filter.IntegratedCareSystemIds))
                .With("$anyType", filter.Types.Count > 0 ? 1 : 0).With("$types", JsonEnums(filter.Types))
                .With("$name", Text(filter.NameContains)),
            ReadOrganisation, page, cancellationToken);

    public Task<Page<IntegratedCareSystem>> ListIntegratedCareSystemsAsync(PageRequest page, CancellationToken cancellationToken) =>
        PageAsync("FROM integrated_care_system i", $"SELECT {IcsColumns}", "ORDER BY i.name, i.id", null, ReadIcs, page, cancellationToken);

    public Task<Page<Project>> ListProjectsAsync(ProjectFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        PageAsync($"""
            FROM project j
            WHERE ($anyStatus = 0 OR j.status IN (SELECT value FROM json_each($statuses)))
              AND ($anyHost = 0 OR j.host_organisation_pk IN (SELECT pk FROM organisation WHERE id IN (SELECT value FROM json_each($hosts))))
              AND ($anyMethod = 0 OR EXISTS (SELECT 1 FROM used_method m JOIN skill s ON s.pk = m.skill_pk
                                             WHERE m.project_pk = j.pk AND s.id IN (SELECT value FROM json_each($methods))))
              AND NOT EXISTS (SELECT 1 FROM json_each($words) w
                              WHERE instr(lower(j.title), w.value) = 0
                                AND NOT EXISTS (SELECT 1 FROM organisation h WHERE h.pk = j.host_organisation_pk AND instr(lower(h.name), w.value) > 0))
              AND ($withoutLead = 0 OR NOT EXISTS (SELECT 1 FROM contributed_to lc JOIN person p ON p.pk = lc.person_pk
                                                   WHERE lc.project_pk = j.pk AND lc.role = 'LEAD' AND {VisibleToViewer}))
            """, $"SELECT {ProjectColumns}", "ORDER BY j.title COLLATE NOCASE, j.id",
            command => WithViewer(command, filter.WithoutLeadFor ?? Viewer.Anonymous)
                .With("$anyStatus", filter.Statuses.Count > 0 ? 1 : 0).With("$statuses", JsonEnums(filter.Statuses))
                .With("$anyHost", filter.HostOrganisationIds.Count > 0 ? 1 : 0).With("$hosts", JsonIds(filter.HostOrganisationIds))
                .With("$anyMethod", filter.MethodSkillIds.Count > 0 ? 1 : 0).With("$methods", JsonIds(filter.MethodSkillIds))
                .With("$words", JsonSerializer.Serialize(filter.Words))
                .With("$withoutLead", filter.WithoutLeadFor is null ? 0 : 1),
            ReadProject, page, cancellationToken);

    private static Contribution ReadContribution(SqliteDataReader r) =>
        new(r.GetId(0), r.GetId(1), r.GetEnum<ContributionRole>(2), r.GetDateOrNull(3), r.GetDateOrNull(4));

    private async Task<IReadOnlyDictionary<Guid, T>> ByIdAsync<T>(
        IReadOnlyCollection<Guid> ids, string sql, Action<SqliteCommand>? bind, Func<SqliteDataReader, T> read, Func<T, Guid> key,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, T>(ids.Count);
        await ForEachRowAsync(ids, sql, bind, reader =>
        {
            var item = read(reader);
            result[key(item)] = item;
        }, cancellationToken);
        return result;
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<T>>> GroupedAsync<T>(
        IReadOnlyCollection<Guid> ids, string sql, Action<SqliteCommand>? bind, Func<SqliteDataReader, T> read, Func<T, Guid> key,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, List<T>>(ids.Count);
        await ForEachRowAsync(ids, sql, bind, reader =>
        {
            var item = read(reader);
            var owner = key(item);
            if (!result.TryGetValue(owner, out var list))
            {
                result[owner] = list = [];
            }

            list.Add(item);
        }, cancellationToken);
        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<T>)p.Value);
    }

    /// <summary>One round-trip for a batch of ids, bound as a JSON array ($ids).</summary>
    private async Task ForEachRowAsync(
        IReadOnlyCollection<Guid> ids, string sql, Action<SqliteCommand>? bind, Action<SqliteDataReader> onRow, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.With("$ids", JsonIds(ids));
        bind?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onRow(reader);
        }
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GroupedPairsAsync(IReadOnlyCollection<Guid> ids, string sql, CancellationToken cancellationToken)
    {
        var grouped = await GroupedAsync(ids, sql, null, r => (Owner: r.GetId(0), Item: r.GetId(1)), pair => pair.Owner, cancellationToken);
        return grouped.ToDictionary(p => p.Key, p => (IReadOnlyList<Guid>)[.. p.Value.Select(x => x.Item)]);
    }

    private async Task<Page<T>> PageAsync<T>(
        string fromWhere, string select, string orderBy, Action<SqliteCommand>? bind, Func<SqliteDataReader, T> read, PageRequest page,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) {fromWhere}; {select} {fromWhere} {orderBy} LIMIT $limit OFFSET $offset;";
        bind?.Invoke(command);
        command.With("$limit", page.Limit).With("$offset", page.Offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>(page.Limit);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return new Page<T>(items, total, page.Offset);
    }
}
