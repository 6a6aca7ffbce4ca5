using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>A notification from the outbox, as its recipient reads it in the service whether or not email delivered it.</summary>
public sealed class NotificationGraphType : ObjectGraphType<OutboxMessage>
{
    public NotificationGraphType()
    {
        Name = "Notification";
        Description = "A message to you about an invitation or a project, kept here whether or not it was emailed.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Notification", c.Source.Id));
        Field<NonNullGraphType<EnumerationGraphType<NotificationKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<IdGraphType>("invitationId").Description("The invitation it is about, if any.")
            .Resolve(c => c.Source.InvitationId is { } id ? GlobalId.Encode("Invitation", id) : null);
        Field<Projects.ProjectGraphType>("project").Description("The project it is about (joining or leading it), if any.")
            .Resolve(c => c.Source.ProjectId is { } id ? c.Request().Projects.Load(id) : null);
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
