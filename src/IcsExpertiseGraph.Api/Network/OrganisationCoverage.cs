using System.Globalization;
using System.Runtime.CompilerServices;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>A heatmap row: one organisation of the ICS, one cell per quality domain in enum order.</summary>
public sealed record OrganisationCoverage(Organisation Organisation, int PeopleCounted, IReadOnlyList<CoverageCell> Cells);
