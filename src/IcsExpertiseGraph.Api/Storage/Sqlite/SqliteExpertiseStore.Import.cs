using IcsExpertiseGraph.Api.Domain;
using Microsoft.Data.Sqlite;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's a whole network written in one transaction (the seed verb), replacing an existing one only when asked.</summary>
public sealed partial class SqliteExpertiseStore
{
    private const int ProgressEvery = 10_000;

    // Children before parents, so foreign keys hold at every step of a replacement. The audit trail goes with the
    // network it describes: a replacement that brings back the same ids (the same seed) must not inherit old events.
    private static readonly string[] TablesInDeleteOrder =
    [
        "outbox_message", "invitation", "join_request", "audit_event", "person_text", "endorsed", "contributed_to", "used_method", "project", "has_skill", "works_at", "person",
        "skill_alias", "skill", "organisation_serves_place", "organisation", "place", "integrated_care_system",
    ];

    public async Task ImportAsync(NetworkSnapshot network, bool replaceExisting, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction(deferred: false);
            var import = new Import(connection, transaction, progress, cancellationToken);
            if (replaceExisting)
            {
                foreach (var table in TablesInDeleteOrder)
                {
                    import.Execute($"DELETE FROM {table}");
                }
            }
            else if (import.Scalar("SELECT (SELECT count(*) FROM integrated_care_system) + (SELECT count(*) FROM person)") > 0)
            {
                throw new InvalidOperationException(ErrorTexts.StoreHoldsNetwork);
            }

            import.Write(network);
            // Every read model rebuilds for a new network; the feed before it describes a network that is gone.
            import.Execute("UPDATE change_sequence SET value = value + 1 WHERE id = 1");
            import.Execute("INSERT INTO change_log (sequence, kind, id) SELECT value, 'NETWORK', '00000000-0000-0000-0000-000000000000' FROM change_sequence WHERE id = 1");
            transaction.Commit();
        }
        finally
        {
            writeGate.Release();
        }

        // Fresh statistics let the planner pick the skill and employment indexes for filtered searches.
        await using var maintenance = await connections.OpenAsync(cancellationToken);
        using var analyse = maintenance.CreateCommand();
        analyse.CommandText = "ANALYZE; INSERT INTO person_text(person_text) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);";
        await analyse.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One import inside one transaction; integer keys are assigned here and never leave the adapter.</summary>
    private sealed class Import(SqliteConnection connection, SqliteTransaction transaction, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        private readonly Dictionary<Guid, long> icsKeys = [];
        private readonly Dictionary<Guid, long> placeKeys = [];
        private readonly Dictionary<Guid, long> organisationKeys = [];
        private readonly Dictionary<Guid, long> skillKeys = [];
        private readonly Dictionary<Guid, long> personKeys = [];
        private readonly Dictionary<Guid, long> projectKeys = [];

        public void Execute(string sql)
        {
            using var command = Command(sql);
            command.ExecuteNonQuery();
        }

        public long Scalar(string sql)
        {
            using var command = Command(sql);
            return (long)command.ExecuteScalar()!;
        }

        public void Write(NetworkSnapshot n)
        {
            AssignKeys(n.IntegratedCareSystems, i => i.Id, icsKeys);
            AssignKeys(n.Places, p => p.Id, placeKeys);
            AssignKeys(n.Organisations, o => o.Id, organisationKeys);
            AssignKeys(n.Skills, s => s.Id, skillKeys);
            AssignKeys(n.People, p => p.Id, personKeys);
            AssignKeys(n.Projects, p => p.Id, projectKeys);

            Rows("integrated care systems", n.IntegratedCareSystems,
                "INSERT INTO integrated_care_system (pk, id, ods_code, name, nhs_region, valid_from, valid_to, successor_pk) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                i => [icsKeys[i.Id], Id(i.Id), i.OdsCode, i.Name, i.NhsRegion, Date(i.ValidFrom), Date(i.ValidTo), Key(icsKeys, i.SuccessorId, "successor")]);
            Rows("places", n.Places, "INSERT INTO place (pk, id, ics_pk, name) VALUES ($1, $2, $3, $4)",
                p => [placeKeys[p.Id], Id(p.Id), Key(icsKeys, p.IntegratedCareSystemId, "place ICS"), p.Name]);
            Rows("organisations", n.Organisations, "INSERT INTO organisation (pk, id, ods_code, name, type, ics_pk) VALUES ($1, $2, $3, $4, $5, $6)",
                o => [organisationKeys[o.Id], Id(o.Id), Text(o.OdsCode), o.Name, EnumText.Name(o.Type), Key(icsKeys, o.IntegratedCareSystemId, "organisation ICS")]);
            Rows("places served", n.OrganisationPlaces, "INSERT INTO organisation_serves_place (organisation_pk, place_pk) VALUES ($1, $2)",
                s => [Key(organisationKeys, s.OrganisationId, "organisation"), Key(placeKeys, s.PlaceId, "place")]);

            // Broader links may point forward in the list, so they are set once every skill exists.
            Rows("skills", n.Skills, "INSERT INTO skill (pk, id, key, name, description, domain) VALUES ($1, $2, $3, $4, $5, $6)",
                s => [skillKeys[s.Id], Id(s.Id), s.Key, s.Name, Text(s.Description), EnumText.Name(s.Domain)]);
            Rows("skill taxonomy", n.Skills.Where(s => s.BroaderId is not null).ToList(), "UPDATE skill SET broader_pk = $2 WHERE pk = $1",
                s => [skillKeys[s.Id], Key(skillKeys, s.BroaderId, "broader skill")]);
            Rows("skill aliases", n.Skills.SelectMany(s => s.Aliases.Select(a => (s.Id, Alias: a))).ToList(),
                "INSERT INTO skill_alias (skill_pk, alias) VALUES ($1, $2)", a => [skillKeys[a.Id], a.Alias]);

            Rows("people", n.People, """
                INSERT INTO person (pk, id, display_name, headline, bio, email, orcid, visibility, availability_status, hours_per_month,
                    open_to_cross_organisation, availability_terms, last_confirmed_at, external_id, version, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                """,
                p => [personKeys[p.Id], Id(p.Id), p.DisplayName, Text(p.Headline), Text(p.Bio), Text(p.Email), Text(p.Orcid),
                    EnumText.Name(p.Visibility), EnumText.Name(p.Availability.Status), Int(p.Availability.HoursPerMonth),
                    p.Availability.OpenToCrossOrganisation ? 1 : 0, Text(p.Availability.Terms), Timestamp(p.LastConfirmedAt), Text(p.ExternalId),
                    p.Version, Timestamp(p.CreatedAt), Timestamp(p.UpdatedAt)]);
            Rows("employments", n.Employments, "INSERT INTO works_at (person_pk, organisation_pk, role, since, until, is_primary) VALUES ($1, $2, $3, $4, $5, $6)",
                e => [Key(personKeys, e.PersonId, "employee"), Key(organisationKeys, e.OrganisationId, "employer"), Text(e.Role), Date(e.Since), Date(e.Until), e.Primary ? 1 : 0]);
            Rows("person skills", n.PersonSkills, "INSERT INTO has_skill (person_pk, skill_pk, level, evidence, years, verified, since) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                s => [Key(personKeys, s.PersonId, "skill holder"), Key(skillKeys, s.SkillId, "skill"), (int)s.Level,
                    s.Evidence is { } e ? EnumText.Name(e) : DBNull.Value, Int(s.Years), s.Verified ? 1 : 0, Date(s.Since)]);
            WritePersonText(n);

            Rows("projects", n.Projects, """
                INSERT INTO project (pk, id, title, aim, status, start_date, end_date, outcome_summary, host_organisation_pk)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """,
                p => [projectKeys[p.Id], Id(p.Id), p.Title, Text(p.Aim), EnumText.Name(p.Status), Date(p.StartDate), Date(p.EndDate),
                    Text(p.OutcomeSummary), Key(organisationKeys, p.HostOrganisationId, "host organisation")]);
            Rows("project methods", n.ProjectMethods, "INSERT INTO used_method (project_pk, skill_pk) VALUES ($1, $2)",
                m => [Key(projectKeys, m.ProjectId, "project"), Key(skillKeys, m.SkillId, "method")]);
            Rows("contributions", n.Contributions, "INSERT INTO contributed_to (person_pk, project_pk, role, from_date, to_date) VALUES ($1, $2, $3, $4, $5)",
                c => [Key(personKeys, c.PersonId, "contributor"), Key(projectKeys, c.ProjectId, "project"), EnumText.Name(c.Role), Date(c.From), Date(c.To)]);
            Rows("endorsements", n.Endorsements, "INSERT INTO endorsed (endorser_pk, endorsee_pk, skill_pk, at) VALUES ($1, $2, $3, $4)",
                e => [Key(personKeys, e.EndorserId, "endorser"), Key(personKeys, e.EndorseeId, "endorsee"), Key(skillKeys, e.SkillId, "endorsed skill"), Timestamp(e.At)]);
            // Invitations name people, the ICS, skills and the project by public id (as live ones do); the keys only check they are part of the network.
            Rows("invitations", n.InvitationHistory, """
                INSERT INTO invitation (id, inviter_id, invitee_id, ics_id, purpose, skill_ids, hours_requested, message, respond_by, status, sent_at,
                    responded_at, response_message, project_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                """,
                v => [Id(v.Id), Reference(personKeys, v.InviterId, "inviter"), Reference(personKeys, v.InviteeId, "invitee"),
                    Reference(icsKeys, v.IntegratedCareSystemId, "invitation ICS"), v.Purpose, JsonIds(v.SkillIds.Select(s => Guid.Parse(Reference(skillKeys, s, "invited skill")))),
                    v.HoursRequested, Text(v.Message), Timestamp(v.RespondBy), EnumText.Name(v.Status), Timestamp(v.SentAt), Timestamp(v.RespondedAt),
                    Text(v.ResponseMessage), v.ProjectId is { } project ? Reference(projectKeys, project, "project an invitation led to") : DBNull.Value]);
        }

        private void WritePersonText(NetworkSnapshot n)
        {
            var skillText = n.Skills.ToDictionary(s => s.Id, s => string.Join(' ', [s.Name, .. s.Aliases]));
            var skillsByPerson = n.PersonSkills.ToLookup(s => s.PersonId, s => skillText[s.SkillId]);
            Rows("search text", n.People, "INSERT INTO person_text (rowid, display_name, headline, bio, skills) VALUES ($1, $2, $3, $4, $5)",
                p => [personKeys[p.Id], p.DisplayName, Text(p.Headline), Text(p.Bio), string.Join(" | ", skillsByPerson[p.Id])]);
        }

        private static void AssignKeys<T>(IReadOnlyList<T> items, Func<T, Guid> id, Dictionary<Guid, long> keys)
        {
            foreach (var item in items)
            {
                if (!keys.TryAdd(id(item), keys.Count + 1))
                {
                    throw new InvalidOperationException($"Duplicate id {id(item)} in the {typeof(T).Name} list.");
                }
            }
        }

        /// <summary>The public id of something the import holds (for rows that refer by id, not by key).</summary>
        private static string Reference(Dictionary<Guid, long> keys, Guid id, string what) =>
            keys.ContainsKey(id) ? Id(id) : throw new InvalidOperationException($"The {what} {id} is not part of the imported network.");

        private static object Key(Dictionary<Guid, long> keys, Guid? id, string what) =>
            id is null ? DBNull.Value
            : keys.TryGetValue(id.Value, out var key) ? key
            : throw new InvalidOperationException($"The {what} {id} is not part of the imported network.");

        private void Rows<T>(string stage, IReadOnlyList<T> rows, string sql, Func<T, object?[]> values)
        {
            using var command = Command(sql);
            var parameterCount = sql.Count(c => c == '$');
            var parameters = Enumerable.Range(1, parameterCount).Select(i => command.Parameters.Add(new SqliteParameter { ParameterName = $"${i}" })).ToArray();
            command.Prepare();
            for (var row = 0; row < rows.Count; row++)
            {
                var rowValues = values(rows[row]);
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = rowValues[i] ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
                if ((row + 1) % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(stage, row + 1, rows.Count));
                }
            }

            progress?.Report(new ImportProgress(stage, rows.Count, rows.Count));
        }

        private SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }
    }
}
