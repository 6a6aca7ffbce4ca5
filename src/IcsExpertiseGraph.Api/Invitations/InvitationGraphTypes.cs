using GraphQL.Types;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;
using IcsExpertiseGraph.Api.Profiles;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>An invitation as its inviter and invitee see it (no one else ever reaches one).</summary>
public sealed class InvitationGraphType : ObjectGraphType<Invitation>
{
    public InvitationGraphType()
    {
        Name = "Invitation";
        Description = "A request to an expert to help design an ICS. Only its inviter and invitee see it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Invitation", c.Source.Id));
        Field<PersonGraphType>("inviter").Description("Null if their profile is hidden from you.").Resolve(c => c.Request().People.Load(c.Source.InviterId));
        Field<PersonGraphType>("invitee").Description("Their email shows only once they accept.").Resolve(c => c.Request().People.Load(c.Source.InviteeId));
        Field<NonNullGraphType<StringGraphType>>("purpose").Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem").Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.IntegratedCareSystemId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("skills").Description("The skills wanted.")
            .ResolveAsync(async c =>
            {
                var catalog = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken);
                return c.Source.SkillIds.Select(catalog.Find).OfType<Skill>().ToList();
            });
        Field<NonNullGraphType<IntGraphType>>("hoursRequested").Description("The time asked for, in hours.").Resolve(c => c.Source.HoursRequested);
        Field<StringGraphType>("message").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<DateTimeScalar>>("respondBy").Resolve(c => c.Source.RespondBy);
        Field<NonNullGraphType<EnumerationGraphType<InvitationStatus>>>("status").Description("EXPIRED once respondBy passes unanswered.")
            .Resolve(c => c.Source.StatusAt(Me.Now(c)));
        Field<NonNullGraphType<DateTimeScalar>>("sentAt").Resolve(c => c.Source.SentAt);
        Field<DateTimeScalar>("respondedAt").Resolve(c => c.Source.RespondedAt);
        Field<StringGraphType>("responseMessage").Resolve(c => c.Source.ResponseMessage);
        Field<ProjectGraphType>("project").Description("The project an accepted invitation led to, once linked.")
            .Resolve(c => c.Source.ProjectId is { } id ? c.Request().Projects.Load(id) : null);
    }
}

/// <summary>A notification from the outbox, as its recipient reads it in the service whether or not email delivered it.</summary>
public sealed class NotificationGraphType : ObjectGraphType<OutboxMessage>
{
    public NotificationGraphType()
    {
        Name = "Notification";
        Description = "A message to you about an invitation, kept here whether or not it was emailed.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Notification", c.Source.Id));
        Field<NonNullGraphType<EnumerationGraphType<NotificationKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("invitationId").Resolve(c => GlobalId.Encode("Invitation", c.Source.InvitationId));
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<StringGraphType>>("body").Resolve(c => c.Source.Body);
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<EnumerationGraphType<DeliveryStatus>>>("delivery").Description("Whether email delivered it.")
            .Resolve(c => c.Source switch
            {
                { SentAt: not null } => DeliveryStatus.Emailed,
                { GaveUp: true } => DeliveryStatus.NotEmailed,
                _ => DeliveryStatus.Pending,
            });
        Field<DateTimeScalar>("emailedAt").Resolve(c => c.Source.SentAt);
    }
}

/// <summary>PENDING until the sender emails it (or while no SMTP server is configured); NOT_EMAILED when there is no address or every attempt failed.</summary>
public enum DeliveryStatus { Pending, Emailed, NotEmailed }

public sealed class InviteExpertInputGraphType : InputObjectGraphType
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
