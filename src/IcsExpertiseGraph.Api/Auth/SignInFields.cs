using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>The app roles a development sign-in may take (as Entra ID would put them in the token's roles claim).</summary>
public enum Role { NetworkManager, Admin }

public sealed record DevelopmentSession(string Token, DateTimeOffset ExpiresAt, Person Person);

/// <summary>
/// Signing in, for the browser front end: how this instance signs people in (anyone may ask), and the development
/// sign-in, which lets anyone pick a person and be them. The latter is refused unless <see cref="AuthMode.DevelopmentSignIn"/>.
/// </summary>
public static class SignInFields
{
    /// <summary>As long as a display name may be.</summary>
    public const int MaxNameQueryLength = 120;

    public static void AddSignInQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<SignInOptionsGraphType>>("signInOptions")
            .Description("How to sign in to this instance. Anyone may ask.")
            .Resolve(c => c.RequestServices!.GetRequiredService<SignInOffer>());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DevelopmentSignInPersonGraphType>>>>("developmentSignInPeople")
            .Description("Development sign-in only (FORBIDDEN elsewhere): people to sign in as, by name, whatever their visibility.")
            .Argument<StringGraphType>("query", $"Part of a display name, ignoring case, up to {MaxNameQueryLength} characters; without it, the first people by name.")
            .Argument<IntGraphType>("first", "1..100.", a => a.DefaultValue = 20)
            .ResolveAsync(async c =>
            {
                RequireDevelopmentSignIn(c);
                var first = c.First(20);
                var text = c.GetArgument<string?>("query")?.Trim();
                if (text?.Length > MaxNameQueryLength)
                {
                    throw new BadUserInputError("query", $"query is longer than {MaxNameQueryLength} characters, the longest a name can be.");
                }

                // The search index holds every person's name, visibility and employers: no store call, however many are listed.
                var minimum = c.RequestServices!.GetRequiredService<ReadYourWrites>().MinimumFor(c.Request().Viewer);
                var index = await c.RequestServices!.GetRequiredService<ExpertIndexHost>().GetAsync(c.CancellationToken, minimum);
                return index.EveryoneByName(string.IsNullOrEmpty(text) ? null : text, first);
            });
    }

    public static void AddSignInMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DevelopmentSessionGraphType>>("developmentSignIn")
            .Description("Development sign-in only (FORBIDDEN elsewhere): a bearer token for anyone, with the roles asked for, as the token verb prints it.")
            .Argument<NonNullGraphType<IdGraphType>>("personId")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<Role>>>>("roles", "App roles the token carries; none by default.")
            .ResolveAsync(async c =>
            {
                RequireDevelopmentSignIn(c);
                var personId = c.IdArgument("Person", "personId");
                var roles = (c.GetArgument<List<Role>?>("roles") ?? []).Distinct()
                    .Select(r => r == Role.Admin ? Roles.Admin : Roles.NetworkManager).ToList();
                var request = c.Request();
                var everyone = new Viewer(null, IsMember: true, IsAdmin: true);
                if (!(await request.Store.GetPeopleAsync([personId], everyone, c.CancellationToken)).TryGetValue(personId, out var profile))
                {
                    throw new NotFoundError("personId", "There is no person with that id.");
                }

                var issuer = c.RequestServices!.GetRequiredService<LocalIssuer>();
                var now = Me.Now(c);
                var (person, token) = await TokenCommand.IssueAsync(request.Store, issuer, profile, roles, now, c.CancellationToken);

                // The rest of this request answers as the new session will (the person as they see themself), not as its caller.
                var admin = roles.Contains(Roles.Admin);
                request.Identity = new SignedInIdentity(person.ExternalId!, person.Email, person.Email is not null, person.DisplayName, roles.ToHashSet(StringComparer.Ordinal));
                request.Viewer = new Viewer(person.Id, IsMember: true, IsAdmin: admin, IsNetworkManager: admin || roles.Contains(Roles.NetworkManager));
                return new DevelopmentSession(token, now + issuer.Lifetime, person);
            });
    }

    private static void RequireDevelopmentSignIn(IResolveFieldContext context)
    {
        var mode = context.RequestServices!.GetRequiredService<AuthMode>();
        if (!mode.DevelopmentSignIn)
        {
            throw CodedError.Forbidden(mode.EntraId
                ? "The development sign-in is off on this instance: sign in with your organisation's Microsoft Entra ID account (signInOptions.entraId)."
                : "The development sign-in is off on this instance (it needs the Development environment or Auth:DevelopmentSignIn=true): ask whoever runs it for a token (the token verb).");
        }
    }
}

public sealed class SignInOptionsGraphType : ObjectGraphType<SignInOffer>
{
    public SignInOptionsGraphType()
    {
        Name = "SignInOptions";
        Field<NonNullGraphType<EnumerationGraphType<SignInMode>>>("mode").Resolve(c => c.Source.Mode);
        Field<NonNullGraphType<BooleanGraphType>>("developmentSignIn")
            .Description("True when this instance offers the development sign-in (local issuer, Development environment or Auth:DevelopmentSignIn=true).")
            .Resolve(c => c.Source.DevelopmentSignIn);
        Field<EntraIdSignInGraphType>("entraId").Description("Set when this instance trusts Microsoft Entra ID.").Resolve(c => c.Source.EntraId);
    }
}

public sealed class EntraIdSignInGraphType : ObjectGraphType<EntraIdSignIn>
{
    public EntraIdSignInGraphType()
    {
        Name = "EntraIdSignIn";
        Field<NonNullGraphType<StringGraphType>>("authority").Description("AzureAd:Instance followed by AzureAd:TenantId.").Resolve(c => c.Source.Authority);
        Field<NonNullGraphType<StringGraphType>>("clientId").Description("The browser app's registration: AzureAd:SpaClientId, else AzureAd:ClientId.").Resolve(c => c.Source.ClientId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes").Description("The scopes to ask for a token to this API with.").Resolve(c => c.Source.Scopes);
    }
}

public sealed class DevelopmentSignInPersonGraphType : ObjectGraphType<PersonListing>
{
    public DevelopmentSignInPersonGraphType()
    {
        Name = "DevelopmentSignInPerson";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The person's id, for developmentSignIn.").Resolve(c => GlobalId.Encode("Person", c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(c => c.Source.DisplayName);
        Field<StringGraphType>("headline").Resolve(c => c.Source.Headline);
        Field<StringGraphType>("organisation").Description("Their primary current employer's name.").Resolve(c => c.Source.Organisation);
        Field<NonNullGraphType<EnumerationGraphType<Visibility>>>("visibility").Resolve(c => c.Source.Visibility);
    }
}

public sealed class DevelopmentSessionGraphType : ObjectGraphType<DevelopmentSession>
{
    public DevelopmentSessionGraphType()
    {
        Name = "DevelopmentSession";
        Field<NonNullGraphType<StringGraphType>>("token").Description("A bearer token from the local issuer.").Resolve(c => c.Source.Token);
        Field<NonNullGraphType<DateTimeScalar>>("expiresAt").Resolve(c => c.Source.ExpiresAt);
        Field<NonNullGraphType<PersonGraphType>>("person").Description("The person signed in as, as they see themself.").Resolve(c => c.Source.Person);
    }
}
