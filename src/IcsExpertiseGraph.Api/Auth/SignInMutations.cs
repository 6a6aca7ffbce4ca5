using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>The development sign-in, which lets anyone pick a person and be them; refused unless <see cref="AuthMode.DevelopmentSignIn"/>.</summary>
public static class SignInMutations
{
    public static void AddSignInMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DevelopmentSessionGraphType>>("developmentSignIn")
            .Description("Development sign-in only (FORBIDDEN elsewhere): a bearer token for anyone, with the roles asked for, as the token verb prints it.")
            .Argument<NonNullGraphType<IdGraphType>>("personId")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<Role>>>>("roles", "App roles the token carries; none by default.")
            .ResolveAsync(async c =>
            {
                Access.RequireDevelopmentSignIn(c);
                var personId = c.IdArgument("Person", "personId");
                var roles = (c.GetArgument<List<Role>?>("roles") ?? []).Distinct()
                    .Select(r => r == Role.Admin ? Roles.Admin : Roles.NetworkManager).ToList();
                var request = c.Request();
                var everyone = new Viewer(null, IsMember: true, IsAdmin: true);
                if (!(await request.Store.GetPeopleAsync([personId], everyone, c.CancellationToken)).TryGetValue(personId, out var profile))
                {
                    throw new NotFoundException("personId", "There is no person with that id.");
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
}
