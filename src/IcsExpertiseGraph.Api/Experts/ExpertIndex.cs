using System.Collections.Frozen;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// The in-memory read model for search: one immutable snapshot of every person's searchable text, holdings,
/// current employers and availability, built from whichever store is configured. It answers the store's
/// candidate question (<see cref="IExpertiseStore.FindExpertCandidatesAsync"/>) with the same semantics, in
/// memory: text through an inverted index scored with BM25, skills through per-skill posting lists.
/// </summary>
public sealed class ExpertIndex
{
    // BM25 over name, headline, bio and skill names, weighted as the SQLite adapter weights its FTS columns.
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double TextHalfPoint = 5.0;
    private static readonly (int Weight, Func<SearchSource.PersonRow, string?> Field)[] TextFields =
        [(4, p => p.DisplayName), (6, p => p.Headline), (1, p => p.Bio)];
    private const int SkillTextWeight = 8;

    private readonly SearchSource.PersonRow[] people;
    private readonly CandidateSkill[][] holdings;
    private readonly Guid[][] employers;
    private readonly FrozenDictionary<Guid, int> positions;
    private readonly FrozenDictionary<Guid, int[]> holdersBySkill;
    private readonly FrozenDictionary<Guid, Organisation> organisations;
    private readonly FrozenDictionary<Guid, FrozenSet<Guid>> placesServed;
    private readonly FrozenDictionary<Guid, QualityDomain> skillDomains;
    private readonly FrozenDictionary<string, (int Person, float Frequency)[]> postings;
    private readonly string[] vocabulary;
    private readonly float[] documentLength;
    private readonly double averageDocumentLength;

    public ExpertIndex(SearchSource source, SkillTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(taxonomy);
        Sequence = source.Sequence;
        Taxonomy = taxonomy;
        skillDomains = taxonomy.All.ToFrozenDictionary(s => s.Id, s => s.Domain);
        var skillText = taxonomy.All.ToDictionary(s => s.Id, s => string.Join(' ', [s.Name, .. s.Aliases]));
        people = [.. source.People];
        positions = people.Select((p, i) => (p.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i);
        var held = people.Select(_ => new List<CandidateSkill>()).ToArray();
        foreach (var row in source.Holdings)
        {
            held[positions[row.PersonId]].Add(row.Skill);
        }

        holdings = [.. held.Select(h => h.ToArray())];
        var works = people.Select(_ => new List<Guid>()).ToArray();
        foreach (var (personId, organisationId) in source.CurrentEmployments)
        {
            if (!works[positions[personId]].Contains(organisationId))
            {
                works[positions[personId]].Add(organisationId);
            }
        }

        employers = [.. works.Select(w => w.ToArray())];
        holdersBySkill = source.Holdings.GroupBy(h => h.Skill.SkillId)
            .ToFrozenDictionary(g => g.Key, g => g.Select(h => positions[h.PersonId]).Distinct().Order().ToArray());
        organisations = source.Organisations.ToFrozenDictionary(o => o.Id);
        placesServed = source.OrganisationPlaces.GroupBy(p => p.OrganisationId).ToFrozenDictionary(g => g.Key, g => g.Select(p => p.PlaceId).ToFrozenSet());

        var termPostings = new Dictionary<string, List<(int, float)>>(StringComparer.Ordinal);
        documentLength = new float[people.Length];
        var counts = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < people.Length; i++)
        {
            counts.Clear();
            foreach (var (weight, field) in TextFields)
            {
                Count(field(people[i]), weight, counts, ref documentLength[i]);
            }

            foreach (var holding in holdings[i])
            {
                Count(skillText.GetValueOrDefault(holding.SkillId), SkillTextWeight, counts, ref documentLength[i]);
            }

            foreach (var (term, frequency) in counts)
            {
                if (!termPostings.TryGetValue(term, out var list))
                {
                    termPostings[term] = list = [];
                }

                list.Add((i, frequency));
            }
        }

        averageDocumentLength = people.Length == 0 ? 1 : Math.Max(1, documentLength.Average());
        postings = termPostings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        vocabulary = [.. postings.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The store's change sequence this snapshot reflects.</summary>
    public long Sequence { get; }

    /// <summary>The taxonomy the index was built with (its skill names are part of people's text).</summary>
    public SkillTaxonomy Taxonomy { get; }

    public int PeopleCount => people.Length;

    public Organisation? Organisation(Guid id) => organisations.GetValueOrDefault(id);

    /// <summary>The same question as the store's FindExpertCandidatesAsync, answered from memory.</summary>
    public IReadOnlyList<ExpertCandidate> FindCandidates(ExpertCriteria criteria, Viewer viewer)
    {
        var textScores = criteria.Terms.Count > 0 ? ScoreText(criteria.Terms) : null;
        IEnumerable<int> pool;
        if (criteria.MatchesEveryone)
        {
            pool = Enumerable.Range(0, people.Length);
        }
        else
        {
            var union = textScores is null ? [] : new HashSet<int>(textScores.Keys);
            foreach (var skill in criteria.ConceptSkillIds)
            {
                if (holdersBySkill.TryGetValue(skill, out var holders))
                {
                    union.UnionWith(holders);
                }
            }

            pool = union.Order();
        }

        var filter = new CandidateFilter(criteria, this);
        var candidates = new List<ExpertCandidate>();
        foreach (var i in pool)
        {
            var person = people[i];
            if (!Visible(person, viewer) || !filter.Accepts(i))
            {
                continue;
            }

            var rank = textScores?.GetValueOrDefault(i) ?? 0;
            candidates.Add(new ExpertCandidate(person.Id, rank <= 0 ? 0 : rank / (rank + TextHalfPoint), holdings[i], employers[i],
                person.LastConfirmedAt, person.Availability, person.OpenToCrossOrganisation));
        }

        return candidates;
    }

    private static bool Visible(SearchSource.PersonRow person, Viewer viewer) =>
        viewer.IsAdmin || person.Id == viewer.PersonId || person.Visibility == Visibility.Public
        || (person.Visibility == Visibility.Network && viewer.IsMember);

    /// <summary>BM25 with prefix matching, as the FTS5 query "term"* does: each typed term counts once per person.</summary>
    private Dictionary<int, double> ScoreText(IReadOnlyList<string> terms)
    {
        var scores = new Dictionary<int, double>();
        foreach (var term in terms)
        {
            var perPerson = new Dictionary<int, float>();
            foreach (var token in WithPrefix(term))
            {
                foreach (var (person, frequency) in postings[token])
                {
                    perPerson[person] = perPerson.GetValueOrDefault(person) + frequency;
                }
            }

            var idf = Math.Log(1 + ((people.Length - perPerson.Count + 0.5) / (perPerson.Count + 0.5)));
            foreach (var (person, frequency) in perPerson)
            {
                var norm = K1 * (1 - B + (B * documentLength[person] / averageDocumentLength));
                scores[person] = scores.GetValueOrDefault(person) + (idf * frequency * (K1 + 1) / (frequency + norm));
            }
        }

        return scores;
    }

    private IEnumerable<string> WithPrefix(string term)
    {
        var first = Array.BinarySearch(vocabulary, term, StringComparer.Ordinal);
        for (var i = first < 0 ? ~first : first; i < vocabulary.Length && vocabulary[i].StartsWith(term, StringComparison.Ordinal); i++)
        {
            yield return vocabulary[i];
        }
    }

    private static void Count(string? text, int weight, Dictionary<string, float> counts, ref float length)
    {
        foreach (var word in SearchText.Words(text))
        {
            counts[word] = counts.GetValueOrDefault(word) + weight;
            length += weight;
        }
    }

    /// <summary>The filter facets of <see cref="ExpertCriteria"/>, evaluated per person.</summary>
    private sealed class CandidateFilter(ExpertCriteria criteria, ExpertIndex index)
    {
        private readonly HashSet<Guid> skills = [.. criteria.SkillIds];
        private readonly HashSet<Guid> concepts = [.. criteria.ConceptSkillIds];
        private readonly HashSet<QualityDomain> domains = [.. criteria.Domains];
        private readonly HashSet<Guid> systems = [.. criteria.IntegratedCareSystemIds];
        private readonly HashSet<Guid> places = [.. criteria.PlaceIds];
        private readonly HashSet<OrganisationType> types = [.. criteria.OrganisationTypes];
        private readonly SkillLevel floor = criteria.MinLevel ?? SkillLevel.Awareness;

        public bool Accepts(int i)
        {
            var person = index.people[i];
            if ((criteria.AvailableOnly && person.Availability == AvailabilityStatus.NotAvailable)
                || (criteria.OpenToCrossOrganisation is { } open && person.OpenToCrossOrganisation != open))
            {
                return false;
            }

            var held = index.holdings[i];
            if (skills.Count > 0 && !held.Any(h => h.Level >= floor && skills.Contains(h.SkillId)))
            {
                return false;
            }

            if (domains.Count > 0 && !held.Any(h => h.Level >= floor && index.skillDomains.TryGetValue(h.SkillId, out var d) && domains.Contains(d)))
            {
                return false;
            }

            if (criteria.MinLevel is not null && skills.Count == 0 && domains.Count == 0
                && !held.Any(h => h.Level >= floor && (concepts.Count == 0 || concepts.Contains(h.SkillId))))
            {
                return false;
            }

            return (systems.Count == 0 && places.Count == 0 && types.Count == 0) || index.employers[i].Any(OrganisationMatches);
        }

        private bool OrganisationMatches(Guid organisationId) =>
            index.organisations.TryGetValue(organisationId, out var organisation)
            && (systems.Count == 0 || (organisation.IntegratedCareSystemId is { } ics && systems.Contains(ics)))
            && (types.Count == 0 || types.Contains(organisation.Type))
            && (places.Count == 0 || (index.placesServed.TryGetValue(organisationId, out var served) && served.Overlaps(places)));
    }
}
