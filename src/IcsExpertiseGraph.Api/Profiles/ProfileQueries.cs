using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Profiles;

public static class ProfileQueries
{
    public static void AddProfileQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<PersonGraphType>>("me")
            .Description("Your own profile. The first call links your sign-in to an existing profile with your verified email; it never creates one (NOT_FOUND on me: createMyProfile does, explicitly).")
            .ResolveAsync(async c =>
            {
                var me = await Me.PersonIdAsync(c, link: true);
                return await c.Request().People.Load(me).GetResultAsync(c.CancellationToken);
            });
}
