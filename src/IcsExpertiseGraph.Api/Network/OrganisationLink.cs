using System.Globalization;
using System.Runtime.CompilerServices;

namespace IcsExpertiseGraph.Api.Network;

public sealed record OrganisationLink(Guid From, Guid To, int Weight, int Collaborations);
