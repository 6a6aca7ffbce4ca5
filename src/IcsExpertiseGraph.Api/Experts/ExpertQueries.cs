using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>Query fields for finding people: <c>person</c>, <c>people</c> and <c>searchExperts</c>.</summary>
public static class ExpertQueries
{
    public static void AddExpertQueries(this ObjectGraphType query)
    {
        query.Field<PersonGraphType>("person")
            .Description("A person by id; null when there is no such person or the caller may not see them.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Request().People.Load(c.IdArgument("Person")));

        query.Field<NonNullGraphType<ConnectionGraphType<PersonGraphType, Person>>>("people")
            .Description("Everyone the caller may see, by name.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                c.RequireSearchAllowed();
                var request = c.Request();
                var page = await request.Store.ListPeopleAsync(request.Viewer, c.PageRequest(), c.CancellationToken);
                return page.ToConnection();
            });

        query.Field<NonNullGraphType<ExpertSearchConnectionGraphType>>("searchExperts")
            .Description("Experts ranked for a need in plain words, narrowed by the filter, each with the reasons for their place. People the caller may not see are never returned or counted.")
            .Argument<StringGraphType>("query", $"Plain words, up to {ExpertSearch.MaxQueryLength} characters, e.g. \"SPC and systems thinking\". Empty: everyone, ranked by the depth and evidence of their expertise.")
            .Argument<ExpertFilterInputGraphType>("filter")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                c.RequireSearchAllowed();
                var page = c.PageRequest();
                var filter = ExpertFilterInputGraphType.Read(c, c.GetArgument<Dictionary<string, object?>?>("filter"));
                await RequireKnownSkillsAsync(c, filter.SkillIds, "filter.skillIds");
                var request = c.Request();
                var search = c.RequestServices!.GetRequiredService<ExpertSearch>();
                // The page, its count and its facets come from one snapshot. Someone this snapshot still shows but the
                // store no longer does (hidden or erased by a write this instance has not applied yet) would leave the
                // count disagreeing with the page, so the search is asked again once the snapshot has caught up.
                for (var attempt = 1; ; attempt++)
                {
                    var outcome = await search.SearchAsync(c.GetArgument<string?>("query"), filter, request.Viewer, c.CancellationToken, page.Offset + page.Limit,
                        facets: c.SubFields?.Values.Any(f => f.Field.Name.Value == "facets") == true);
                    var slice = outcome.Top(page.Offset + page.Limit).Skip(page.Offset).Select((ranked, i) => (ranked.Candidate.PersonId, Position: page.Offset + i)).ToList();
                    var visible = await StillVisibleAsync(c, slice, hit => hit.PersonId);
                    if (visible.Count < slice.Count && attempt < 3)
                    {
                        await c.RequestServices!.GetRequiredService<Storage.ReadModelFollower>().CatchUpAsync(c.CancellationToken);
                        continue;
                    }

                    return new SearchPage(outcome, [.. visible.Select(hit => new SearchHit(Connections.Cursor(hit.Position), outcome, hit.Position))], page.Offset);
                }
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertMatchGraphType>>>>("similarExperts")
            .Description("People whose skills, levels and domains are closest to this person's, most similar first; the person is not included.")
            .Argument<NonNullGraphType<IdGraphType>>("personId")
            .Argument<IntGraphType>("first", "How many, 1..100.", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                c.RequireSearchAllowed();
                var personId = c.IdArgument("Person", "personId");
                var first = c.First(10);

                var viewer = c.Request().Viewer;
                var similar = await c.RequestServices!.GetRequiredService<ExpertSearch>().RememberAsync($"similar|{personId}|{first}", viewer,
                    () => c.RequestServices!.GetRequiredService<SimilarExperts>().FindAsync(personId, first, viewer, c.CancellationToken), c.CancellationToken);
                return await StillVisibleAsync(c, similar, m => m.PersonId);
            });

        query.Field<NonNullGraphType<TeamProposalGraphType>>("assembleTeam")
            .Description("A proposed team covering the skills at the deepest levels available, preferring available people open to cross-organisation work.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("skillIds", $"The skills the team needs, 1..{TeamAssembler.MaxSkills}.")
            .Argument<IdGraphType>("icsId", "Only people working in this ICS.")
            .Argument<IntGraphType>("size", $"At most this many people, 1..{TeamAssembler.MaxSize}.", a => a.DefaultValue = 5)
            .Argument<BooleanGraphType>("crossOrganisation", "Spread the team over at least two organisations where possible.", a => a.DefaultValue = true)
            .ResolveAsync(async c =>
            {
                c.RequireSearchAllowed();
                var skillIds = c.GetArgument<List<string>>("skillIds").Select(id => GlobalId.Parse(id, "Skill", "skillIds")).ToList();
                if (skillIds.Count is 0 or > TeamAssembler.MaxSkills)
                {
                    throw new BadUserInputError("skillIds", $"Ask for between 1 and {TeamAssembler.MaxSkills} skills.");
                }

                var size = c.GetArgument<int?>("size") ?? 5;
                if (size is < 1 or > TeamAssembler.MaxSize)
                {
                    throw new BadUserInputError("size", $"size must be between 1 and {TeamAssembler.MaxSize}; it was {size}.");
                }

                await RequireKnownSkillsAsync(c, skillIds, "skillIds");

                Guid? icsId = c.GetArgument<string?>("icsId") is { } raw ? GlobalId.Parse(raw, "IntegratedCareSystem", "icsId") : null;
                if (icsId is { } ics && (await c.Request().Store.GetIntegratedCareSystemsAsync([ics], c.CancellationToken)).Count == 0)
                {
                    throw new NotFoundException("icsId", ErrorTexts.NoIntegratedCareSystemWithId);
                }

                var cross = c.GetArgument<bool?>("crossOrganisation") ?? true;
                var viewer = c.Request().Viewer;
                var proposal = await c.RequestServices!.GetRequiredService<ExpertSearch>().RememberAsync(
                    $"team|{string.Join(',', skillIds)}|{icsId}|{size}|{cross}", viewer,
                    () => c.RequestServices!.GetRequiredService<TeamAssembler>().AssembleAsync(skillIds, icsId, size, cross, viewer, c.CancellationToken), c.CancellationToken);
                var members = await StillVisibleAsync(c, proposal.Members, m => m.PersonId);
                if (members.Count == proposal.Members.Count)
                {
                    return proposal;
                }

                var lost = proposal.Members.Except(members).SelectMany(m => m.Covers).Except(members.SelectMany(m => m.Covers)).Distinct();
                return proposal with
                {
                    Members = members,
                    Uncovered = [.. proposal.Uncovered, .. lost.Select(skill => new UncoveredSkill(skill, "The person proposed for it has just left the directory; ask again for someone else."))],
                };
            });
    }

    /// <summary>
    /// Search hits, similar experts and team members: their people are loaded here, in the one batch their fields would
    /// make anyway, so someone deleted or hidden since the index snapshot (other callers' snapshots trail a write by up
    /// to a second) drops out instead of failing the whole answer with a null where a person must be.
    /// </summary>
    private static async Task<IReadOnlyList<T>> StillVisibleAsync<T>(IResolveFieldContext context, IReadOnlyList<T> items, Func<T, Guid> personOf)
    {
        var people = context.Request().People;
        var loads = items.Select(item => people.Load(personOf(item))).ToList();
        var kept = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (await loads[i].GetResultAsync(context.CancellationToken) is not null)
            {
                kept.Add(items[i]);
            }
        }

        return kept;
    }

    /// <summary>A skill id that names no skill in the taxonomy is NOT_FOUND, naming the argument, as everywhere else.</summary>
    private static async Task RequireKnownSkillsAsync(IResolveFieldContext context, IEnumerable<Guid> skillIds, string field)
    {
        var taxonomy = await context.RequestServices!.GetRequiredService<ExpertSearch>().TaxonomyAsync(context.CancellationToken);
        // An id of all zeros is an id like any other that names no skill (FirstOrDefault's default could not tell it apart).
        if (skillIds.Where(id => taxonomy.Find(id) is null).Select(id => (Guid?)id).FirstOrDefault() is { } unknown)
        {
            throw new NotFoundException(field, $"There is no skill with id {GlobalId.Encode("Skill", unknown)}.");
        }
    }
}

