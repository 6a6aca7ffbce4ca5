using System.Globalization;
using IcsExpertiseGraph.Api.GraphQLApi;
using Microsoft.Data.Sqlite;

namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>One person as a text index sees them: the fields the service searches, the skills as their names and aliases.</summary>
public sealed record PersonText(string Id, string DisplayName, string Headline, string Bio, string Skills);

/// <summary>
/// What the search harness needs from the seeded database, read straight from the SQLite file the service serves
/// (read-only, beside the running service: WAL lets both read): the taxonomy the queries are made from, the ids of
/// people and ICSs as the API spells them, and the people themselves for the Lucene peer. Reading the file rather than
/// asking the API keeps the peer's documents exactly the service's data, not what one viewer is shown of it.
/// </summary>
public sealed class SeededNetwork(string databasePath)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    /// <summary>Every skill's name and aliases: the phrases people type for it.</summary>
    public IReadOnlyList<string> SkillPhrases() =>
        Strings("SELECT name FROM skill UNION ALL SELECT alias FROM skill_alias ORDER BY 1");

    /// <summary>The skills' descriptions: plain English about improvement work, the free text the queries draw words from.</summary>
    public IReadOnlyList<string> SkillDescriptions() =>
        Strings("SELECT description FROM skill WHERE description IS NOT NULL ORDER BY key");

    /// <summary>The quality domains the taxonomy uses (the ExpertFilter's domains values).</summary>
    public IReadOnlyList<string> Domains() => Strings("SELECT DISTINCT domain FROM skill ORDER BY 1");

    public IReadOnlyList<string> SystemIds() =>
        [.. Strings("SELECT id FROM integrated_care_system ORDER BY pk").Select(id => GlobalId.Encode("IntegratedCareSystem", Guid.Parse(id)))];

    /// <summary>People a network manager may see (not PRIVATE), in the order they were seeded.</summary>
    public IReadOnlyList<string> VisiblePersonIds() =>
        [.. Strings("SELECT id FROM person WHERE visibility <> 'PRIVATE' ORDER BY pk").Select(id => GlobalId.Encode("Person", Guid.Parse(id)))];

    /// <summary>
    /// The people a network manager's search may return (PUBLIC and NETWORK profiles: PRIVATE ones are only ever shown to
    /// themselves), with the names and aliases of the skills each holds.
    /// </summary>
    public IReadOnlyList<PersonText> VisiblePeople()
    {
        using var connection = Open();
        var skillText = new Dictionary<long, string>();
        using (var command = new SqliteCommand("SELECT s.pk, s.name || ' ' || COALESCE((SELECT group_concat(alias, ' ') FROM skill_alias a WHERE a.skill_pk = s.pk), '') FROM skill s", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                skillText[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        var people = new List<PersonText>();
        // Rows come ordered by person, so each person's skills are gathered as they pass.
        using (var command = new SqliteCommand("""
            SELECT p.id, p.display_name, COALESCE(p.headline, ''), COALESCE(p.bio, ''), h.skill_pk
            FROM person p LEFT JOIN has_skill h ON h.person_pk = p.pk
            WHERE p.visibility <> 'PRIVATE'
            ORDER BY p.pk
            """, connection))
        using (var reader = command.ExecuteReader())
        {
            PersonText? current = null;
            var skills = new List<string>();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (current?.Id != id)
                {
                    Flush();
                    current = new PersonText(id, reader.GetString(1), reader.GetString(2), reader.GetString(3), "");
                }

                if (!reader.IsDBNull(4))
                {
                    skills.Add(skillText[reader.GetInt64(4)]);
                }
            }

            Flush();

            void Flush()
            {
                if (current is not null)
                {
                    people.Add(current with { Skills = string.Join(' ', skills) });
                    skills.Clear();
                }
            }
        }

        return people;
    }

    private List<string> Strings(string sql)
    {
        using var connection = Open();
        using var command = new SqliteCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
