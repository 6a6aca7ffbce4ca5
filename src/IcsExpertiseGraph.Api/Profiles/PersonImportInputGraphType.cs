using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Profiles;

public sealed class PersonImportInputGraphType : InputObjectGraphType
{
    public PersonImportInputGraphType()
    {
        Name = "PersonImportInput";
        Field<NonNullGraphType<StringGraphType>>("email").Description("Matches an existing profile; a new one is created otherwise.");
        Field<NonNullGraphType<StringGraphType>>("displayName");
        Field<StringGraphType>("headline").Description("Left as it is when not given.");
        Field<StringGraphType>("bio").Description("Left as it is when not given.");
        Field<EnumerationGraphType<Visibility>>("visibility").Description("For new profiles only (NETWORK when left out); an existing person's choice is kept.");
        Field<StringGraphType>("organisationOdsCode").Description("A current employment at this organisation is added if missing.");
        Field<StringGraphType>("role");
    }
}
