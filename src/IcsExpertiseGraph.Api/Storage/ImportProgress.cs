using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

public sealed record ImportProgress(string Stage, long Done, long Total);
