using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Invitations;

public sealed class SkillDemandGraphType : ObjectGraphType<SkillDemand>
{
    public SkillDemandGraphType()
    {
        Name = "SkillDemand";
        Field<NonNullGraphType<SkillGraphType>>("skill").ResolveAsync(async c =>
            (await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken)).Find(c.Source.SkillId));
        Field<NonNullGraphType<IntGraphType>>("requested").Description("Invitations that asked for it.").Resolve(c => c.Source.Requested);
        Field<NonNullGraphType<IntGraphType>>("availableExperts").Description("People in the ICS, OPEN or LIMITED, holding it at PRACTITIONER or deeper.").Resolve(c => c.Source.AvailableExperts);
        Field<NonNullGraphType<BooleanGraphType>>("shortfall").Description("More asks than available experts: where the network is short.").Resolve(c => c.Source.Shortfall);
    }
}
