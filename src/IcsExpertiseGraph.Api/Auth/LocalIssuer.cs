using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// The local development issuer: signs tokens with an HMAC key kept in a file beside the store (created on
/// first use, readable by its owner only), so the server and the <c>token</c> verb, run with the same
/// configuration, agree on it. Tokens carry the same claims Entra ID would: oid, email, name, roles.
/// </summary>
public sealed class LocalIssuer
{
    public const string Issuer = "urn:ics-expertise-graph:local-issuer";
    public const string Audience = "urn:ics-expertise-graph:api";

    private readonly SymmetricSecurityKey key;
    private readonly TimeSpan lifetime;

    public LocalIssuer(string keyPath, TimeSpan lifetime)
    {
        key = new SymmetricSecurityKey(LoadOrCreateKey(keyPath)) { KeyId = "local" };
        this.lifetime = lifetime;
        KeyPath = keyPath;
    }

    public string KeyPath { get; }

    /// <summary>How long a token it issues lasts.</summary>
    public TimeSpan Lifetime => lifetime;

    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromMinutes(1),
        NameClaimType = "name",
        RoleClaimType = "roles",
    };

    public string Issue(string externalId, string? email, string? name, IEnumerable<string> roles, DateTimeOffset now)
    {
        var claims = new List<Claim> { new("oid", externalId), new("sub", externalId) };
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
            claims.Add(new Claim("email_verified", "true"));
        }

        if (name is not null)
        {
            claims.Add(new Claim("name", name));
        }

        claims.AddRange(roles.Select(role => new Claim("roles", role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var bytes = RandomNumberGenerator.GetBytes(32);
        // Written to a temporary file first, so two processes starting together cannot read half a key.
        var temporary = path + "." + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, Convert.ToBase64String(bytes));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return bytes;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
