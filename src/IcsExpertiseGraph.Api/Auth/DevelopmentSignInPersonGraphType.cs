using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Auth;

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
