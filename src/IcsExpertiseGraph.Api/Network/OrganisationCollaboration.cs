using System.Globalization;
using System.Runtime.CompilerServices;

namespace IcsExpertiseGraph.Api.Network;

public sealed record OrganisationCollaboration(IReadOnlyList<OrganisationLink> Links, IReadOnlyList<OrganisationShare> Organisations, IReadOnlyList<Guid> Isolated);
