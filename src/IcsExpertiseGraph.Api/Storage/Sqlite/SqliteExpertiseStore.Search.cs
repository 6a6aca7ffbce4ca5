using System.Globalization;
using System.Text;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

public sealed partial class SqliteExpertiseStore
{
    // Column weights for bm25 over (display_name, headline, bio, skills): a skill or headline hit says more
    // about expertise than a passing mention in a bio.
    private const string TextRank = "-bm25(person_text, 4.0, 6.0, 1.0, 8.0)";

    public async Task<IReadOnlyList<ExpertCandidate>> FindExpertCandidatesAsync(ExpertCriteria criteria, Viewer viewer, CancellationToken cancellationToken)
    {
        var hasText = criteria.Terms.Count > 0;
        var sql = new StringBuilder("WITH candidate AS (SELECT p.pk, p.id, ");
        sql.Append(hasText ? "t.rank" : "0.0").Append(" AS rank FROM person p ");
        if (hasText)
        {
            sql.Append($"JOIN (SELECT rowid, {TextRank} AS rank FROM person_text WHERE person_text MATCH $match) t ON t.rowid = p.pk ");
        }

        sql.Append($"WHERE {VisibleToViewer} ");
        var levelFloor = (int)(criteria.MinLevel ?? SkillLevel.Awareness);
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
            // A level on its own asks for people with at least one skill that deep (among the text's skills, if any).
            sql.Append(criteria.RelevantSkillIds.Count > 0
                ? """
                  AND EXISTS (SELECT 1 FROM has_skill hs WHERE hs.person_pk = p.pk AND hs.level >= $minLevel
                              AND hs.skill_pk IN (SELECT pk FROM skill WHERE id IN (SELECT value FROM json_each($relevant))))
                  """
                : " AND EXISTS (SELECT 1 FROM has_skill hs WHERE hs.person_pk = p.pk AND hs.level >= $minLevel) ");
        }

        var filtersOrganisation = criteria.IntegratedCareSystemIds.Count > 0 || criteria.PlaceIds.Count > 0 || criteria.OrganisationTypes.Count > 0;
        if (filtersOrganisation)
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

        sql.Append("""
            )
            SELECT c.id, c.rank, s.id, hs.level, hs.verified
            FROM candidate c
            LEFT JOIN has_skill hs ON hs.person_pk = c.pk AND hs.skill_pk IN (SELECT pk FROM skill WHERE id IN (SELECT value FROM json_each($relevant)))
            LEFT JOIN skill s ON s.pk = hs.skill_pk
            ORDER BY c.pk
            """);

        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        WithViewer(command, viewer)
            .With("$match", hasText ? FullTextQuery(criteria.Terms) : DBNull.Value)
            .With("$minLevel", levelFloor)
            .With("$skillIds", JsonIds(criteria.SkillIds))
            .With("$domains", JsonEnums(criteria.Domains))
            .With("$icsIds", JsonIds(criteria.IntegratedCareSystemIds))
            .With("$placeIds", JsonIds(criteria.PlaceIds))
            .With("$orgTypes", JsonEnums(criteria.OrganisationTypes))
            .With("$relevant", JsonIds(criteria.RelevantSkillIds))
            .With("$today", DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var candidates = new List<ExpertCandidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Guid? current = null;
        double rank = 0;
        List<CandidateSkill> skills = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetId(0);
            if (id != current)
            {
                if (current is { } done)
                {
                    candidates.Add(new ExpertCandidate(done, rank, skills));
                }

                current = id;
                rank = reader.GetDouble(1);
                skills = [];
            }

            if (!reader.IsDBNull(2))
            {
                skills.Add(new CandidateSkill(reader.GetId(2), (SkillLevel)reader.GetInt32(3), reader.GetInt64(4) == 1));
            }
        }

        if (current is { } last)
        {
            candidates.Add(new ExpertCandidate(last, rank, skills));
        }

        return candidates;
    }

    /// <summary>
    /// FTS5 syntax from normalised terms: each term quoted (so no user text is ever read as FTS syntax)
    /// and prefix-matched, any term may match; bm25 rewards people who match more of them.
    /// </summary>
    private static string FullTextQuery(IReadOnlyList<string> terms) =>
        string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
}
