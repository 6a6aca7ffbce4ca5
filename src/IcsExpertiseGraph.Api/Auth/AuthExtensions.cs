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

