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
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var draft = Draft(c, input);
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

    /// <summary>The input's limits, checked before anything reaches the store; each failure names its field.</summary>
    private static InvitationDraft Draft(IResolveFieldContext c, Dictionary<string, object?> input)
    {
        var personId = GlobalId.Parse(input["personId"] as string, "Person", "personId");
        var purpose = InputText.Optional(input["purpose"] as string, "purpose", PurposeMax) ?? throw new BadUserInputError("purpose", "purpose must not be empty.");
        var icsId = GlobalId.Parse(input["icsId"] as string, "IntegratedCareSystem", "icsId");
        var skillIds = c.IdListArgument(input, "skillIds", "Skill", "skillIds");
        if (skillIds.Count is 0 or > SkillsMax)
        {
            throw new BadUserInputError("skillIds", $"Name 1 to {SkillsMax} skills you want.");
        }

        var hours = (int)input["hoursRequested"]!;
        if (hours is < 1 or > HoursMax)
        {
            throw new BadUserInputError("hoursRequested", $"hoursRequested must be between 1 and {HoursMax}.");
        }

        var respondBy = (DateTimeOffset)input["respondBy"]!;
        if (respondBy <= Me.Now(c))
        {
            throw new BadUserInputError("respondBy", "respondBy must be in the future.");
        }

        if (respondBy > Me.Now(c).AddDays(RespondByMaxDays))
        {
            throw new BadUserInputError("respondBy", $"respondBy must be at most {RespondByMaxDays} days ahead.");
        }

        return new InvitationDraft(personId, purpose, icsId, skillIds, hours, InputText.Optional(input.GetValueOrDefault("message") as string, "message", MessageMax), respondBy);
    }
}

/// <summary>Invitations:* configuration.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How many invitations one person may send in any 24 hours.</summary>
    public int DailyLimitPerInviter { get; set; } = 20;
}
