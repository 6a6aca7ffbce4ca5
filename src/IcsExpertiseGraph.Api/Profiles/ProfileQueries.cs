using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;

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

/// <summary>One entry of a profile's audit trail.</summary>
public sealed class AuditEventGraphType : ObjectGraphType<AuditEvent>
{
    public AuditEventGraphType()
    {
        Name = "AuditEvent";
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("action").Description("What was done, e.g. UPDATE_PROFILE, SET_SKILL, ENDORSE_SKILL.").Resolve(c => c.Source.Action);
        Field<PersonGraphType>("actor").Description("Who did it; null for the system or someone you may not see.")
            .Resolve(c => c.Source.ActorId is { } id ? c.Request().People.Load(id) : null);
        Field<StringGraphType>("before").Description("The changed fields before, as JSON.").Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Description("The changed fields after, as JSON.").Resolve(c => c.Source.After);
    }
}

internal static class AuditTrailField
{
    public const int MaxEvents = 200;

    /// <summary>Person.auditTrail: the person themself and admins only.</summary>
    public static void AddAuditTrail(this ObjectGraphType<Person> person) =>
        person.Field<ListGraphType<NonNullGraphType<AuditEventGraphType>>>("auditTrail")
            .Description("Every change to this profile, newest first: visible to the person and to admins.")
            .Argument<IntGraphType>("first", $"How many, 1..{MaxEvents}.", a => a.DefaultValue = 50)
            .ResolveAsync(async c =>
            {
                var viewer = c.Request().Viewer;
                if (viewer.PersonId != c.Source.Id && !viewer.IsAdmin)
                {
                    throw CodedError.Forbidden("Only the person and admins may read a profile's audit trail.");
                }

                var first = c.First(50, MaxEvents);

                return await c.Request().Store.GetAuditTrailAsync(c.Source.Id, first, c.CancellationToken);
            });
}
