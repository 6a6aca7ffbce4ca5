using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class ExpertSearchConnectionGraphType : ObjectGraphType<SearchPage>
{
    public ExpertSearchConnectionGraphType()
    {
        Name = "ExpertSearchConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many visible people match, across every page: skillHolderCount + wordMentionCount.")
            .Resolve(c => c.Source.Outcome.TotalCount);
        Field<NonNullGraphType<IntGraphType>>("skillHolderCount")
            .Description("How many of them hold at least one of the skills asked for (or a narrower one); they are listed first.")
            .Resolve(c => c.Source.Outcome.SkillHolderCount);
        Field<NonNullGraphType<IntGraphType>>("wordMentionCount")
            .Description("How many hold none of the skills asked for but have the words in their name, headline or bio; listed after every skill holder.")
            .Resolve(c => c.Source.Outcome.WordMentionCount);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => new PageInfo(
            c.Source.Offset + c.Source.Hits.Count < c.Source.Outcome.TotalCount, c.Source.Offset > 0,
            c.Source.Hits.Count == 0 ? null : c.Source.Hits[0].Cursor, c.Source.Hits.Count == 0 ? null : c.Source.Hits[^1].Cursor));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertSearchEdgeGraphType>>>>("edges").Resolve(c => c.Source.Hits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("recognisedSkills")
            .Description("The skills the search understood the query and filter to ask for (narrower skills count too).")
            .Resolve(c => c.Source.Outcome.Ranker.Concepts.Where(k => k.Source != ConceptSource.Domain).SelectMany(k => k.Roots).DistinctBy(s => s.Id).ToList());
        Field<NonNullGraphType<SearchFacetsGraphType>>("facets").Description("Counts over every match, not just this page.")
            .Resolve(c => c.Source.Outcome.Facets);
    }
}
