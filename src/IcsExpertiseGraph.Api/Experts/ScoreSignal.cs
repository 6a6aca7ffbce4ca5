namespace IcsExpertiseGraph.Api.Experts;

/// <summary>The signals a score is made of, each reported as a reason with its contribution.</summary>
public enum ScoreSignal
{
    Text,
    SkillLevel,
    Evidence,
    Verification,
    Endorsements,
    ProjectEvidence,
    Freshness,
    Availability,

    /// <summary>similarExperts: overlap of the two people's skills, weighted by level.</summary>
    SharedSkills,

    /// <summary>similarExperts: overlap of the quality domains the two people work in.</summary>
    SharedDomains,
}
