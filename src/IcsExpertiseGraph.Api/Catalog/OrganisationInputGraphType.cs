using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Catalog;

/// <summary>Bound to <see cref="OrganisationInput"/>.</summary>
public sealed class OrganisationInputGraphType : InputObjectGraphType<OrganisationInput>
{
    public OrganisationInputGraphType()
    {
        Name = "OrganisationInput";
        Field<IdGraphType>("id").Description("The organisation to update; leave out to match by ODS code or create.");
        Field<StringGraphType>("odsCode");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<EnumerationGraphType<OrganisationType>>>("type");
        Field<IdGraphType>("integratedCareSystemId");
    }
}
