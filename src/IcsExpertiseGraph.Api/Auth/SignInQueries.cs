using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// Signing in, for the browser front end: how this instance signs people in (anyone may ask), and the development
/// sign-in's list of people, refused unless <see cref="AuthMode.DevelopmentSignIn"/>.
/// </summary>
public static class SignInQueries
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
                Access.RequireDevelopmentSignIn(c);
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
}
