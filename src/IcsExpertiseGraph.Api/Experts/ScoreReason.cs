namespace IcsExpertiseGraph.Api.Experts;

public sealed record ScoreReason(ScoreSignal Signal, string Detail, double Contribution);
