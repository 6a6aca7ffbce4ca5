namespace IcsExpertiseGraph.Api.Experts;

public sealed record TeamProposal(IReadOnlyList<TeamMember> Members, IReadOnlyList<UncoveredSkill> Uncovered)
{
    public int OrganisationCount => Members.Select(m => m.OrganisationId).OfType<Guid>().Distinct().Count();
}
