using System.Globalization;
using System.Runtime.CompilerServices;

namespace IcsExpertiseGraph.Api.Network;

public sealed record Community(int Number, IReadOnlyList<Guid> Members, IReadOnlyList<Guid> Organisations, IReadOnlyList<Guid> DominantSkills);
