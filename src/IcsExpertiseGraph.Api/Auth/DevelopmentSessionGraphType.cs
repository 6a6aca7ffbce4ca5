using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Auth;

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
