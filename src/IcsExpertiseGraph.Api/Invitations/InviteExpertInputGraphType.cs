using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>Bound to <see cref="InviteExpertInput"/>.</summary>
public sealed class InviteExpertInputGraphType : InputObjectGraphType<InviteExpertInput>
{
    public InviteExpertInputGraphType()
    {
        Name = "InviteExpertInput";
        Field<NonNullGraphType<IdGraphType>>("personId").Description("The expert to invite.");
        Field<NonNullGraphType<StringGraphType>>("purpose").Description($"What you ask them to help with, 1 to {InvitationMutations.PurposeMax} characters.");
        Field<NonNullGraphType<IdGraphType>>("icsId").Description("The ICS whose design the work is for.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("skillIds").Description($"The skills wanted, 1 to {InvitationMutations.SkillsMax}.");
        Field<NonNullGraphType<IntGraphType>>("hoursRequested").Description($"The time asked for, 1 to {InvitationMutations.HoursMax} hours.");
        Field<StringGraphType>("message").Description($"At most {InvitationMutations.MessageMax} characters.");
        Field<NonNullGraphType<DateTimeScalar>>("respondBy").Description("The deadline for an answer; in the future.");
    }
}
