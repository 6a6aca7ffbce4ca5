using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>
/// Person.joinRequests and joinRequestsToDecide: pending contributions, read through <c>me</c> by the person themself only,
/// because until agreed a pending one is seen by nobody but the person and those who decide on it.
/// </summary>
internal static class JoinRequestFields
{
    public const int MaxRequests = 200;

    public static void AddJoinRequestFields(this ObjectGraphType<Person> person)
    {
        person.Field<ListGraphType<NonNullGraphType<JoinRequestGraphType>>>("joinRequests")
            .Description("Your own pending contributions, newest first (yours only): projects you asked to join, and projects whose lead added you, waiting for you to confirm.")
            .ResolveAsync(async c =>
            {
                RequireSelf(c);
                return await c.Request().Store.GetJoinRequestsOfPersonAsync(c.Source.Id, c.CancellationToken);
            });

        person.Field<ListGraphType<NonNullGraphType<JoinRequestGraphType>>>("joinRequestsToDecide")
            .Description("What waits on you, newest first (yours only): requests to join projects you lead (and, for network managers, projects with no lead "
                + "you can see), to approve or decline, and people you added who have yet to confirm, to withdraw.")
            .Argument<IntGraphType>("first", $"How many, 1..{MaxRequests}.", a => a.DefaultValue = 50)
            .ResolveAsync(async c =>
            {
                RequireSelf(c);
                return await c.Request().Store.GetJoinRequestsAwaitingAsync(c.Request().Viewer, c.First(50, MaxRequests), c.CancellationToken);
            });
    }

    private static void RequireSelf(IResolveFieldContext<Person> c) =>
        Access.RequireSelf(c, c.Source.Id, "Only the person may read their requests to join projects.");
}
