using IcsExpertiseGraph.Api.GraphQLApi;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace IcsExpertiseGraph.Api.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// One JWT bearer pipeline, two issuers: Microsoft Entra ID through Microsoft.Identity.Web when
    /// <c>AzureAd:ClientId</c> is set, otherwise the local development issuer (refused in Production unless
    /// <c>Auth:AllowLocalIssuerInProduction</c> is true). Also the sign-in fields' graph types.
    /// </summary>
    public static IServiceCollection AddExpertiseAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var entra = !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);
        var mode = new AuthMode(entra, environment.IsProduction(), options.AllowLocalIssuerInProduction, environment.IsDevelopment(), options.DevelopmentSignIn);
        services.AddSingleton(mode);
        services.AddSingleton(SignInOffer.From(mode, configuration));
        services.AddHostedService<AuthModeGuard>();
        if (entra)
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(configuration.GetSection("AzureAd"));
        }
        else if (mode.LocalIssuer)
        {
            var keyPath = options.LocalKeyPath is { Length: > 0 } configured
                ? configured
                : Path.Combine(Path.GetDirectoryName(configuration["Storage:Sqlite:Path"] ?? "data/expertise.db") is { Length: > 0 } folder ? folder : ".", "local-issuer.key");
            var issuer = new LocalIssuer(keyPath, options.LocalTokenLifetime);
            services.AddSingleton(issuer);
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = issuer.ValidationParameters;
            });
        }
        else
        {
            // AuthModeGuard stops the host before any request; no key is created for an issuer that must not run.
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        }

        services.AddAuthorization();
        services.AddSingleton<CallerResolver>();
        services.AddGraphTypesOf(typeof(SignInQueries));
        return services;
    }
}

/// <summary>Which issuer this instance trusts, and whether it offers the development sign-in, decided once from configuration.</summary>
public sealed record AuthMode(bool EntraId, bool Production, bool LocalAllowedInProduction, bool Development, bool? DevelopmentSignInSetting)
{
    public bool Refused => !EntraId && Production && !LocalAllowedInProduction;

    /// <summary>The local development issuer signs and validates this instance's tokens.</summary>
    public bool LocalIssuer => !EntraId && !Refused;

    /// <summary>
    /// Anyone may sign in as anyone (developmentSignIn): only where the local issuer runs anyway, and then in
    /// Development unless Auth:DevelopmentSignIn says otherwise.
    /// </summary>
    public bool DevelopmentSignIn => LocalIssuer && (DevelopmentSignInSetting ?? Development);
}

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
