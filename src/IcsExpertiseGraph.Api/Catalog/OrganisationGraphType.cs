using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Catalog;

public sealed class OrganisationGraphType : ObjectGraphType<Organisation>
{
    public OrganisationGraphType()
    {
        Name = "Organisation";
        this.AsNode(x => x.Id);
        Field<StringGraphType>("odsCode").Description("NHS Organisation Data Service code, where it has one.").Resolve(c => c.Source.OdsCode);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<EnumerationGraphType<OrganisationType>>>("type").Resolve(c => c.Source.Type);
        Field<IntegratedCareSystemGraphType>("integratedCareSystem")
            .Resolve(c => c.Source.IntegratedCareSystemId is { } id ? c.Request().IntegratedCareSystems.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Experts.PersonGraphType>>>>("people")
            .Description("People working here now whom you may see, by name.")
            .Argument<IntGraphType>("first", $"How many, 1..{Connections.MaxPageSize}.", a => a.DefaultValue = 50)
            .Resolve(c =>
            {
                var first = c.First(50);

                return c.Request().StaffOfOrganisations.Load(c.Source.Id).Then(staff => (staff ?? []).Take(first).ToList());
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceGraphType>>>>("places").Description("The places it serves.")
            .Resolve(c => c.Request().PlacesServed.Load(c.Source.Id).Then(ids => c.Request().Places.LoadMany(ids ?? [])));
    }
}
