using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Network;

public sealed class ExpertiseCoverageGraphType : ObjectGraphType<ExpertiseCoverage>
{
    public ExpertiseCoverageGraphType()
    {
        Name = "ExpertiseCoverage";
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem").Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.IntegratedCareSystemId));
        Field<NonNullGraphType<IntGraphType>>("peopleCounted").Description("People working in the ICS whom you may see, each once.").Resolve(c => c.Source.PeopleCounted);
        Field<NonNullGraphType<IntGraphType>>("peopleInNoPlace")
            .Description("Of peopleCounted, those whose organisations in the ICS serve none of its places: in the totals, in no place row.")
            .Resolve(c => c.Source.PeopleInNoPlace);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DomainCoverageGraphType>>>>("domains").Resolve(c => c.Source.Domains);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("gaps").Description("Skills nobody here holds at expert or coach level.").Resolve(c => c.Source.Gaps);
        Field<NonNullGraphType<CoverageBalanceGraphType>>("balance").Resolve(c => c.Source.Balance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceCoverageGraphType>>>>("places")
            .Description("Per place of the ICS (every place, also those with nobody), by name: the heatmap's rows.").Resolve(c => c.Source.Places);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationCoverageGraphType>>>>("organisations")
            .Description("Per organisation in the ICS with at least one counted person, by name.").Resolve(c => c.Source.Organisations);
        Field<NonNullGraphType<CoverageTotalGraphType>>("placesTotal")
            .Description("The distinct people behind the place rows: a person counts in every place their organisations serve, so the rows add up to more than this.")
            .Resolve(c => c.Source.PlacesTotal);
        Field<NonNullGraphType<CoverageTotalGraphType>>("organisationsTotal")
            .Description("The distinct people behind the organisation rows: a person with two employers in the ICS counts in both rows, once here.")
            .Resolve(c => c.Source.OrganisationsTotal);
    }
}
