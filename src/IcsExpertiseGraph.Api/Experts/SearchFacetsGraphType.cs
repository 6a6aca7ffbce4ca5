using GraphQL.Types;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class SearchFacetsGraphType : ObjectGraphType<SearchFacets>
{
    public SearchFacetsGraphType()
    {
        Name = "SearchFacets";
        Description = "How many matching people fall under each value; a person counts once per value.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DomainFacetGraphType>>>>("domains").Resolve(c => c.Source.Domains);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillFacetGraphType>>>>("skills")
            .Description($"The {SearchFacets.MaxSkills} skills most held among the matches.").Resolve(c => c.Source.Skills);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntegratedCareSystemFacetGraphType>>>>("integratedCareSystems")
            .Description("By current employers' ICS.").Resolve(c => c.Source.IntegratedCareSystems);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationTypeFacetGraphType>>>>("organisationTypes")
            .Description("By current employers' type.").Resolve(c => c.Source.OrganisationTypes);
    }
}
