namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>Invitations:* configuration.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How many invitations one person may send in any 24 hours.</summary>
    public int DailyLimitPerInviter { get; set; } = 20;
}
