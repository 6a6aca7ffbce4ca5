using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>How a member covers one required skill: the holding it comes through (the skill itself or a narrower one) and its level.</summary>
public sealed record TeamCover(Guid SkillId, Guid HeldSkillId, SkillLevel Level);
