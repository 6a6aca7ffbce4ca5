using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// <c>token --person &lt;personId&gt; [--role NetworkManager|Admin]...</c>: prints a bearer token from the local
/// development issuer for a person in the store (by global id or UUID), linking the profile to the token's
/// object id so the token acts on that profile from its first call.
/// </summary>
public static class TokenCommand
{
    public const string Usage = "token --person <personId> [--role NetworkManager|Admin]...";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        string? person = null;
        var roles = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--person" when value is not null:
                    person = value;
                    i++;
                    break;
                case "--role" when value is Roles.NetworkManager or Roles.Admin:
                    roles.Add(value);
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Unrecognised or invalid argument '{args[i]}' (roles are {Roles.NetworkManager} and {Roles.Admin}).\nUsage: {Usage}");
                    return 2;
            }
        }

        if (person is null || !(Guid.TryParse(person, out var id) || (GlobalId.TryDecode(person, out var type, out id) && type == "Person")))
        {
            await Console.Error.WriteLineAsync($"--person must be a person's id (as the API shows it, or a UUID).\nUsage: {Usage}");
            return 2;
        }

        if (services.GetService<LocalIssuer>() is not { } issuer)
        {
            await Console.Error.WriteLineAsync("This instance trusts Entra ID (AzureAd is configured), or refuses the local issuer in Production: get a token from Entra ID instead.");
            return 1;
        }

        var store = services.GetRequiredService<IExpertiseStore>();
        await store.MigrateAsync(cancellationToken);
        var found = await store.GetPeopleAsync([id], new Viewer(null, true, true), cancellationToken);
        if (!found.TryGetValue(id, out var profile))
        {
            await Console.Error.WriteLineAsync($"There is no person with id {person} in {services.GetRequiredService<IConfiguration>()["Storage:Sqlite:Path"]}.");
            return 1;
        }

        var (_, token) = await IssueAsync(store, issuer, profile, roles, services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        Console.WriteLine(token);
        return 0;
    }

    /// <summary>
    /// A local token for a person (this verb, and the development sign-in): their profile is linked first (a profile
    /// already linked keeps its link), so every call the token makes, not only <c>me</c>, acts on that profile.
    /// </summary>
    public static async Task<(Domain.Person Linked, string Token)> IssueAsync(
        IExpertiseStore store, LocalIssuer issuer, Domain.Person profile, IReadOnlyCollection<string> roles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(profile);
        var linked = await store.LinkIdentityAsync(profile.Id, profile.ExternalId ?? "local:" + profile.Id.ToString("D"), now, cancellationToken);
        return (linked, issuer.Issue(linked.ExternalId!, linked.Email, linked.DisplayName, roles, now));
    }
}
