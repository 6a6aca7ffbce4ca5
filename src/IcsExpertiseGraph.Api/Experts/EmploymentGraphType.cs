using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>(Person)-[:WORKS_AT]->(Organisation)</summary>
public sealed class EmploymentGraphType : ObjectGraphType<Employment>
{
    public EmploymentGraphType()
    {
        Name = "Employment";
        Field<NonNullGraphType<OrganisationGraphType>>("organisation").Resolve(c => c.Request().Organisations.Load(c.Source.OrganisationId));
        Field<StringGraphType>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<BooleanGraphType>>("primary").Resolve(c => c.Source.Primary);
        Field<DateScalar>("since").Resolve(c => c.Source.Since);
        Field<DateScalar>("until").Description("Null while current.").Resolve(c => c.Source.Until);
    }
}
