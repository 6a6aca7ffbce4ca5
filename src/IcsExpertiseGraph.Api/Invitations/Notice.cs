using System.Globalization;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>
/// A notification to put in the outbox, before it has an id; the address is the recipient's at the time of the change. A
/// notice about a project names it (<see cref="ProjectId"/>), and the person whose name it carries to someone else
/// (<see cref="AboutPersonId"/>), so erasing that person removes it.
/// </summary>
public sealed record Notice(NotificationKind Kind, Guid RecipientId, string? RecipientEmail, string Subject, string Body)
{
    public Guid? ProjectId { get; init; }

    public Guid? AboutPersonId { get; init; }
}
