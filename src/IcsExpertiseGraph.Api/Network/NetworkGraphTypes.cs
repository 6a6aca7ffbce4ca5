using GraphQL.Types;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>A warm-introduction chain: project i links person i and person i+1.</summary>
public sealed record CollaborationPathResult(IReadOnlyList<Guid> People, IReadOnlyList<Guid> Projects);

public sealed class CollaborationPathGraphType : ObjectGraphType<CollaborationPathResult>
{
    public CollaborationPathGraphType()
    {
        Name = "CollaborationPath";
        Field<NonNullGraphType<IntGraphType>>("length").Description("How many introductions: one fewer than the people.").Resolve(c => c.Source.Projects.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonGraphType>>>>("people").Resolve(c => c.Request().People.LoadMany(c.Source.People));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectGraphType>>>>("projects").Description("Project i is one that person i and person i+1 both worked on (their most recent).")
            .Resolve(c => c.Request().Projects.LoadMany(c.Source.Projects));
    }
}

/// <summary>A person in a neighbourhood; Betweenness is worked out only when the query asks for it (0 otherwise, and then never read).</summary>
public sealed record NetworkNode(Guid PersonId, Guid? OrganisationId, double Betweenness, DateTimeOffset? BetweennessComputedAt, double ChainShare);

public sealed record NetworkEdge(Guid From, Guid To, int Weight, IReadOnlyList<Guid> Projects);

/// <summary>A neighbourhood in one graph snapshot: People are graph positions, the centre first.</summary>
public sealed record CollaborationNetworkResult(CollaborationGraph Graph, IReadOnlyList<int> People, IReadOnlyList<NetworkEdge> Edges, int Hops, int Limit, bool Truncated);

public sealed class CollaborationNetworkGraphType : ObjectGraphType<CollaborationNetworkResult>
{
    public CollaborationNetworkGraphType()
    {
        Name = "CollaborationNetwork";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkNodeGraphType>>>>("nodes").Description("The person at the centre first, then by distance and tie strength.")
            .ResolveAsync(NodesAsync);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<IntGraphType>>("hops").Resolve(c => c.Source.Hops);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when more people were within reach than the limit allowed.").Resolve(c => c.Source.Truncated);
    }

    /// <summary>
    /// Broker scores are awaited here, once for all the nodes, and only when a node's betweenness is asked for:
    /// right after a write they may still be computing, and a neighbourhood drawn without them need not wait.
    /// </summary>
    internal static async Task<object?> NodesAsync(global::GraphQL.IResolveFieldContext<CollaborationNetworkResult> c)
    {
        var graph = c.Source.Graph;
        var scores = c.SubFields?.Values.Any(f => f.FieldType.Name is "betweenness" or "betweennessComputedAt" or "chainShare") == true
            ? await c.RequestServices!.GetRequiredService<CollaborationGraphHost>().BrokersAsync(graph, c.CancellationToken)
            : null;
        var share = scores is null ? null : NetworkReports.ChainShare(graph);
        return c.Source.People.Select(p => new NetworkNode(graph.PersonId(p), graph.OrganisationId(p), scores?.Figure(p) ?? 0, scores?.ComputedAt,
            share is null ? 0 : share(scores!.BetweennessOf(p)))).ToList();
    }
}

/// <summary>An ICS's people and their links, drawn as one network (the same nodes and edges as a neighbourhood).</summary>
public sealed class SystemNetworkGraphType : ObjectGraphType<CollaborationNetworkResult>
{
    public SystemNetworkGraphType()
    {
        Name = "SystemNetwork";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkNodeGraphType>>>>("nodes")
            .Description("People working in the ICS whom you may see, most collaboration chains through them first, then most links.")
            .ResolveAsync(CollaborationNetworkGraphType.NodesAsync);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkEdgeGraphType>>>>("edges").Description("Links between two of the nodes.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when more people work in the ICS than the limit allowed.").Resolve(c => c.Source.Truncated);
    }
}

public sealed class NetworkNodeGraphType : ObjectGraphType<NetworkNode>
{
    public NetworkNodeGraphType()
    {
        Name = "NetworkNode";
        Field<NonNullGraphType<PersonGraphType>>("person").Resolve(c => c.Request().People.Load(c.Source.PersonId));
        Field<OrganisationGraphType>("organisation").Description("Their primary current employer.")
            .Resolve(c => c.Source.OrganisationId is { } id ? c.Request().Organisations.Load(id) : null);
        Field<NonNullGraphType<FloatGraphType>>("betweenness")
            .Description("How many shortest collaboration chains pass through them (sampled on large graphs); the same figure brokers gives.")
            .Resolve(c => c.Source.Betweenness);
        Field<DateTimeScalar>("betweennessComputedAt")
            .Description("When betweenness was computed (in the background after the network changes, at most every 30 seconds); null when betweenness was not asked for.")
            .Resolve(c => c.Source.BetweennessComputedAt);
        Field<NonNullGraphType<FloatGraphType>>("chainShare")
            .Description("The share (0 to 1) of shortest collaboration chains between other members of the network that pass through them.")
            .Resolve(c => c.Source.ChainShare);
    }
}

public sealed class NetworkEdgeGraphType : ObjectGraphType<NetworkEdge>
{
    public NetworkEdgeGraphType()
    {
        Name = "NetworkEdge";
        Field<NonNullGraphType<IdGraphType>>("from").Resolve(c => GlobalId.Encode("Person", c.Source.From));
        Field<NonNullGraphType<IdGraphType>>("to").Resolve(c => GlobalId.Encode("Person", c.Source.To));
        Field<NonNullGraphType<IntGraphType>>("weight").Description("Projects the two share.").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectGraphType>>>>("projects").Description("Most recent first.")
            .Resolve(c => c.Request().Projects.LoadMany(c.Source.Projects));
    }
}

public sealed class OrganisationCollaborationGraphType : ObjectGraphType<OrganisationCollaboration>
{
    public OrganisationCollaborationGraphType()
    {
        Name = "OrganisationCollaboration";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationLinkGraphType>>>>("links").Resolve(c => c.Source.Links);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationShareGraphType>>>>("organisations").Resolve(c => c.Source.Organisations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationGraphType>>>>("isolated")
            .Description("Organisations whose people share no project with anyone in another organisation.")
            .Resolve(c => c.Request().Organisations.LoadMany(c.Source.Isolated));
    }
}

public sealed class OrganisationLinkGraphType : ObjectGraphType<OrganisationLink>
{
    public OrganisationLinkGraphType()
    {
        Name = "OrganisationLink";
        Field<NonNullGraphType<OrganisationGraphType>>("from").Resolve(c => c.Request().Organisations.Load(c.Source.From));
        Field<NonNullGraphType<OrganisationGraphType>>("to").Resolve(c => c.Request().Organisations.Load(c.Source.To));
        Field<NonNullGraphType<IntGraphType>>("weight").Description("Shared projects summed over the pairs of people.").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<IntGraphType>>("collaborations").Description("Pairs of people who work together across the two.").Resolve(c => c.Source.Collaborations);
    }
}

public sealed class OrganisationShareGraphType : ObjectGraphType<OrganisationShare>
{
    public OrganisationShareGraphType()
    {
        Name = "OrganisationCollaborationShare";
        Field<NonNullGraphType<OrganisationGraphType>>("organisation").Resolve(c => c.Request().Organisations.Load(c.Source.Organisation));
        Field<NonNullGraphType<IntGraphType>>("collaborationWeight").Resolve(c => c.Source.CollaborationWeight);
        Field<NonNullGraphType<IntGraphType>>("crossBoundaryWeight").Resolve(c => c.Source.CrossBoundaryWeight);
        Field<NonNullGraphType<FloatGraphType>>("crossBoundaryShare").Resolve(c => c.Source.CrossBoundaryShare);
    }
}

/// <summary>A broker: Rank 1 is the one most chains pass through (in the list asked for); ChainShare is the part of all shortest chains through them.</summary>
public sealed record Broker(Guid PersonId, double Betweenness, int OrganisationsBridged, DateTimeOffset ComputedAt, int Rank, double ChainShare);

public sealed class BrokerGraphType : ObjectGraphType<Broker>
{
    public BrokerGraphType()
    {
        Name = "Broker";
        Field<NonNullGraphType<PersonGraphType>>("person").Resolve(c => c.Request().People.Load(c.Source.PersonId));
        Field<NonNullGraphType<FloatGraphType>>("betweenness").Description("How many shortest collaboration chains pass through them (sampled on large graphs).")
            .Resolve(c => c.Source.Betweenness);
        Field<NonNullGraphType<IntGraphType>>("organisationsBridged").Description("Distinct organisations among them and the people they work with.")
            .Resolve(c => c.Source.OrganisationsBridged);
        Field<NonNullGraphType<DateTimeScalar>>("computedAt")
            .Description("When these figures were computed: they are recomputed in the background after the network changes, at most every 30 seconds, so they can trail the latest changes by that much.")
            .Resolve(c => c.Source.ComputedAt);
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the person most chains pass through, in this list (one ICS, or everyone).")
            .Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<FloatGraphType>>("chainShare")
            .Description("The share (0 to 1) of shortest collaboration chains between other members of the network that pass through them: betweenness over the number of such pairs.")
            .Resolve(c => c.Source.ChainShare);
    }
}

public sealed class CommunityGraphType : ObjectGraphType<Community>
{
    public CommunityGraphType()
    {
        Name = "Community";
        Field<NonNullGraphType<IntGraphType>>("number").Description("1 is the largest.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<IntGraphType>>("size").Resolve(c => c.Source.Members.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonGraphType>>>>("members").Description("Up to 50, in the community's order.")
            .Resolve(c => c.Request().People.LoadMany(c.Source.Members.Take(50)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationGraphType>>>>("organisations").Resolve(c => c.Request().Organisations.LoadMany(c.Source.Organisations));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("dominantSkills").Description("The skills most held (practitioner or deeper) in the community.")
            .ResolveAsync(async c =>
            {
                var taxonomy = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken);
                return c.Source.DominantSkills.Select(taxonomy.Find).OfType<Skill>().ToList();
            });
    }
}

public sealed class ExpertiseCoverageGraphType : ObjectGraphType<ExpertiseCoverage>
{
    public ExpertiseCoverageGraphType()
    {
        Name = "ExpertiseCoverage";
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem").Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.IntegratedCareSystemId));
        Field<NonNullGraphType<IntGraphType>>("peopleCounted").Description("People working in the ICS whom you may see, each once.").Resolve(c => c.Source.PeopleCounted);
        Field<NonNullGraphType<IntGraphType>>("peopleInNoPlace")
            .Description("Of peopleCounted, those whose organisations in the ICS serve none of its places: in the totals, in no place row.")
            .Resolve(c => c.Source.PeopleInNoPlace);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DomainCoverageGraphType>>>>("domains").Resolve(c => c.Source.Domains);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("gaps").Description("Skills nobody here holds at expert or coach level.").Resolve(c => c.Source.Gaps);
        Field<NonNullGraphType<CoverageBalanceGraphType>>("balance").Resolve(c => c.Source.Balance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceCoverageGraphType>>>>("places")
            .Description("Per place of the ICS (every place, also those with nobody), by name: the heatmap's rows.").Resolve(c => c.Source.Places);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationCoverageGraphType>>>>("organisations")
            .Description("Per organisation in the ICS with at least one counted person, by name.").Resolve(c => c.Source.Organisations);
        Field<NonNullGraphType<CoverageTotalGraphType>>("placesTotal")
            .Description("The distinct people behind the place rows: a person counts in every place their organisations serve, so the rows add up to more than this.")
            .Resolve(c => c.Source.PlacesTotal);
        Field<NonNullGraphType<CoverageTotalGraphType>>("organisationsTotal")
            .Description("The distinct people behind the organisation rows: a person with two employers in the ICS counts in both rows, once here.")
            .Resolve(c => c.Source.OrganisationsTotal);
    }
}

public sealed class CoverageTotalGraphType : ObjectGraphType<CoverageTotal>
{
    public CoverageTotalGraphType()
    {
        Name = "CoverageTotal";
        Description = "Each person once across all the rows of a heatmap.";
        Field<NonNullGraphType<IntGraphType>>("peopleCounted").Description("Distinct people in at least one row.").Resolve(c => c.Source.PeopleCounted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageCellGraphType>>>>("cells")
            .Description("One per quality domain, in the enum's order: distinct people at expert or coach level, and at practitioner level only.")
            .Resolve(c => c.Source.Cells);
    }
}

public sealed class PlaceCoverageGraphType : ObjectGraphType<PlaceCoverage>
{
    public PlaceCoverageGraphType()
    {
        Name = "PlaceCoverage";
        Field<NonNullGraphType<PlaceGraphType>>("place").Resolve(c => c.Source.Place);
        Field<NonNullGraphType<IntGraphType>>("peopleCounted").Description("People you may see with a current employer in the ICS that serves this place.")
            .Resolve(c => c.Source.PeopleCounted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageCellGraphType>>>>("cells").Description("One per quality domain, in the enum's order.")
            .Resolve(c => c.Source.Cells);
    }
}

public sealed class OrganisationCoverageGraphType : ObjectGraphType<OrganisationCoverage>
{
    public OrganisationCoverageGraphType()
    {
        Name = "OrganisationCoverage";
        Field<NonNullGraphType<OrganisationGraphType>>("organisation").Resolve(c => c.Source.Organisation);
        Field<NonNullGraphType<IntGraphType>>("peopleCounted").Description("People you may see who currently work here.").Resolve(c => c.Source.PeopleCounted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageCellGraphType>>>>("cells").Description("One per quality domain, in the enum's order.")
            .Resolve(c => c.Source.Cells);
    }
}

public sealed class CoverageCellGraphType : ObjectGraphType<CoverageCell>
{
    public CoverageCellGraphType()
    {
        Name = "CoverageCell";
        Description = "One domain in one area: people there with a skill in it at expert or coach level, and at practitioner level only.";
        Field<NonNullGraphType<EnumerationGraphType<QualityDomain>>>("domain").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<IntGraphType>>("expertCount").Description("People here with a skill in this domain at expert or coach level.").Resolve(c => c.Source.ExpertCount);
        Field<NonNullGraphType<IntGraphType>>("practitionerCount").Description("People here at practitioner level in it (and not expert).").Resolve(c => c.Source.PractitionerCount);
    }
}

public sealed class DomainCoverageGraphType : ObjectGraphType<DomainCoverage>
{
    public DomainCoverageGraphType()
    {
        Name = "DomainCoverage";
        Field<NonNullGraphType<EnumerationGraphType<QualityDomain>>>("domain").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<IntGraphType>>("expertCount").Description("People with a skill in this domain at expert or coach level.").Resolve(c => c.Source.ExpertCount);
        Field<NonNullGraphType<IntGraphType>>("practitionerCount").Description("People at practitioner level in it (and not expert).").Resolve(c => c.Source.PractitionerCount);
        Field<NonNullGraphType<IntGraphType>>("organisationCount").Resolve(c => c.Source.OrganisationCount);
        Field<NonNullGraphType<IntGraphType>>("placeCount").Resolve(c => c.Source.PlaceCount);
        Field<NonNullGraphType<FloatGraphType>>("share").Description("This domain's part of all practitioner-or-deeper skills in the ICS.").Resolve(c => c.Source.Share);
    }
}

public sealed class CoverageBalanceGraphType : ObjectGraphType<CoverageBalance>
{
    public CoverageBalanceGraphType()
    {
        Name = "CoverageBalance";
        Field<NonNullGraphType<FloatGraphType>>("assuranceShare").Resolve(c => c.Source.AssuranceShare);
        Field<NonNullGraphType<FloatGraphType>>("planningImprovementControlShare").Resolve(c => c.Source.PlanningImprovementControlShare);
        Field<NonNullGraphType<BooleanGraphType>>("assuranceDominates").Resolve(c => c.Source.AssuranceDominates);
        Field<NonNullGraphType<StringGraphType>>("statement").Resolve(c => c.Source.Statement);
    }
}
