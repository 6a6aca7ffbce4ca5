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
        var reach = wanted.ToDictionary(id => id, taxonomy.WithDescendants);
        var criteria = new ExpertCriteria([], reach.Values.SelectMany(s => s).ToHashSet(), [], SkillLevel.Practitioner, [],
            icsId is { } ics ? [ics] : [], [], [], false, null);
        var (candidates, _) = await search.FindAsync(criteria, viewer, cancellationToken);
        var pool = candidates.Select(c => new Option(c, wanted.ToDictionary(id => id, id => Depth(c, reach[id])))).Where(o => o.Depth.Values.Any(d => d > 0)).ToList();

        var team = new List<Option>();
        var best = wanted.ToDictionary(id => id, _ => 0.0);
        while (team.Count < size)
        {
            var organisations = team.Select(m => m.Organisation).ToHashSet();
            var pick = pool.Where(o => !team.Contains(o))
                .Select(o => (Option: o, Gain: Gain(o, best, organisations, crossOrganisation)))
                .Where(x => x.Gain.Skills > 0)
                .OrderByDescending(x => x.Gain.Total).ThenByDescending(x => x.Option.Evidence).ThenBy(x => x.Option.Candidate.PersonId)
                .Select(x => x.Option).FirstOrDefault();
            if (pick is null)
            {
                break;
            }

            team.Add(pick);
            foreach (var id in wanted)
            {
                best[id] = Math.Max(best[id], pick.Depth[id]);
            }
        }

        if (crossOrganisation)
        {
            SpreadOverOrganisations(team, pool, wanted, size);
        }

        var members = team.Select(m => new TeamMember(m.Candidate.PersonId, m.Organisation, [.. wanted.Where(id => m.Depth[id] > 0)])).ToList();
        var covered = members.SelectMany(m => m.Covers).ToHashSet();
        var uncovered = wanted.Where(id => !covered.Contains(id)).Select(id => new UncoveredSkill(id,
            pool.Any(o => o.Depth[id] > 0)
                ? $"The team reached its size of {size} before anyone holding {Name(taxonomy, id)} could join; ask for a larger team."
                : $"Nobody you may see{(icsId is null ? "" : " in this ICS")} holds {Name(taxonomy, id)} (or a narrower skill) at practitioner level or deeper.")).ToList();
        return new TeamProposal(members, uncovered);
    }

    /// <summary>
    /// With everyone from one organisation, the member whose loss costs the least coverage makes way for the
    /// best person from another organisation who covers something (or the team grows, if there is room).
    /// </summary>
    private static void SpreadOverOrganisations(List<Option> team, List<Option> pool, List<Guid> wanted, int size)
    {
        if (team.Count == 0 || team.Select(m => m.Organisation).Distinct().Count() >= 2)
        {
            return;
        }

        var home = team[0].Organisation;
        var outsider = pool.Where(o => o.Organisation != home && o.Organisation is not null)
            .OrderByDescending(o => wanted.Sum(id => o.Depth[id])).ThenByDescending(o => o.Evidence).ThenBy(o => o.Candidate.PersonId)
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

        var cheapest = team.OrderBy(m => wanted.Sum(id => Math.Max(0, m.Depth[id] - team.Where(o => o != m).Select(o => o.Depth[id]).DefaultIfEmpty(0).Max())))
            .ThenByDescending(m => m.Candidate.PersonId).First();
        team[team.IndexOf(cheapest)] = outsider;
    }

    private static (double Skills, double Total) Gain(Option option, Dictionary<Guid, double> best, HashSet<Guid?> organisations, bool crossOrganisation)
    {
        var skills = 0.0;
        foreach (var (id, depth) in option.Depth)
        {
            skills += best[id] == 0 ? Weights.NewCoverage * depth : Weights.Deepening * Math.Max(0, depth - best[id]);
        }

        var candidate = option.Candidate;
        var extras = (Weights.Availability * candidate.Availability switch { AvailabilityStatus.Open => 1.0, AvailabilityStatus.Limited => 0.6, _ => 0 })
            + (candidate.OpenToCrossOrganisation ? Weights.OpenToCrossOrganisation : 0)
            + (crossOrganisation && organisations.Count > 0 && !organisations.Contains(option.Organisation) ? Weights.NewOrganisation : 0);
        return (skills, skills + extras);
    }

    /// <summary>How deeply a person covers a skill: their strongest holding of it or anything narrower, practitioner or deeper.</summary>
    private static double Depth(ExpertCandidate candidate, IReadOnlySet<Guid> reach)
    {
        var holding = ExpertRanker.Strongest(candidate.Skills, reach);
        return holding is null || holding.Level < SkillLevel.Practitioner ? 0 : ExpertRanker.LevelValue(holding.Level);
    }

    private static string Name(SkillTaxonomy taxonomy, Guid id) => taxonomy.Find(id)?.Name ?? "this skill";

    private sealed record Option(ExpertCandidate Candidate, Dictionary<Guid, double> Depth)
    {
        /// <summary>The primary employer: the organisation the person would represent on the team.</summary>
        public Guid? Organisation => Candidate.CurrentOrganisationIds.Count > 0 ? Candidate.CurrentOrganisationIds[0] : null;

        public double Evidence => Candidate.Skills.Sum(s => ExpertRanker.EvidenceValue(s.Evidence) + (s.Verified ? 1 : 0));
    }
}
