using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

public sealed record TeamMember(Guid PersonId, Guid? OrganisationId, IReadOnlyList<Guid> Covers);

public sealed record UncoveredSkill(Guid SkillId, string Reason);

public sealed record TeamProposal(IReadOnlyList<TeamMember> Members, IReadOnlyList<UncoveredSkill> Uncovered)
{
    public int OrganisationCount => Members.Select(m => m.OrganisationId).OfType<Guid>().Distinct().Count();
}

/// <summary>
/// Proposes a small team that covers a set of skills: greedy set cover over the visible people who hold
/// them (or anything narrower) at practitioner level or deeper, preferring deeper holdings, available people
/// and people open to cross-organisation work; with crossOrganisation it makes sure the team spans at least
/// two organisations when anyone suitable works elsewhere. Skills nobody can cover are explained, not an error.
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
        var pool = candidates.Select(c => new Option(c, Depths(c, answers, wanted.Count))).Where(o => o.Depth.Any(d => d > 0)).ToList();

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

        var members = team.Select(m => new TeamMember(m.Candidate.PersonId, m.Organisation, [.. wanted.Where((_, w) => m.Depth[w] > 0)])).ToList();
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
            .OrderByDescending(o => o.Depth.Sum()).ThenByDescending(o => o.Evidence).ThenBy(o => o.Candidate.PersonId)
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

    /// <summary>How deeply a person covers each required skill: their strongest holding of it or anything narrower, practitioner or deeper.</summary>
    private static double[] Depths(ExpertCandidate candidate, Dictionary<Guid, List<int>> answers, int count)
    {
        var depth = new double[count];
        foreach (var holding in candidate.Skills)
        {
            if (holding.Level >= SkillLevel.Practitioner && answers.TryGetValue(holding.SkillId, out var required))
            {
                foreach (var w in required)
                {
                    depth[w] = Math.Max(depth[w], ExpertRanker.LevelValue(holding.Level));
                }
            }
        }

        return depth;
    }

    private static string Name(SkillTaxonomy taxonomy, Guid id) => taxonomy.Find(id)?.Name ?? "this skill";

    /// <summary>A possible member (compared by reference: each person appears once in the pool).</summary>
    private sealed class Option(ExpertCandidate candidate, double[] depth)
    {
        public ExpertCandidate Candidate { get; } = candidate;

        /// <summary>By required skill's position: 0, or 0.5 (practitioner) to 1 (coach).</summary>
        public double[] Depth { get; } = depth;

        /// <summary>The primary employer: the organisation the person would represent on the team.</summary>
        public Guid? Organisation => Candidate.CurrentOrganisationIds.Count > 0 ? Candidate.CurrentOrganisationIds[0] : null;

        public double Evidence { get; } = candidate.Skills.Sum(s => ExpertRanker.EvidenceValue(s.Evidence) + (s.Verified ? 1 : 0));
    }
}
