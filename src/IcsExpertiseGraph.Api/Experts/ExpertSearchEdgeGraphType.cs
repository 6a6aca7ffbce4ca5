using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class ExpertSearchEdgeGraphType : ObjectGraphType<SearchHit>
{
    public ExpertSearchEdgeGraphType()
    {
        Name = "ExpertSearchEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<EnumerationGraphType<SearchGroup>>>("group")
            .Description("NAME: the query is this person's name; SKILLS: holds skills asked for; WORDS: holds none of them but their text has the words; EVERYONE: nothing was asked for.")
            .Resolve(c => c.Source.Ranked.Group);
        Field<NonNullGraphType<IntGraphType>>("skillsMet")
            .Description("How many of the skills asked for this person meets, each by a distinct skill they hold (one held skill never counts for two).")
            .Resolve(c => c.Source.Ranked.Met);
        this.AddMatchFields(hit => hit.Match);
    }
}
