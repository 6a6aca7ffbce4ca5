using System.Globalization;
using System.Runtime.CompilerServices;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>The network managers' reports: collaboration between organisations, expertise coverage, communities.</summary>
public static class NetworkReports
{
    /// <summary>
    /// The share of shortest collaboration chains that pass through someone: their betweenness (chains between pairs of other
    /// members, split evenly where a pair has several shortest chains) over the number of such pairs among the members (PUBLIC
    /// and NETWORK people, the view broker scores are computed over), so 0.05 reads "5% of the shortest chains go through them".
    /// </summary>
    public static Func<double, double> ChainShare(CollaborationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var members = (long)MemberCounts.GetValue(graph, CountMembers);
        var pairs = (members - 1) * (members - 2) / 2.0;
        return betweenness => pairs <= 0 ? 0 : Math.Round(Math.Min(1, betweenness / pairs), 6);
    }

    /// <summary>Members per graph snapshot, counted once (a pass over everyone) rather than per request.</summary>
    private static readonly ConditionalWeakTable<CollaborationGraph, object> MemberCounts = new();

    private static object CountMembers(CollaborationGraph graph)
    {
        long members = 0;
        for (var p = 0; p < graph.PeopleCount; p++)
        {
            if (graph.VisibilityOf(p) != Visibility.Private)
            {
                members++;
            }
        }

        return members;
    }

    /// <summary>Links between organisations (through their people's shared projects) among the people the viewer may see.</summary>
    public static OrganisationCollaboration Organisations(CollaborationGraph graph, IReadOnlyList<Organisation> all, Guid? icsId, Viewer viewer)
    {
        var inScope = all.Where(o => icsId is null || o.IntegratedCareSystemId == icsId).Select(o => o.Id).ToHashSet();
        var pairs = new Dictionary<(Guid, Guid), (int Weight, int Count)>();
        var totals = inScope.ToDictionary(id => id, _ => (Total: 0, Cross: 0));
        for (var person = 0; person < graph.PeopleCount; person++)
        {
            if (graph.OrganisationId(person) is not { } own || !inScope.Contains(own) || !graph.Visible(person, viewer))
            {
                continue;
            }

            var around = graph.Neighbours(person);
            var links = graph.LinksOf(person);
            for (var i = 0; i < around.Length; i++)
            {
                var other = around[i];
                if (graph.OrganisationId(other) is not { } theirs || !inScope.Contains(theirs) || !graph.Visible(other, viewer))
                {
                    continue;
                }

                var weight = graph.Weight(links[i]);
                var (total, cross) = totals[own];
                totals[own] = (total + weight, cross + (theirs != own ? weight : 0));
                if (theirs != own && own.CompareTo(theirs) < 0)
                {
                    var (sum, count) = pairs.GetValueOrDefault((own, theirs));
                    pairs[(own, theirs)] = (sum + weight, count + 1);
                }
            }
        }

        return new OrganisationCollaboration(
            [.. pairs.Select(p => new OrganisationLink(p.Key.Item1, p.Key.Item2, p.Value.Weight, p.Value.Count)).OrderByDescending(l => l.Weight).ThenBy(l => l.From).ThenBy(l => l.To)],
            [.. totals.Select(t => new OrganisationShare(t.Key, t.Value.Total, t.Value.Cross)).OrderByDescending(s => s.CrossBoundaryWeight).ThenBy(s => s.Organisation)],
            [.. totals.Where(t => t.Value.Cross == 0).Select(t => t.Key).Order()]);
    }

    /// <summary>
    /// For one ICS, per quality domain: people with an expert (expert or coach) or practitioner skill in it, the
    /// organisations and places they cover, and the domain's share of all such holdings; the skills nobody there
    /// holds at expert level; and whether assurance outweighs planning, improvement and control together.
    /// </summary>
    /// <remarks>
    /// Also per place of the ICS (<paramref name="places"/>, every one, also those with nobody) and per organisation in
    /// the ICS with anyone counted, for a heatmap: a person counts in each current employer in the ICS and in each place
    /// those employers serve, once per area however many of their employers serve it, by the same rules as the totals.
    /// </remarks>
    public static ExpertiseCoverage Coverage(ExpertIndex index, Guid icsId, IReadOnlyList<Place> places, Viewer viewer)
    {
        var criteria = new ExpertCriteria([], new HashSet<Guid>(), [], null, [], [icsId], [], [], false, null);
        var people = index.FindCandidates(criteria, viewer);
        var taxonomy = index.Taxonomy;
        var domains = Enum.GetValues<QualityDomain>();
        var experts = domains.ToDictionary(d => d, _ => new HashSet<Guid>());
        var practitioners = domains.ToDictionary(d => d, _ => new HashSet<Guid>());
        var organisations = domains.ToDictionary(d => d, _ => new HashSet<Guid>());
        var holdings = domains.ToDictionary(d => d, _ => 0);
        var expertSkills = new HashSet<Guid>();
        var placeRows = places.ToDictionary(p => p.Id, _ => new AreaTally(domains.Length));
        var organisationRows = new Dictionary<Guid, AreaTally>();
        // The same rules once per person over all rows, so the totals are distinct people, however many rows hold them.
        var allPlaces = new AreaTally(domains.Length);
        var allOrganisations = new AreaTally(domains.Length);
        foreach (var person in people)
        {
            var local = person.CurrentOrganisationIds.Where(o => index.Organisation(o)?.IntegratedCareSystemId == icsId).ToList();
            // The person's depth per domain, worked out once, so two skills in one domain count them once in each area.
            var depth = new SkillLevel[domains.Length];
            foreach (var holding in person.Skills)
            {
                if (taxonomy.Find(holding.SkillId) is { } held && holding.Level > depth[(int)held.Domain])
                {
                    depth[(int)held.Domain] = holding.Level;
                }
            }

            foreach (var organisation in local)
            {
                if (!organisationRows.TryGetValue(organisation, out var row))
                {
                    organisationRows[organisation] = row = new AreaTally(domains.Length);
                }

                row.Count(depth);
            }

            var counted = false;
            foreach (var place in local.SelectMany(index.PlacesServedBy).Distinct())
            {
                if (placeRows.GetValueOrDefault(place) is { } row)
                {
                    row.Count(depth);
                    counted = true;
                }
            }

            if (counted)
            {
                allPlaces.Count(depth);
            }

            if (local.Count > 0)
            {
                allOrganisations.Count(depth);
            }

            foreach (var holding in person.Skills)
            {
                if (taxonomy.Find(holding.SkillId) is not { } skill || holding.Level < SkillLevel.Practitioner)
                {
                    continue;
                }

                holdings[skill.Domain]++;
                organisations[skill.Domain].UnionWith(local);
                if (holding.Level >= SkillLevel.Expert)
                {
                    experts[skill.Domain].Add(person.PersonId);
                    expertSkills.Add(skill.Id);
                }
                else
                {
                    practitioners[skill.Domain].Add(person.PersonId);
                }
            }
        }

        var total = Math.Max(1, holdings.Values.Sum());
        var coverage = domains.Select(d => new DomainCoverage(d, experts[d].Count, practitioners[d].Except(experts[d]).Count(), organisations[d].Count,
            organisations[d].SelectMany(index.PlacesServedBy).Distinct().Count(), Math.Round((double)holdings[d] / total, 4))).ToList();
        var assurance = coverage.Single(c => c.Domain == QualityDomain.QualityAssurance).Share;
        var juran = coverage.Where(c => c.Domain is QualityDomain.QualityPlanning or QualityDomain.QualityImprovement or QualityDomain.QualityControl).Sum(c => c.Share);
        var dominates = assurance > juran;
        var statement = dominates
            ? string.Create(CultureInfo.InvariantCulture, $"Quality assurance outweighs planning, improvement and control together: {assurance:P0} of practitioner-or-deeper skills here are assurance, against {juran:P0} for the other three. The mission warns of exactly this lean towards assurance.")
            : string.Create(CultureInfo.InvariantCulture, $"Assurance does not dominate: {assurance:P0} of practitioner-or-deeper skills here are assurance, against {juran:P0} for planning, improvement and control together.");
        return new ExpertiseCoverage(icsId, people.Count, coverage,
            [.. taxonomy.All.Where(s => !expertSkills.Contains(s.Id)).OrderBy(s => s.Domain).ThenBy(s => s.Name, StringComparer.Ordinal)],
            new CoverageBalance(assurance, Math.Round(juran, 4), dominates, statement),
            [.. places.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => new PlaceCoverage(p, placeRows[p.Id].People, placeRows[p.Id].Cells(domains)))],
            [.. organisationRows.Select(r => (Organisation: index.Organisation(r.Key)!, Tally: r.Value))
                .OrderBy(r => r.Organisation.Name, StringComparer.Ordinal).ThenBy(r => r.Organisation.Id)
                .Select(r => new OrganisationCoverage(r.Organisation, r.Tally.People, r.Tally.Cells(domains)))],
            new CoverageTotal(allPlaces.People, allPlaces.Cells(domains)), new CoverageTotal(allOrganisations.People, allOrganisations.Cells(domains)));
    }

    /// <summary>One heatmap row being counted: people, and per domain (by its enum value) experts and practitioners.</summary>
    private sealed class AreaTally(int domains)
    {
        private readonly int[] experts = new int[domains];
        private readonly int[] practitioners = new int[domains];

        public int People { get; private set; }

        /// <summary>Counts one person by their deepest level in each domain: expert or coach, else practitioner, else not at all.</summary>
        public void Count(SkillLevel[] depth)
        {
            People++;
            for (var d = 0; d < depth.Length; d++)
            {
                if (depth[d] >= SkillLevel.Expert)
                {
                    experts[d]++;
                }
                else if (depth[d] == SkillLevel.Practitioner)
                {
                    practitioners[d]++;
                }
            }
        }

        public IReadOnlyList<CoverageCell> Cells(QualityDomain[] domains) => [.. domains.Select(d => new CoverageCell(d, experts[(int)d], practitioners[(int)d]))];
    }

    /// <summary>Clusters among the people of an ICS (or everyone) the viewer may see; people with no links there are left out.</summary>
    public static IReadOnlyList<Community> Communities(CollaborationGraph graph, ExpertIndex index, Guid? icsId, Viewer viewer)
    {
        var members = graph.PeopleIn(icsId).Where(p => graph.Visible(p, viewer)).ToList();
        var labels = GraphAlgorithms.Communities(graph, members);
        var criteria = new ExpertCriteria([], new HashSet<Guid>(), [], null, [], icsId is { } ics ? [ics] : [], [], [], false, null);
        var skills = index.FindCandidates(criteria, viewer).ToDictionary(c => c.PersonId, c => c.Skills);
        return [.. members.Zip(labels)
            .GroupBy(x => x.Second, x => x.First)
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select((g, i) => new Community(
                i + 1,
                [.. g.Select(graph.PersonId)],
                [.. g.Select(graph.OrganisationId).OfType<Guid>().Distinct().Order()],
                [.. g.SelectMany(p => skills.GetValueOrDefault(graph.PersonId(p)) ?? []).Where(s => s.Level >= SkillLevel.Practitioner)
                    .GroupBy(s => s.SkillId).OrderByDescending(s => s.Count()).ThenBy(s => s.Key).Take(5).Select(s => s.Key)]))];
    }
}
