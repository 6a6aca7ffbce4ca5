using IcsExpertiseGraph.Api.Notifications;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Invitations;

public static class InvitationsExtensions
{
    /// <summary>Invitation limits, and the outbox worker that expires invitations and emails notifications (when Notifications:Smtp:Host is set).</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InvitationOptions>(configuration.GetSection(InvitationOptions.Section));
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddHostedService<OutboxSender>();
        // A stop waits for the message in flight (bounded by the SMTP timeout) rather than cutting it off and sending it twice.
        services.AddOptions<HostOptions>().Configure<IOptions<NotificationOptions>>((host, notifications) =>
        {
            if (host.ShutdownTimeout < notifications.Value.ShutdownGrace)
            {
                host.ShutdownTimeout = notifications.Value.ShutdownGrace;
            }
        });
        return services;
    }
}
