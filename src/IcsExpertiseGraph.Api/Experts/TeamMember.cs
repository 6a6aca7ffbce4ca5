namespace IcsExpertiseGraph.Api.Experts;

public sealed record TeamMember(Guid PersonId, Guid? OrganisationId, IReadOnlyList<TeamCover> Coverage)
{
    /// <summary>The required skills this member is proposed for.</summary>
    public IReadOnlyList<Guid> Covers => [.. Coverage.Select(c => c.SkillId)];
}
