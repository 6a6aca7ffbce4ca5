using System.Globalization;
using System.Runtime.CompilerServices;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

public sealed record ExpertiseCoverage(
    Guid IntegratedCareSystemId, int PeopleCounted, IReadOnlyList<DomainCoverage> Domains, IReadOnlyList<Skill> Gaps, CoverageBalance Balance,
    IReadOnlyList<PlaceCoverage> Places, IReadOnlyList<OrganisationCoverage> Organisations, CoverageTotal PlacesTotal, CoverageTotal OrganisationsTotal)
{
    /// <summary>People counted whose organisations in the ICS serve no place of it: in the totals, in no place row.</summary>
    public int PeopleInNoPlace => PeopleCounted - PlacesTotal.PeopleCounted;
}
