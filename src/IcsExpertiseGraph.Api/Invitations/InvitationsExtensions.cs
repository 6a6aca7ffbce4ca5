using IcsExpertiseGraph.Api.Notifications;

namespace IcsExpertiseGraph.Api.Invitations;

public static class InvitationsExtensions
{
    /// <summary>Invitation limits, and the outbox worker that expires invitations and emails notifications (when Notifications:Smtp:Host is set).</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InvitationOptions>(configuration.GetSection(InvitationOptions.Section));
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
