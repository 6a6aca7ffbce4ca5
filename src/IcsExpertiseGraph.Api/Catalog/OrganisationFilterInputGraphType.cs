using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Catalog;

public sealed class OrganisationFilterInputGraphType : InputObjectGraphType
{
    public OrganisationFilterInputGraphType()
    {
        Name = "OrganisationFilter";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("icsIds").Description("Part of any of these ICSs.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<OrganisationType>>>>("types").Description("Of any of these types.");
        Field<StringGraphType>("nameContains").Description("Case-insensitive part of the name.");
    }
}
