using GraphQL.Types;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQL;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>A scored person: the shape shared by search edges and similarExperts.</summary>
public sealed class ExpertMatchGraphType : ObjectGraphType<ExpertMatch>
{
    public ExpertMatchGraphType()
    {
        Name = "ExpertMatch";
        this.AddMatchFields(m => m);
    }
}

public sealed class ScoreReasonGraphType : ObjectGraphType<ScoreReason>
{
    public ScoreReasonGraphType()
    {
        Name = "ScoreReason";
        Description = "One signal's part in a score, in plain English.";
        Field<NonNullGraphType<EnumerationGraphType<ScoreSignal>>>("signal").Resolve(c => c.Source.Signal);
        Field<NonNullGraphType<StringGraphType>>("detail").Resolve(c => c.Source.Detail);
        Field<NonNullGraphType<FloatGraphType>>("contribution").Description("What this signal added; the contributions add up to the score.")
            .Resolve(c => c.Source.Contribution);
    }
}

public sealed class MatchedSkillGraphType : ObjectGraphType<MatchedSkill>
{
    public MatchedSkillGraphType()
    {
        Name = "MatchedSkill";
        Description = "A skill of the person's that answered the search.";
        Field<NonNullGraphType<SkillGraphType>>("skill").ResolveAsync(async c => await c.SkillAsync(c.Source.SkillId));
        Field<NonNullGraphType<EnumerationGraphType<SkillLevel>>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<BooleanGraphType>>("verified").Resolve(c => c.Source.Verified);
        Field<EnumerationGraphType<SkillEvidence>>("evidence").Resolve(c => c.Source.Evidence);
        Field<SkillGraphType>("forSkill").Description("The broader skill asked for, when this narrower one answered it.")
            .ResolveAsync(async c => c.Source.ForSkillId is { } id ? await c.SkillAsync(id) : null);
    }
}

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

/// <summary>A search hit on a page: its cursor, and its explanation, worked out only when asked for and once per result.</summary>
public sealed class SearchHit(string cursor, SearchOutcome outcome, int rank)
{
    public string Cursor { get; } = cursor;

    public ExpertMatch Match => outcome.Explain(rank);

    /// <summary>The hit's place: its group and how many of the skills asked for it meets.</summary>
    public RankedCandidate Ranked => outcome.Top(rank + 1)[rank];
}

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

/// <summary>The result of searchExperts: one page of hits, the total, and facet counts over every match.</summary>
public sealed record SearchPage(SearchOutcome Outcome, IReadOnlyList<SearchHit> Hits, int Offset);

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

public sealed class DomainFacetGraphType : ObjectGraphType<FacetCount<QualityDomain>>
{
    public DomainFacetGraphType()
    {
        Name = "DomainFacet";
        Field<NonNullGraphType<EnumerationGraphType<QualityDomain>>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class OrganisationTypeFacetGraphType : ObjectGraphType<FacetCount<OrganisationType>>
{
    public OrganisationTypeFacetGraphType()
    {
        Name = "OrganisationTypeFacet";
        Field<NonNullGraphType<EnumerationGraphType<OrganisationType>>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class SkillFacetGraphType : ObjectGraphType<FacetCount<Skill>>
{
    public SkillFacetGraphType()
    {
        Name = "SkillFacet";
        Field<NonNullGraphType<IdGraphType>>("value").Description("The skill's id, ready for filter.skillIds.").Resolve(c => GlobalId.Encode("Skill", c.Source.Value.Id));
        Field<NonNullGraphType<SkillGraphType>>("skill").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class IntegratedCareSystemFacetGraphType : ObjectGraphType<FacetCount<Guid>>
{
    public IntegratedCareSystemFacetGraphType()
    {
        Name = "IntegratedCareSystemFacet";
        Field<NonNullGraphType<IdGraphType>>("value").Description("The ICS id, ready for filter.icsIds.").Resolve(c => GlobalId.Encode("IntegratedCareSystem", c.Source.Value));
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem").Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.Value));
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class TeamProposalGraphType : ObjectGraphType<TeamProposal>
{
    public TeamProposalGraphType()
    {
        Name = "TeamProposal";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamMemberGraphType>>>>("members").Resolve(c => c.Source.Members);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("uncoveredSkills").ResolveAsync(async c =>
        {
            var taxonomy = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken);
            return c.Source.Uncovered.Select(u => taxonomy.Find(u.SkillId)).OfType<Skill>().ToList();
        });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UncoveredSkillGraphType>>>>("uncovered").Description("Why each uncovered skill is uncovered.")
            .Resolve(c => c.Source.Uncovered);
        Field<NonNullGraphType<IntGraphType>>("organisationCount").Resolve(c => c.Source.OrganisationCount);
    }
}

public sealed class TeamMemberGraphType : ObjectGraphType<TeamMember>
{
    public TeamMemberGraphType()
    {
        Name = "TeamMember";
        Field<NonNullGraphType<Experts.PersonGraphType>>("person").Resolve(c => c.Request().People.Load(c.Source.PersonId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("covers").Description("The required skills this member brings.")
            .ResolveAsync(async c =>
            {
                var taxonomy = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken);
                return c.Source.Covers.Select(taxonomy.Find).OfType<Skill>().ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamCoverGraphType>>>>("coverage")
            .Description("For each required skill this member brings: the skill they hold for it (the same or a narrower one) and at what level.")
            .Resolve(c => c.Source.Coverage);
        Field<OrganisationGraphType>("organisation").Description("The member's primary employer.")
            .Resolve(c => c.Source.OrganisationId is { } id ? c.Request().Organisations.Load(id) : null);
    }
}

public sealed class TeamCoverGraphType : ObjectGraphType<TeamCover>
{
    public TeamCoverGraphType()
    {
        Name = "TeamCover";
        Description = "How a team member covers one required skill.";
        Field<NonNullGraphType<SkillGraphType>>("skill").Description("The required skill.").ResolveAsync(async c => await c.SkillAsync(c.Source.SkillId));
        Field<NonNullGraphType<SkillGraphType>>("heldSkill").Description("The skill the member holds for it: the same skill, or a narrower one.")
            .ResolveAsync(async c => await c.SkillAsync(c.Source.HeldSkillId));
        Field<NonNullGraphType<BooleanGraphType>>("throughNarrower").Description("True when the cover comes through a narrower skill.")
            .Resolve(c => c.Source.HeldSkillId != c.Source.SkillId);
        Field<NonNullGraphType<EnumerationGraphType<SkillLevel>>>("level").Description("The member's level in the held skill.").Resolve(c => c.Source.Level);
    }
}

public sealed class UncoveredSkillGraphType : ObjectGraphType<UncoveredSkill>
{
    public UncoveredSkillGraphType()
    {
        Name = "UncoveredSkill";
        Field<NonNullGraphType<SkillGraphType>>("skill").ResolveAsync(async c =>
            (await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken)).Find(c.Source.SkillId));
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
    }
}
