namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// Betweenness and organisations bridged, per person, computed from one graph snapshot (<see cref="Sequence"/>) at
/// <see cref="ComputedAt"/>; Ranking lists the people with any betweenness, highest first (ties by id), so a brokers
/// query reads its first page instead of sorting everyone. Positions are those of the graph it was computed from, which
/// later snapshots of the same <see cref="Lineage"/> keep; people added since have no figure yet (0).
/// </summary>
public sealed record BrokerScores(object Lineage, long Sequence, double[] Betweenness, int[] OrganisationsBridged, int[] Ranking, double ComputeMilliseconds, DateTimeOffset ComputedAt)
{
    /// <summary>A person's betweenness as the API gives it (brokers, network nodes): two decimals.</summary>
    public double Figure(int person) => person < Betweenness.Length ? Math.Round(Betweenness[person], 2) : 0;

    public double BetweennessOf(int person) => person < Betweenness.Length ? Betweenness[person] : 0;

    public int BridgedBy(int person) => person < OrganisationsBridged.Length ? OrganisationsBridged[person] : 0;
}
