using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Catalog;

public sealed class IntegratedCareSystemGraphType : ObjectGraphType<IntegratedCareSystem>
{
    public IntegratedCareSystemGraphType()
    {
        Name = "IntegratedCareSystem";
        Description = "An Integrated Care System, identified by the ODS code of its Integrated Care Board.";
        this.AsNode(x => x.Id);
        Field<NonNullGraphType<StringGraphType>>("odsCode").Resolve(c => c.Source.OdsCode);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("nhsRegion").Resolve(c => c.Source.NhsRegion);
        Field<DateScalar>("validFrom").Description("When this ICS came into being.").Resolve(c => c.Source.ValidFrom);
        Field<DateScalar>("validTo").Description("When it closed or merged; null while current.").Resolve(c => c.Source.ValidTo);
        Field<IntegratedCareSystemGraphType>("successor").Description("The ICS it merged into, if any.")
            .Resolve(c => c.Source.SuccessorId is { } id ? c.Request().IntegratedCareSystems.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceGraphType>>>>("places")
            .Resolve(c => c.Request().PlacesOfSystems.Load(c.Source.Id).Then(p => p ?? []));
    }
}
