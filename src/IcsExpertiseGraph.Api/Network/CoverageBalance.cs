using System.Globalization;
using System.Runtime.CompilerServices;

namespace IcsExpertiseGraph.Api.Network;

public sealed record CoverageBalance(double AssuranceShare, double PlanningImprovementControlShare, bool AssuranceDominates, string Statement);
