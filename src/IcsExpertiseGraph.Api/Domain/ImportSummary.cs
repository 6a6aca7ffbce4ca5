namespace IcsExpertiseGraph.Api.Domain;

public sealed record ImportSummary(int Created, int Updated, int Unchanged);
