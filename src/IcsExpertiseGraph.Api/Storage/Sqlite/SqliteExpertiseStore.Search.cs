using System.Globalization;
using System.Text;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using Microsoft.Data.Sqlite;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's search: the candidates of a query (text match and filters) and the search index's source.</summary>
public sealed partial class SqliteExpertiseStore
{
    // Column weights for bm25 over (display_name, headline, bio, skills): a skill or headline hit says more
    // about expertise than a passing mention in a bio.
    private const string TextRank = "-bm25(person_text, 4.0, 6.0, 1.0, 8.0)";

    /// <summary>Squashes bm25 (0..~30 here) into 0..1; at 5 a match counts half.</summary>
    private const double TextHalfPoint = 5.0;

    // A holding with its endorsements and the projects the holder contributed to that used the skill.
    private const string HoldingColumns = """
        s.id, hs.level, hs.evidence, hs.verified,
        (SELECT count(*) FROM endorsed e WHERE e.endorsee_pk = hs.person_pk AND e.skill_pk = hs.skill_pk),
        (SELECT count(*) FROM contributed_to ct JOIN used_method um ON um.project_pk = ct.project_pk
         WHERE ct.person_pk = hs.person_pk AND um.skill_pk = hs.skill_pk)
        """;

    public async Task<IReadOnlyList<ExpertCandidate>> FindExpertCandidatesAsync(ExpertCriteria criteria, Viewer viewer, CancellationToken cancellationToken)
    {
        var hasText = criteria.Terms.Count > 0 || criteria.Phrases.Count > 0;
        var sql = new StringBuilder("WITH candidate AS (SELECT p.pk, p.id, p.last_confirmed_at, p.availability_status, p.open_to_cross_organisation, ");
        sql.Append(hasText ? "coalesce(t.rank, 0.0)" : "0.0").Append(" AS rank FROM person p ");
        if (hasText)
        {
            sql.Append($"LEFT JOIN (SELECT rowid, {TextRank} AS rank FROM person_text WHERE person_text MATCH $match) t ON t.rowid = p.pk ");
        }

        sql.Append($"WHERE {VisibleToViewer} ");
        if (!criteria.MatchesEveryone)
        {
            sql.Append(" AND (").Append(hasText ? "t.rowid IS NOT NULL" : "0");
            if (criteria.ConceptSkillIds.Count > 0)
            {
                sql.Append(" OR EXISTS (SELECT 1 FROM has_skill hs WHERE hs.person_pk = p.pk AND hs.skill_pk IN (SELECT pk FROM skill WHERE id IN (SELECT value FROM json_each($concepts))))");
            }

            sql.Append(") ");
        }

        AppendFilters(sql, criteria);
        sql.Append($"""
            )
            SELECT c.id, c.rank, c.last_confirmed_at, c.availability_status, c.open_to_cross_organisation,
                   (SELECT json_group_array(id) FROM (SELECT o.id FROM works_at w JOIN organisation o ON o.pk = w.organisation_pk
                    WHERE w.person_pk = c.pk AND (w.until IS NULL OR w.until >= $today) ORDER BY w.is_primary DESC, w.since IS NULL, w.since DESC, o.id)),
                   {HoldingColumns}
            FROM candidate c
            LEFT JOIN has_skill hs ON hs.person_pk = c.pk
            LEFT JOIN skill s ON s.pk = hs.skill_pk
            ORDER BY c.pk
            """);

        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        WithViewer(command, viewer)
            .With("$match", hasText ? FullTextQuery(criteria.Terms, criteria.Phrases) : DBNull.Value)
            .With("$concepts", JsonIds(criteria.ConceptSkillIds))
            .With("$minLevel", (int)(criteria.MinLevel ?? SkillLevel.Awareness))
            .With("$skillIds", JsonIds(criteria.SkillIds))
            .With("$domains", JsonEnums(criteria.Domains))
            .With("$icsIds", JsonIds(criteria.IntegratedCareSystemIds))
            .With("$placeIds", JsonIds(criteria.PlaceIds))
            .With("$orgTypes", JsonEnums(criteria.OrganisationTypes))
            .With("$today", Today());

        var candidates = new List<ExpertCandidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        ExpertCandidate? current = null;
        List<CandidateSkill> skills = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetId(0);
            if (id != current?.PersonId)
            {
                if (current is not null)
                {
                    candidates.Add(current);
                }

                var rank = reader.GetDouble(1);
                skills = [];
                var employers = System.Text.Json.JsonSerializer.Deserialize<Guid[]>(reader.GetString(5)) ?? [];
                current = new ExpertCandidate(id, rank <= 0 ? 0 : rank / (rank + TextHalfPoint), skills, employers.Distinct().ToList(),
                    reader.GetTimestampOrNull(2), reader.GetEnum<AvailabilityStatus>(3), reader.GetInt64(4) == 1);
            }

            if (!reader.IsDBNull(6))
            {
                skills.Add(ReadHolding(reader, 6));
            }
        }

        if (current is not null)
        {
            candidates.Add(current);
        }

        return candidates;
    }

    public Task<SearchSource> LoadSearchSourceAsync(CancellationToken cancellationToken) => LoadSearchSourceAsync(SourceScope.Everything, cancellationToken);

    public async Task<SearchSource> LoadSearchSourceAsync(SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One read transaction: a snapshot of the WAL, consistent with the sequence it reports. Rows are read
        // by integer key and joined here, not in SQL: a million relationships at 100k people read in about a second.
        // A scope (the people and organisations a batch of changes names) reads just their rows, by the same queries.
        using var transaction = connection.BeginTransaction(deferred: true);
        var sequence = await ReadSequenceAsync(connection, transaction, cancellationToken);
        var parameters = ScopeParameters(scope);

        var people = new List<SearchSource.PersonRow>();
        var personIds = new Dictionary<long, Guid>();
        await ReadAsync(connection, transaction,
            $"SELECT pk, id, display_name, headline, bio, visibility, availability_status, open_to_cross_organisation, last_confirmed_at FROM person WHERE {PeopleIn(scope, "pk")} ORDER BY pk",
            r =>
            {
                var row = new SearchSource.PersonRow(r.GetId(1), r.GetString(2), r.GetTextOrNull(3), r.GetTextOrNull(4), r.GetEnum<Visibility>(5),
                    r.GetEnum<AvailabilityStatus>(6), r.GetInt64(7) == 1, r.GetTimestampOrNull(8));
                people.Add(row);
                personIds[r.GetInt64(0)] = row.Id;
            },
            cancellationToken, parameters);

        var skillIds = new Dictionary<long, Guid>();
        await ReadAsync(connection, transaction, "SELECT pk, id FROM skill", r => skillIds[r.GetInt64(0)] = r.GetId(1), cancellationToken);
        // Counts per (person, skill) under one long key: a tuple key hashes several times slower, and a million people
        // hold several million skills.
        var endorsements = new Dictionary<long, int>();
        await ReadAsync(connection, transaction, $"SELECT endorsee_pk, skill_pk, count(*) FROM endorsed WHERE {PeopleIn(scope, "endorsee_pk")} GROUP BY endorsee_pk, skill_pk",
            r => endorsements[HoldingKey(r.GetInt64(0), r.GetInt64(1))] = r.GetInt32(2), cancellationToken, parameters);
        var projectUse = await CountProjectUseAsync(connection, transaction, scope, parameters, cancellationToken);

        // Most holdings are alike (the same skill at the same level with no endorsement or project use): identical
        // holdings share one immutable object, which keeps millions of small objects out of the index's heap.
        var shared = new Dictionary<CandidateSkill, CandidateSkill>();
        var holdings = new List<SearchSource.HoldingRow>();
        await ReadAsync(connection, transaction, $"SELECT person_pk, skill_pk, level, evidence, verified FROM has_skill WHERE {PeopleIn(scope, "person_pk")} ORDER BY person_pk, skill_pk",
            r =>
            {
                var key = HoldingKey(r.GetInt64(0), r.GetInt64(1));
                var holding = new CandidateSkill(
                    skillIds[r.GetInt64(1)], (SkillLevel)r.GetInt32(2), r.IsDBNull(3) ? null : r.GetEnum<SkillEvidence>(3), r.GetInt64(4) == 1,
                    endorsements.GetValueOrDefault(key), projectUse.GetValueOrDefault(key));
                if (!shared.TryGetValue(holding, out var same))
                {
                    shared[holding] = same = holding;
                }

                holdings.Add(new SearchSource.HoldingRow(personIds[r.GetInt64(0)], same));
            },
            cancellationToken, parameters);

        var organisations = new List<Organisation>();
        await ReadAsync(connection, transaction, $"SELECT o.pk, {OrganisationColumns} FROM organisation o WHERE {OrganisationsIn(scope, "o.pk")}", r =>
            organisations.Add(new Organisation(r.GetId(1), r.GetTextOrNull(2), r.GetString(3), r.GetEnum<OrganisationType>(4), r.GetIdOrNull(5))),
            cancellationToken, parameters);

        var employments = new List<(Guid, Guid)>();
        await ReadAsync(connection, transaction,
            CurrentEmploymentsInOrder.Replace("$scope", PeopleIn(scope, "w.person_pk"), StringComparison.Ordinal),
            r => employments.Add((personIds[r.GetInt64(0)], r.GetId(2))), cancellationToken, ScopeParameters(scope, ("$today", Today())));

        var served = new List<(Guid, Guid)>();
        await ReadAsync(connection, transaction, $"""
            SELECT o.id, pl.id FROM organisation_serves_place sp JOIN organisation o ON o.pk = sp.organisation_pk JOIN place pl ON pl.pk = sp.place_pk
            WHERE {OrganisationsIn(scope, "sp.organisation_pk")}
            """, r => served.Add((r.GetId(0), r.GetId(1))), cancellationToken, parameters);

        return new SearchSource(sequence, people, holdings, employments, organisations, served);
    }

    /// <summary>A person's holding of a skill as one number (both keys are SQLite rowids, far below 2^32).</summary>
    private static long HoldingKey(long personKey, long skillKey) => (personKey << 32) | skillKey;

    /// <summary>
    /// How many projects each person worked on that used each skill. Counted here from the two tables rather than by a
    /// join grouped in SQL: the join of a million people's contributions with their projects' methods makes millions of
    /// rows for SQLite to sort (four seconds of a cold start at 1M), while two plain reads and a count in memory take a
    /// fraction of that.
    /// </summary>
    private static async Task<Dictionary<long, int>> CountProjectUseAsync(
        SqliteConnection connection, SqliteTransaction transaction, SourceScope scope, (string, object)[] parameters, CancellationToken cancellationToken)
    {
        var methods = new Dictionary<long, List<long>>();
        await ReadAsync(connection, transaction, scope.People is null
                ? "SELECT project_pk, skill_pk FROM used_method"
                : $"SELECT project_pk, skill_pk FROM used_method WHERE project_pk IN (SELECT project_pk FROM contributed_to WHERE {PeopleIn(scope, "person_pk")})",
            r =>
            {
                var project = r.GetInt64(0);
                if (!methods.TryGetValue(project, out var skills))
                {
                    methods[project] = skills = new List<long>(4);
                }

                skills.Add(r.GetInt64(1));
            },
            cancellationToken, parameters);
        var counts = new Dictionary<long, int>();
        await ReadAsync(connection, transaction, $"SELECT person_pk, project_pk FROM contributed_to WHERE {PeopleIn(scope, "person_pk")}",
            r =>
            {
                if (methods.TryGetValue(r.GetInt64(1), out var skills))
                {
                    var person = r.GetInt64(0);
                    foreach (var skill in skills)
                    {
                        var key = HoldingKey(person, skill);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            },
            cancellationToken, parameters);
        return counts;
    }

    private static CandidateSkill ReadHolding(SqliteDataReader r, int first) => new(
        r.GetId(first), (SkillLevel)r.GetInt32(first + 1), r.IsDBNull(first + 2) ? null : r.GetEnum<SkillEvidence>(first + 2),
        r.GetInt64(first + 3) == 1, r.GetInt32(first + 4), r.GetInt32(first + 5));

    private static async Task ReadAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, Action<SqliteDataReader> onRow, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onRow(reader);
        }
    }

    private static void AppendFilters(StringBuilder sql, ExpertCriteria criteria)
    {
        if (criteria.SkillIds.Count > 0)
        {
            sql.Append("""
                AND EXISTS (SELECT 1 FROM has_skill hs WHERE hs.person_pk = p.pk AND hs.level >= $minLevel
                            AND hs.skill_pk IN (SELECT pk FROM skill WHERE id IN (SELECT value FROM json_each($skillIds))))
                """);
        }

        if (criteria.Domains.Count > 0)
        {
            sql.Append("""
                AND EXISTS (SELECT 1 FROM has_skill hs JOIN skill s ON s.pk = hs.skill_pk WHERE hs.person_pk = p.pk
                            AND hs.level >= $minLevel AND s.domain IN (SELECT value FROM json_each($domains)))
                """);
        }

        if (criteria.MinLevel is not null && criteria.SkillIds.Count == 0 && criteria.Domains.Count == 0)
        {
            // A level on its own asks for a skill that deep among the query's skills (or any skill, if it names none).
            sql.Append(criteria.ConceptSkillIds.Count > 0
                ? """
                  AND EXISTS (SELECT 1 FROM has_skill hs WHERE hs.person_pk = p.pk AND hs.level >= $minLevel
                              AND hs.skill_pk IN (SELECT pk FROM skill WHERE id IN (SELECT value FROM json_each($concepts))))
                  """
                : " AND EXISTS (SELECT 1 FROM has_skill hs WHERE hs.person_pk = p.pk AND hs.level >= $minLevel) ");
        }

        if (criteria.IntegratedCareSystemIds.Count > 0 || criteria.PlaceIds.Count > 0 || criteria.OrganisationTypes.Count > 0)
        {
            // One current employment must satisfy every organisation facet at once.
            sql.Append(" AND EXISTS (SELECT 1 FROM works_at w JOIN organisation o ON o.pk = w.organisation_pk WHERE w.person_pk = p.pk AND (w.until IS NULL OR w.until >= $today) ");
            if (criteria.IntegratedCareSystemIds.Count > 0)
            {
                sql.Append(" AND o.ics_pk IN (SELECT pk FROM integrated_care_system WHERE id IN (SELECT value FROM json_each($icsIds))) ");
            }

            if (criteria.OrganisationTypes.Count > 0)
            {
                sql.Append(" AND o.type IN (SELECT value FROM json_each($orgTypes)) ");
            }

            if (criteria.PlaceIds.Count > 0)
            {
                sql.Append(" AND EXISTS (SELECT 1 FROM organisation_serves_place sp WHERE sp.organisation_pk = o.pk AND sp.place_pk IN (SELECT pk FROM place WHERE id IN (SELECT value FROM json_each($placeIds)))) ");
            }

            sql.Append(')');
        }

        if (criteria.AvailableOnly)
        {
            sql.Append(" AND p.availability_status <> 'NOT_AVAILABLE' ");
        }

        if (criteria.OpenToCrossOrganisation is { } open)
        {
            sql.Append(" AND p.open_to_cross_organisation = ").Append(open ? '1' : '0').Append(' ');
        }
    }

    /// <summary>
    /// Every current employment, each person's in the order that picks their organisation: the primary post, then the
    /// most recently started, then by organisation id (both stores use this order).
    /// </summary>
    private const string CurrentEmploymentsInOrder = """
        SELECT w.person_pk, w.organisation_pk, o.id FROM works_at w JOIN organisation o ON o.pk = w.organisation_pk
        WHERE (w.until IS NULL OR w.until >= $today) AND $scope
        ORDER BY w.person_pk, w.is_primary DESC, w.since IS NULL, w.since DESC, o.id
        """;

    /// <summary>The date that decides whether an employment is current (ended posts have an until date before it).</summary>
    private static string Today() => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// FTS5 syntax from normalised terms: each term quoted (so no user text is ever read as FTS syntax)
    /// and prefix-matched, any term may match; bm25 rewards people who match more of them. The words of a skill name
    /// typed match only all together (each prefix-matched, joined by AND).
    /// </summary>
    private static string FullTextQuery(IReadOnlyList<string> terms, IReadOnlyList<IReadOnlyList<string>> phrases) =>
        string.Join(" OR ", terms.Select(Quoted).Concat(phrases.Select(p => "(" + string.Join(" AND ", p.Select(Quoted)) + ")")));

    private static string Quoted(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*";
}
