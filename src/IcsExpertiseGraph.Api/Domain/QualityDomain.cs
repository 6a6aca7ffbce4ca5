namespace IcsExpertiseGraph.Api.Domain;

/// <summary>Juran's trilogy plus assurance, and the two families of enabling expertise.</summary>
public enum QualityDomain
{
    QualityPlanning,
    QualityImprovement,
    QualityControl,
    QualityAssurance,
    SystemsThinking,
    ImprovementEnablers,
}
