using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>PENDING until the sender emails it (or while no SMTP server is configured); NOT_EMAILED when there is no address or every attempt failed.</summary>
public enum DeliveryStatus { Pending, Emailed, NotEmailed }
