using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Profiles;

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
