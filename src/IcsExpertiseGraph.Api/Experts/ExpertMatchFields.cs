using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Experts;

internal static class ExpertMatchFields
{
    /// <summary>A skill by id from the in-memory taxonomy (no store call).</summary>
    public static async Task<Skill?> SkillAsync(this global::GraphQL.IResolveFieldContext context, Guid id) =>
        (await context.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(context.CancellationToken)).Find(id);

    /// <summary>node, score, matchedSkills and explanation, read from whatever holds the match.</summary>
    public static void AddMatchFields<TSource>(this ObjectGraphType<TSource> type, Func<TSource, ExpertMatch> match)
    {
        type.Field<NonNullGraphType<Experts.PersonGraphType>>("node").Resolve(c => c.Request().People.Load(match(c.Source).PersonId));
        type.Field<NonNullGraphType<FloatGraphType>>("score").Description("Higher ranks first; the sum of the explanation's contributions.")
            .Resolve(c => match(c.Source).Score);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchedSkillGraphType>>>>("matchedSkills").Resolve(c => match(c.Source).MatchedSkills);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScoreReasonGraphType>>>>("explanation").Resolve(c => match(c.Source).Explanation);
    }
}
