using System.Globalization;
using System.Runtime.CompilerServices;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>Each person once across every row of a heatmap: the distinct people behind its cells.</summary>
public sealed record CoverageTotal(int PeopleCounted, IReadOnlyList<CoverageCell> Cells);
