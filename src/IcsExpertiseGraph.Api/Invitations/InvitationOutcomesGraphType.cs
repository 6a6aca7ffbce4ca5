using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Invitations;

public sealed class InvitationOutcomesGraphType : ObjectGraphType<InvitationOutcomes>
{
    public InvitationOutcomesGraphType()
    {
        Name = "InvitationOutcomes";
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem").Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.IntegratedCareSystemId));
        Field<NonNullGraphType<IntGraphType>>("sent").Description("Every invitation sent, whatever became of it.").Resolve(c => c.Source.Sent);
        Field<NonNullGraphType<IntGraphType>>("open").Description("Still awaiting an answer.").Resolve(c => c.Source.Open);
        Field<NonNullGraphType<IntGraphType>>("accepted").Resolve(c => c.Source.Accepted);
        Field<NonNullGraphType<IntGraphType>>("declined").Resolve(c => c.Source.Declined);
        Field<NonNullGraphType<IntGraphType>>("withdrawn").Resolve(c => c.Source.Withdrawn);
        Field<NonNullGraphType<IntGraphType>>("expired").Resolve(c => c.Source.Expired);
        Field<NonNullGraphType<IntGraphType>>("ledToProjects").Description("Accepted invitations linked to the project they led to.").Resolve(c => c.Source.LedToProjects);
        Field<FloatGraphType>("medianResponseHours").Description("Median hours from sending to an answer; null before any answer.").Resolve(c => c.Source.MedianResponseHours);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillDemandGraphType>>>>("demand")
            .Description($"The {InvitationReport.MaxDemandRows} skills most asked for, with how many available experts in the ICS hold them.").Resolve(c => c.Source.Demand);
    }
}
