using System.Globalization;
using System.Runtime.CompilerServices;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Network;

public sealed record DomainCoverage(QualityDomain Domain, int ExpertCount, int PractitionerCount, int OrganisationCount, int PlaceCount, double Share);
