using GraphQL;
using GraphQL.Types;

namespace IcsExpertiseGraph.Api.Auth;

public sealed class SignInOptionsGraphType : ObjectGraphType<SignInOffer>
{
    public SignInOptionsGraphType()
    {
        Name = "SignInOptions";
        Field<NonNullGraphType<EnumerationGraphType<SignInMode>>>("mode").Resolve(c => c.Source.Mode);
        Field<NonNullGraphType<BooleanGraphType>>("developmentSignIn")
            .Description("True when this instance offers the development sign-in (local issuer, Development environment or Auth:DevelopmentSignIn=true).")
            .Resolve(c => c.Source.DevelopmentSignIn);
        Field<EntraIdSignInGraphType>("entraId").Description("Set when this instance trusts Microsoft Entra ID.").Resolve(c => c.Source.EntraId);
    }
}
