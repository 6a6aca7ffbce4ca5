using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>How often a skill was asked for against how many available experts in the ICS hold it.</summary>
public sealed record SkillDemand(Guid SkillId, int Requested, int AvailableExperts)
{
    /// <summary>Shortfall: more invitations asked for the skill than there are available experts to answer them.</summary>
    public bool Shortfall => AvailableExperts < Requested;
}
