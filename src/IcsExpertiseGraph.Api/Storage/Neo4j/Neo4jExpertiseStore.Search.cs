using System.Text;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's search: the candidates of a query (text match and filters) and the search index's source.</summary>
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
            ("textQuery", FullTextQuery(criteria.Terms, criteria.Phrases) is { Length: > 0 } text ? text : null),
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

    public Task<SearchSource> LoadSearchSourceAsync(CancellationToken cancellationToken) => LoadSearchSourceAsync(SourceScope.Everything, cancellationToken);

    public Task<SearchSource> LoadSearchSourceAsync(SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return client.InTransactionAsync(async transaction =>
        {
            // The sequence is read first, so the rows are at least as new as it says; a write that lands meanwhile bumps
            // it again and the read model reads again. A scope (what a batch of changes names) reads just its rows.
            var read = new Neo4jWork(transaction, cypher, cancellationToken);
            var sequence = (await read.FirstAsync("read-change-sequence"))!.Value.Long("value");
            var people = Neo4jRecord.All(await PartAsync(read, "all-people", "scoped-people", scope.People)).Select(r => new SearchSource.PersonRow(
                r.Id("id"), r.Text("displayName"), r.TextOrNull("headline"), r.TextOrNull("bio"), r.Enum<Visibility>("visibility"),
                r.Enum<AvailabilityStatus>("availabilityStatus"), r.Bool("openToCrossOrganisation"), r.TimestampOrNull("lastConfirmedAt"))).ToList();
            var holdings = Neo4jRecord.All(await PartAsync(read, "all-holdings", "scoped-holdings", scope.People))
                .Select(r => new SearchSource.HoldingRow(r.Id("personId"), Neo4jMapping.Holding(r))).ToList();
            var employments = await CurrentEmploymentsAsync(read, scope);
            var organisations = Neo4jRecord.All(await PartAsync(read, "all-organisations", "scoped-organisations", scope.Organisations)).Select(Neo4jMapping.Organisation).ToList();
            var served = Neo4jRecord.All(await PartAsync(read, "all-places-served", "scoped-places-served", scope.Organisations))
                .Select(r => (r.Id("organisationId"), r.Id("placeId"))).ToList();
            return new SearchSource(sequence, people, holdings, employments, organisations, served);
        }, cancellationToken, options.LongRequestTimeout);
    }

    /// <summary>
    /// A part of a read model's source: the whole of it (the all- statement) when the scope leaves that kind whole (null),
    /// else the rows of the ids it names (the scoped- statement, an index seek per id).
    /// </summary>
    private static Task<Neo4jResult> PartAsync(Neo4jWork read, string whole, string scoped, IReadOnlySet<Guid>? ids, params (string Name, object? Value)[] parameters) =>
        ids is null ? read.RunAsync(whole, parameters) : read.RunAsync(scoped, [("ids", Ids(ids)), .. parameters]);

    private static async Task<List<(Guid PersonId, Guid OrganisationId)>> CurrentEmploymentsAsync(Neo4jWork read, SourceScope scope) =>
        [.. Neo4jRecord.All(await PartAsync(read, "all-current-employments", "scoped-current-employments", scope.People, ("today", Today())))
            .Select(r => (r.Id("personId"), r.Id("organisationId")))];

    /// <summary>
    /// Lucene syntax from normalised terms: each term cut into the letter-and-digit words the index's analyser makes
    /// (so punctuation never sits inside a prefix, and no Lucene syntax character can get through), each word
    /// prefix-matched in every field with its boost; any word may match, and people who match more of them, in better
    /// fields, score higher. Lower-case and/or/not are plain words to Lucene.
    /// </summary>
    internal static string FullTextQuery(IReadOnlyList<string> terms, IReadOnlyList<IReadOnlyList<string>>? phrases = null)
    {
        var query = new StringBuilder();
        foreach (var word in terms.SelectMany(Experts.SearchText.Words).Distinct(StringComparer.Ordinal))
        {
            query.Append(query.Length == 0 ? "" : " OR ").Append(InAnyField(word));
        }

        // The words of a skill name typed match only all together: each in any field, all of them required.
        foreach (var phrase in phrases ?? [])
        {
            var words = phrase.SelectMany(Experts.SearchText.Words).Distinct(StringComparer.Ordinal).ToList();
            if (words.Count > 0)
            {
                query.Append(query.Length == 0 ? "" : " OR ").Append('(').AppendJoin(" AND ", words.Select(w => "(" + InAnyField(w) + ")")).Append(')');
            }
        }

        return query.ToString();
    }

    private static string InAnyField(string word) => string.Join(" OR ", TextFields.Select(f =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Item1}:{word}*^{f.Item2}")));
}
