using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>A skill a person holds, as the audit trail records it before a change.</summary>
public sealed record SkillHolding(string Level, string? Evidence, int? Years, bool Verified)
{
    public SkillHolding(SkillLevel level, string? evidence, int? years, bool verified) : this(EnumText.Name(level), evidence, years, verified)
    {
    }
}

/// <summary>
/// The rules of skills, endorsements and verification, in one place for both stores: each store reads the facts (the
/// holding before, whether a row was written) inside the write's transaction, asks here, and writes what was decided.
/// </summary>
public static class SkillRules
{
    /// <summary>
    /// Decides a claim: a verified claim stays verified only while the claim itself is unchanged. Returns whether the
    /// claim is verified after it, and the audit event.
    /// </summary>
    public static (bool Verified, AuditEntry Audit) Set(Guid personId, SkillClaim claim, SkillHolding? before)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var evidence = claim.Evidence is { } e ? EnumText.Name(e) : null;
        var keepsVerification = before is { Verified: true } && before.Level == EnumText.Name(claim.Level) && before.Evidence == evidence && before.Years == claim.Years;
        return (keepsVerification, new AuditEntry(AuditActions.SetSkill, personId, before is null ? null : new { skillId = claim.SkillId, before },
            new { skillId = claim.SkillId, level = EnumText.Name(claim.Level), evidence, years = claim.Years, verified = keepsVerification }));
    }

    /// <summary>Decides a removal from whether the profile listed the skill (endorsements of the claim go with it).</summary>
    public static AuditEntry Remove(Guid personId, Guid skillId, bool listed) =>
        listed ? new(AuditActions.RemoveSkill, personId, new { skillId }, null) : throw new NotFoundException("skillId", "Your profile does not list that skill.");

    /// <summary>Known before anything is read: nobody endorses their own skills.</summary>
    public static void CheckEndorser(Guid endorserId, Guid endorseeId)
    {
        if (endorserId == endorseeId)
        {
            throw new RuleViolationException("personId", "You cannot endorse your own skills.");
        }
    }

    /// <summary>Only a skill the person lists can be endorsed.</summary>
    public static void CheckEndorsee(bool endorseeListsSkill)
    {
        if (!endorseeListsSkill)
        {
            throw new RuleViolationException("skillId", "That person does not list this skill, so it cannot be endorsed.");
        }
    }

    /// <summary>Decides from whether the endorsement was new; the actor is the endorser, shown only to those who may see them.</summary>
    public static AuditEntry Endorse(Guid endorseeId, Guid skillId, bool created) =>
        created ? new(AuditActions.EndorseSkill, endorseeId, null, new { skillId }) : throw new DuplicateException("skillId", "You have already endorsed this skill of this person.");

    /// <summary>Decides from whether the person lists the skill a network manager verifies.</summary>
    public static AuditEntry Verify(Guid personId, Guid skillId, bool listed) =>
        listed ? new(AuditActions.VerifySkill, personId, new { skillId, verified = false }, new { skillId, verified = true })
            : throw new NotFoundException("skillId", "That person does not list this skill.");
}
