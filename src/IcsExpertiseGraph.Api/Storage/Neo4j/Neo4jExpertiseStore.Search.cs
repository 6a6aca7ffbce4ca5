using System.Text;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

public sealed partial class Neo4jExpertiseStore
{
    /// <summary>
    /// Per-field boosts in the full-text query, as the embedded store weights its columns: a skill or headline hit says
    /// more about expertise than a passing mention in a bio.
    /// </summary>
    private static readonly (string Field, double Boost)[] TextFields = [("skillText", 8), ("headline", 6), ("displayName", 4), ("bio", 1)];

    /// <summary>
    /// Squashes Lucene's score into 0..1. Prefix queries score a constant per matching clause (times its boost), so one
    /// word found in a bio scores about 1 and counts half; more words and better fields score higher.
    /// </summary>
    private const double TextHalfPoint = 1.0;

    public async Task<IReadOnlyList<ExpertCandidate>> FindExpertCandidatesAsync(ExpertCriteria criteria, Viewer viewer, CancellationToken cancellationToken)
    {
        var result = await ReadAsync("find-expert-candidates", cancellationToken,
        [
            ("textQuery", FullTextQuery(criteria.Terms) is { Length: > 0 } text ? text : null),
            ("conceptIds", Ids(criteria.ConceptSkillIds)),
            ("everyone", criteria.MatchesEveryone),
            ("skillIds", Ids(criteria.SkillIds)),
            ("minLevel", (int)(criteria.MinLevel ?? SkillLevel.Awareness)),
            // A level on its own asks for a skill that deep among the query's skills (or any skill, if it names none).
            ("levelOnly", criteria.MinLevel is not null && criteria.SkillIds.Count == 0 && criteria.Domains.Count == 0),
            ("domains", Names(criteria.Domains)),
            ("icsIds", Ids(criteria.IntegratedCareSystemIds)),
            ("placeIds", Ids(criteria.PlaceIds)),
            ("orgTypes", Names(criteria.OrganisationTypes)),
            ("availableOnly", criteria.AvailableOnly),
            ("openToCrossOrganisation", criteria.OpenToCrossOrganisation),
            ("today", Today()),
            .. ViewerParameters(viewer),
        ]);
        return [.. Neo4jRecord.All(result).Select(r =>
        {
            var score = r.Double("score");
            return new ExpertCandidate(r.Id("id"), score <= 0 ? 0 : score / (score + TextHalfPoint), [.. r.Maps("skills").Select(Neo4jMapping.Holding)],
                [.. r.List("organisationIds").Select(o => Guid.Parse(o.GetString()!)).Distinct()], r.TimestampOrNull("lastConfirmedAt"),
                r.Enum<AvailabilityStatus>("availabilityStatus"), r.Bool("openToCrossOrganisation"));
        }).OrderBy(c => c.PersonId)];
    }

    public Task<SearchSource> LoadSearchSourceAsync(CancellationToken cancellationToken) =>
        client.InTransactionAsync(async transaction =>
        {
            // The sequence is read first, so the rows are at least as new as it says; a write that lands meanwhile bumps
            // it again and the read model reloads.
            var read = new Neo4jWork(transaction, cypher, cancellationToken);
            var sequence = (await read.FirstAsync("read-change-sequence"))!.Value.Long("value");
            var people = Neo4jRecord.All(await read.RunAsync("all-people")).Select(r => new SearchSource.PersonRow(
                r.Id("id"), r.Text("displayName"), r.TextOrNull("headline"), r.TextOrNull("bio"), r.Enum<Visibility>("visibility"),
                r.Enum<AvailabilityStatus>("availabilityStatus"), r.Bool("openToCrossOrganisation"), r.TimestampOrNull("lastConfirmedAt"))).ToList();
            var holdings = Neo4jRecord.All(await read.RunAsync("all-holdings"))
                .Select(r => new SearchSource.HoldingRow(r.Id("personId"), Neo4jMapping.Holding(r))).ToList();
            var employments = await CurrentEmploymentsAsync(read);
            var organisations = Neo4jRecord.All(await read.RunAsync("all-organisations")).Select(Neo4jMapping.Organisation).ToList();
            var served = Neo4jRecord.All(await read.RunAsync("all-places-served")).Select(r => (r.Id("organisationId"), r.Id("placeId"))).ToList();
            return new SearchSource(sequence, people, holdings, employments, organisations, served);
        }, cancellationToken, options.LongRequestTimeout);

    public Task<CollaborationSource> LoadCollaborationSourceAsync(CancellationToken cancellationToken) =>
        client.InTransactionAsync(async transaction =>
        {
            var read = new Neo4jWork(transaction, cypher, cancellationToken);
            var sequence = (await read.FirstAsync("read-change-sequence"))!.Value.Long("value");
            var people = Neo4jRecord.All(await read.RunAsync("all-people")).Select(r => (r.Id("id"), r.Enum<Visibility>("visibility"))).ToList();
            var organisations = Neo4jRecord.All(await read.RunAsync("all-organisations")).Select(r => (r.Id("id"), r.IdOrNull("integratedCareSystemId"))).ToList();
            // One organisation per person: the primary current employer, else the first current one (they come primary first).
            var seen = new HashSet<Guid>();
            var primary = (await CurrentEmploymentsAsync(read)).Where(e => seen.Add(e.PersonId)).ToList();
            var projects = Neo4jRecord.All(await read.RunAsync("all-projects")).Select(r => (r.Id("id"), r.DateOrNull("lastActive"))).ToList();
            var contributions = Neo4jRecord.All(await read.RunAsync("all-contributions")).Select(r => (r.Id("personId"), r.Id("projectId"))).ToList();
            return new CollaborationSource(sequence, people, organisations, primary, projects, contributions);
        }, cancellationToken, options.LongRequestTimeout);

    private static async Task<List<(Guid PersonId, Guid OrganisationId)>> CurrentEmploymentsAsync(Neo4jWork read) =>
        [.. Neo4jRecord.All(await read.RunAsync("all-current-employments", ("today", Today()))).Select(r => (r.Id("personId"), r.Id("organisationId")))];

    /// <summary>
    /// Lucene syntax from normalised terms: each term cut into the letter-and-digit words the index's analyser makes
    /// (so punctuation never sits inside a prefix, and no Lucene syntax character can get through), each word
    /// prefix-matched in every field with its boost; any word may match, and people who match more of them, in better
    /// fields, score higher. Lower-case and/or/not are plain words to Lucene.
    /// </summary>
    internal static string FullTextQuery(IReadOnlyList<string> terms)
    {
        var query = new StringBuilder();
        foreach (var word in terms.SelectMany(Experts.SearchText.Words).Distinct(StringComparer.Ordinal))
        {
            foreach (var (field, boost) in TextFields)
            {
                query.Append(query.Length == 0 ? "" : " OR ").Append(field).Append(':').Append(word).Append("*^")
                    .Append(boost.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return query.ToString();
    }
}
