using System.Globalization;
using System.Runtime.CompilerServices;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>One domain in one area (a place or an organisation): experts (expert or coach) and practitioners (and not expert) there.</summary>
public sealed record CoverageCell(QualityDomain Domain, int ExpertCount, int PractitionerCount);
