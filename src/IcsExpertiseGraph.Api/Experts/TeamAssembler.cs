using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Proposes a small team that covers a set of skills: greedy set cover over the visible people who hold
/// them (or anything narrower) at practitioner level or deeper, preferring deeper holdings, available people
/// and people open to cross-organisation work; with crossOrganisation it makes sure the team spans at least
/// two organisations when anyone suitable works elsewhere. Skills nobody can cover are explained, not an error.
/// A promise the weights alone cannot keep (several skills held by one unavailable person outweigh one skill
/// held by an available one): someone not available, or only working for their own organisation, is proposed
/// for a skill only where nobody available and open in scope covers it at the same level or deeper.
/// </summary>
public sealed class TeamAssembler(ExpertSearch search)
{
    public const int MaxSize = 20;
    public const int MaxSkills = 20;

    /// <summary>Weights of the greedy choice, in one place.</summary>
    private static class Weights
    {
        /// <summary>Covering a skill nobody in the team covers yet, times the depth of the holding (0.5 practitioner .. 1 coach).</summary>
        public const double NewCoverage = 1.0;

        /// <summary>Deepening a skill already covered: worth much less than breadth.</summary>
        public const double Deepening = 0.3;

        /// <summary>Available now (open 1, limited 0.6).</summary>
        public const double Availability = 0.15;

        /// <summary>Willing to work for organisations other than their own.</summary>
        public const double OpenToCrossOrganisation = 0.1;

        /// <summary>Brings an organisation the team does not have yet (when crossOrganisation is asked for).</summary>
        public const double NewOrganisation = 0.2;
    }

    public async Task<TeamProposal> AssembleAsync(
        IReadOnlyList<Guid> skillIds, Guid? icsId, int size, bool crossOrganisation, Viewer viewer, CancellationToken cancellationToken)
    {
        var taxonomy = await search.TaxonomyAsync(cancellationToken);
        var wanted = skillIds.Distinct().ToList();
        // Which required skills (by position) each skill answers, so a person's holdings are read once.
        var answers = new Dictionary<Guid, List<int>>();
        for (var w = 0; w < wanted.Count; w++)
        {
            foreach (var skill in taxonomy.WithDescendants(wanted[w]))
            {
                (answers.TryGetValue(skill, out var list) ? list : answers[skill] = []).Add(w);
            }
        }

        var criteria = new ExpertCriteria([], answers.Keys.ToHashSet(), [], SkillLevel.Practitioner, [], icsId is { } ics ? [ics] : [], [], [], false, null);
        var (candidates, _) = await search.FindAsync(criteria, viewer, cancellationToken);
        var everyone = candidates.Select(c => new Option(c, Holdings(c, answers, wanted))).ToList();
        var pool = WithoutRestrictedWhereOthersServe(everyone, wanted.Count);

        var team = new List<Option>();
        var best = new double[wanted.Count];
        while (team.Count < size)
        {
            var organisations = team.Select(m => m.Organisation).ToHashSet();
            Option? pick = null;
            (double Total, double Evidence) pickGain = default;
            foreach (var option in pool)
            {
                var (skills, total) = Gain(option, best, organisations, crossOrganisation);
                if (skills <= 0 || team.Contains(option))
                {
                    continue;
                }

                if (pick is null || total > pickGain.Total
                    || (total == pickGain.Total && (option.Evidence > pickGain.Evidence
                        || (option.Evidence == pickGain.Evidence && option.Candidate.PersonId.CompareTo(pick.Candidate.PersonId) < 0))))
                {
                    pick = option;
                    pickGain = (total, option.Evidence);
                }
            }

            if (pick is null)
            {
                break;
            }

            team.Add(pick);
            for (var w = 0; w < wanted.Count; w++)
            {
                best[w] = Math.Max(best[w], pick.Depth[w]);
            }
        }

        if (crossOrganisation)
        {
            SpreadOverOrganisations(team, pool, size);
        }

        var members = team.Select(m => new TeamMember(m.Candidate.PersonId, m.Organisation, [.. m.Cover.OfType<TeamCover>()])).ToList();
        var covered = members.SelectMany(m => m.Covers).ToHashSet();
        var uncovered = wanted.Select((id, w) => (id, w)).Where(x => !covered.Contains(x.id)).Select(x => new UncoveredSkill(x.id,
            pool.Any(o => o.Depth[x.w] > 0)
                ? $"The team reached its size of {size} before anyone holding {Name(taxonomy, x.id)} could join; ask for a larger team."
                : $"Nobody you may see{(icsId is null ? "" : " in this ICS")} holds {Name(taxonomy, x.id)} (or a narrower skill) at practitioner level or deeper.")).ToList();
        return new TeamProposal(members, uncovered);
    }

    /// <summary>
    /// With everyone from one organisation, the member whose loss costs the least coverage makes way for the
    /// best person from another organisation who covers something (or the team grows, if there is room).
    /// </summary>
    private static void SpreadOverOrganisations(List<Option> team, List<Option> pool, int size)
    {
        if (team.Count == 0 || team.Select(m => m.Organisation).Distinct().Count() >= 2)
        {
            return;
        }

        var home = team[0].Organisation;
        var outsider = pool.Where(o => o.Organisation != home && o.Organisation is not null)
            .OrderByDescending(o => o.Depth.Sum()).ThenBy(o => o.Restricted).ThenByDescending(o => o.Evidence).ThenBy(o => o.Candidate.PersonId)
            .FirstOrDefault();
        if (outsider is null)
        {
            return;
        }

        if (team.Count < size)
        {
            team.Add(outsider);
            return;
        }

        var cheapest = team.OrderBy(m => m.Depth.Select((d, w) => Math.Max(0, d - team.Where(o => o != m).Select(o => o.Depth[w]).DefaultIfEmpty(0).Max())).Sum())
            .ThenByDescending(m => m.Candidate.PersonId).First();
        team[team.IndexOf(cheapest)] = outsider;
    }

    private static (double Skills, double Total) Gain(Option option, double[] best, HashSet<Guid?> organisations, bool crossOrganisation)
    {
        var skills = 0.0;
        for (var w = 0; w < best.Length; w++)
        {
            skills += best[w] == 0 ? Weights.NewCoverage * option.Depth[w] : Weights.Deepening * Math.Max(0, option.Depth[w] - best[w]);
        }

        var candidate = option.Candidate;
        var extras = (Weights.Availability * candidate.Availability switch { AvailabilityStatus.Open => 1.0, AvailabilityStatus.Limited => 0.6, _ => 0 })
            + (candidate.OpenToCrossOrganisation ? Weights.OpenToCrossOrganisation : 0)
            + (crossOrganisation && organisations.Count > 0 && !organisations.Contains(option.Organisation) ? Weights.NewOrganisation : 0);
        return (skills, skills + extras);
    }

    /// <summary>
    /// Each person's cover of each required skill: their strongest holding of it or of anything narrower, practitioner
    /// or deeper; at the same level the skill itself before a narrower one, then the lowest id, so answers are stable.
    /// </summary>
    private static TeamCover?[] Holdings(ExpertCandidate candidate, Dictionary<Guid, List<int>> answers, List<Guid> wanted)
    {
        var cover = new TeamCover?[wanted.Count];
        foreach (var holding in candidate.Skills)
        {
            if (holding.Level >= SkillLevel.Practitioner && answers.TryGetValue(holding.SkillId, out var required))
            {
                foreach (var w in required)
                {
                    var offered = new TeamCover(wanted[w], holding.SkillId, holding.Level);
                    if (cover[w] is not { } held || Better(offered, held))
                    {
                        cover[w] = offered;
                    }
                }
            }
        }

        return cover;
    }

    private static bool Better(TeamCover offered, TeamCover held) =>
        offered.Level != held.Level ? offered.Level > held.Level
        : (offered.HeldSkillId == offered.SkillId) != (held.HeldSkillId == held.SkillId) ? offered.HeldSkillId == offered.SkillId
        : offered.HeldSkillId.CompareTo(held.HeldSkillId) < 0;

    /// <summary>
    /// The people who may be proposed, each for the skills they may be proposed for: a restricted person (not available,
    /// or own organisation only) keeps a skill only where they hold it deeper than every available, open person in
    /// scope, so they can never be picked over someone who would actually come (whatever else they hold).
    /// </summary>
    private static List<Option> WithoutRestrictedWhereOthersServe(List<Option> everyone, int count)
    {
        var openBest = new double[count];
        foreach (var option in everyone.Where(o => !o.Restricted))
        {
            for (var w = 0; w < count; w++)
            {
                openBest[w] = Math.Max(openBest[w], option.Depth[w]);
            }
        }

        return [.. everyone
            .Select(o => o.Restricted ? o.Keeping(w => o.Depth[w] > openBest[w]) : o)
            .Where(o => o.Depth.Any(d => d > 0))];
    }

    private static string Name(SkillTaxonomy taxonomy, Guid id) => taxonomy.Find(id)?.Name ?? "this skill";

    /// <summary>A possible member (compared by reference: each person appears once in the pool).</summary>
    private sealed class Option(ExpertCandidate candidate, TeamCover?[] cover)
    {
        public ExpertCandidate Candidate { get; } = candidate;

        /// <summary>By required skill's position: the holding the person would cover it with, if any.</summary>
        public TeamCover?[] Cover { get; } = cover;

        /// <summary>By required skill's position: 0, or 0.5 (practitioner) to 1 (coach).</summary>
        public double[] Depth { get; } = [.. cover.Select(c => c is null ? 0 : ExpertRanker.LevelValue(c.Level))];

        /// <summary>Not available, or not open to work for other organisations: proposed only where nobody else will do.</summary>
        public bool Restricted => Candidate.Availability == AvailabilityStatus.NotAvailable || !Candidate.OpenToCrossOrganisation;

        /// <summary>The primary employer: the organisation the person would represent on the team.</summary>
        public Guid? Organisation => Candidate.CurrentOrganisationIds.Count > 0 ? Candidate.CurrentOrganisationIds[0] : null;

        public double Evidence { get; } = candidate.Skills.Sum(s => ExpertRanker.EvidenceValue(s.Evidence) + (s.Verified ? 1 : 0));

        /// <summary>The same person, covering only the required skills (by position) the test keeps.</summary>
        public Option Keeping(Func<int, bool> keep) => new(Candidate, [.. Cover.Select((c, w) => keep(w) ? c : null)]);
    }
}
