using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Catalog;

public sealed class PlaceGraphType : ObjectGraphType<Place>
{
    public PlaceGraphType()
    {
        Name = "Place";
        Description = "A place-based partnership inside an ICS.";
        this.AsNode(x => x.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem")
            .Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.IntegratedCareSystemId));
    }
}
