using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>A holding as the ranker sees it: the claim, what backs it, and who vouches for it.</summary>
public sealed record CandidateSkill(
    Guid SkillId,
    SkillLevel Level,
    SkillEvidence? Evidence,
    bool Verified,
    int Endorsements,
    int ProjectEvidence)
{
    /// <summary>
    /// How strong the claim is, to pick a person's best holding of a concept: level first, then verification,
    /// evidence, project use and endorsements. Worked out once, as rankers compare holdings many times.
    /// </summary>
    public double Strength { get; } = ((int)Level * 10) + (Verified ? 3 : 0)
        + (Evidence switch { SkillEvidence.Credential or SkillEvidence.Publication => 2.0, SkillEvidence.Project => 1.4, SkillEvidence.Training => 0.8, _ => 0 })
        + (Math.Min(ProjectEvidence, 3) * 0.2) + (Math.Min(Endorsements, 8) * 0.1);
}
