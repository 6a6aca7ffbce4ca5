using System.Globalization;
using System.Runtime.CompilerServices;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

public sealed record OrganisationShare(Guid Organisation, int CollaborationWeight, int CrossBoundaryWeight)
{
    /// <summary>The part of the organisation's collaboration that crosses its boundary (0 when it has none).</summary>
    public double CrossBoundaryShare => CollaborationWeight == 0 ? 0 : Math.Round((double)CrossBoundaryWeight / CollaborationWeight, 4);
}
