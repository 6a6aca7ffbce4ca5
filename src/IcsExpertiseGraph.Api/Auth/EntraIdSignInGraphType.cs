using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Auth;

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
