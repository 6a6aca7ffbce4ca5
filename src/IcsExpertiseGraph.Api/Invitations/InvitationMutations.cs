using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>Invitations: any signed-in member invites, the invitee answers, the inviter may withdraw; each is one audited write with its notification.</summary>
public static class InvitationMutations
{
    public const int PurposeMax = 200;
    public const int MessageMax = 2000;
    public const int HoursMax = 200;
    public const int SkillsMax = 20;
    public const int RespondByMaxDays = 90;

    public static void AddInvitationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<InvitationGraphType>>("inviteExpert")
            .Description("Invites an expert to help design an ICS. They see it in me.invitations; you see their email only if they accept.")
            .Argument<NonNullGraphType<InviteExpertInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var draft = c.GetArgument<InviteExpertInput>("input").ToDraft(Me.Now(c));
                var policy = new InvitationPolicy(c.RequestServices!.GetRequiredService<IOptions<InvitationOptions>>().Value.DailyLimitPerInviter);
                return await Me.WriteAsync(c, (store, me, now, ct) => store.CreateInvitationAsync(me, draft, policy, now, ct));
            });

        mutation.Field<NonNullGraphType<InvitationGraphType>>("respondToInvitation")
            .Description("Accepts or declines an invitation to you. Accepting shares your email with the inviter: that is your consent.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<EnumerationGraphType<InvitationResponse>>>("response")
            .Argument<StringGraphType>("message", $"At most {MessageMax} characters.")
            .ResolveAsync(async c =>
            {
                var id = c.IdArgument("Invitation");
                var response = c.GetArgument<InvitationResponse>("response");
                var message = InputText.Optional(c.GetArgument<string?>("message"), "message", MessageMax);
                return await Me.WriteAsync(c, (store, me, now, ct) => store.RespondToInvitationAsync(id, me, response, message, now, ct));
            });

        mutation.Field<NonNullGraphType<InvitationGraphType>>("withdrawInvitation")
            .Description("Withdraws an invitation you sent that is still open.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var id = c.IdArgument("Invitation");
                return await Me.WriteAsync(c, (store, me, now, ct) => store.WithdrawInvitationAsync(id, me, now, ct));
            });

        mutation.Field<NonNullGraphType<InvitationGraphType>>("linkInvitationToProject")
            .Description("Records, once, the project an accepted invitation led to (either party may, for a project the inviter works on; the invitee's own link also adds them to it as an ADVISOR, which counts as evidence): the outcome network managers count.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<IdGraphType>>("projectId")
            .ResolveAsync(async c =>
            {
                var id = c.IdArgument("Invitation");
                var projectId = c.IdArgument("Project", "projectId");
                return await Me.WriteAsync(c, (store, me, now, ct) => store.LinkInvitationToProjectAsync(id, me, projectId, now, ct));
            });
    }
}

