using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class TeamProposalGraphType : ObjectGraphType<TeamProposal>
{
    public TeamProposalGraphType()
    {
        Name = "TeamProposal";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamMemberGraphType>>>>("members").Resolve(c => c.Source.Members);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("uncoveredSkills").ResolveAsync(async c =>
        {
            var taxonomy = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken);
            return c.Source.Uncovered.Select(u => taxonomy.Find(u.SkillId)).OfType<Skill>().ToList();
        });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UncoveredSkillGraphType>>>>("uncovered").Description("Why each uncovered skill is uncovered.")
            .Resolve(c => c.Source.Uncovered);
        Field<NonNullGraphType<IntGraphType>>("organisationCount").Resolve(c => c.Source.OrganisationCount);
    }
}
