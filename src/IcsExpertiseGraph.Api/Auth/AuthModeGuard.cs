using IcsExpertiseGraph.Api.GraphQLApi;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// Says at start which issuer is trusted, and stops a production instance that would trust the local one. It runs in
/// the host's Starting phase, before any hosted service's StartAsync (the store's migration and seeding included),
/// wherever Program.cs lists authentication among the features.
/// </summary>
public sealed partial class AuthModeGuard(AuthMode mode, ILogger<AuthModeGuard> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (mode.Refused)
        {
            LogRefused(logger);
            throw new InvalidOperationException(
                "Refusing to start: the environment is Production and Entra ID is not configured (AzureAd:ClientId), so only the local development issuer is available. Configure AzureAd, or set Auth:AllowLocalIssuerInProduction=true for a test environment.");
        }

        if (mode.EntraId)
        {
            LogEntra(logger);
        }
        else if (mode.Production)
        {
            LogLocalInProduction(logger);
        }
        else
        {
            LogLocal(logger);
        }

        if (mode.DevelopmentSignIn)
        {
            LogDevelopmentSignIn(logger);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to start: Production without Entra ID (AzureAd:ClientId) would trust the local development issuer; set Auth:AllowLocalIssuerInProduction=true only for a test environment")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in: Microsoft Entra ID tokens (AzureAd configuration)")]
    private static partial void LogEntra(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in: the LOCAL development issuer in Production, allowed by Auth:AllowLocalIssuerInProduction")]
    private static partial void LogLocalInProduction(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in: the local development issuer (get a token with the 'token' verb)")]
    private static partial void LogLocal(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development sign-in is ON (developmentSignIn): anyone who can reach this instance can sign in as anyone, with any role. Set Auth:DevelopmentSignIn=false to turn it off")]
    private static partial void LogDevelopmentSignIn(ILogger logger);
}
