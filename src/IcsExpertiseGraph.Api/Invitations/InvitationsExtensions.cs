using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Notifications;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Api.Invitations;

public static class InvitationsExtensions
{
    /// <summary>Invitation limits, the outbox worker that expires invitations and emails notifications (when Notifications:Smtp:Host is set), and their graph types.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InvitationOptions>(configuration.GetSection(InvitationOptions.Section));
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            // A claim must outlast one send, or no message would ever be sent (see OutboxSender).
            .Validate(o => o.ClaimLease > o.Smtp.Timeout, "Notifications:ClaimLease must be longer than Notifications:Smtp:Timeout.")
            .ValidateOnStart();
        services.AddHostedService<OutboxSender>();
        services.AddGraphTypesOf(typeof(InvitationQueries));
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
