using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>Fields the Profiles feature adds to Person: its audit trail.</summary>
internal static class AuditTrailFields
{
    public const int MaxEvents = 200;

    /// <summary>Person.auditTrail: the person themself and admins only.</summary>
    public static void AddAuditTrailFields(this ObjectGraphType<Person> person) =>
        person.Field<ListGraphType<NonNullGraphType<AuditEventGraphType>>>("auditTrail")
            .Description("Every change to this profile, newest first: visible to the person and to admins.")
            .Argument<IntGraphType>("first", $"How many, 1..{MaxEvents}.", a => a.DefaultValue = 50)
            .ResolveAsync(async c =>
            {
                Access.RequireSelf(c, c.Source.Id, "Only the person and admins may read a profile's audit trail.", adminsToo: true);

                var first = c.First(50, MaxEvents);

                return await c.Request().Store.GetAuditTrailAsync(c.Source.Id, first, c.CancellationToken);
            });
}
