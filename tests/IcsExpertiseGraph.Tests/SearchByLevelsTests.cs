using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// A search that names skills places only the people who may meet every one of them when they are enough for the page,
/// and counts the rest from the bit columns. Whatever it skips, it must answer exactly as placing every match would: the
/// same count, the same split between skill holders and word mentions, the same facets and the same page.
/// </summary>
public sealed class SearchByLevelsTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // No result cache: each search below must be worked out, not remembered from the one before.
    private readonly ApiFactory factory = new() { Settings = { ["Search:ResultCache"] = "false" } };

    public void Dispose() => factory.Dispose();

    /// <summary>Queries, and whether some of their matches can be left unplaced.</summary>
    public static TheoryData<string, bool> Queries => new()
    {
        // Everyone found holds the one skill named: those who hold it only weakly are left out while its strong holders
        // fill the page above anything the weak could score.
        { "statistical process control", true },
        { "SPC and systems thinking", true },
        { "Lean and Model for Improvement", true },
        // A skill and a narrower one: one holding cannot meet both, so some of those the columns let through place lower.
        { "Run charts and statistical process control", true },
        { "PDSA cycles and process mapping and lean", true },
        // The word brings in people who do not hold the skill.
        { "lean for patients", true },
        // Nothing but words, and nothing at all: everyone found is placed, and scored only if their bound can reach the page.
        { "improvement patients", false },
        { "", false },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task APageFromThePeopleMeetingEverySkillIsThePageOfEveryMatchPlaced(string query, bool canSkip)
    {
        var search = factory.Services.GetRequiredService<ExpertSearch>();
        var store = factory.Store;
        var ics = (await store.ListIntegratedCareSystemsAsync(new PageRequest(0, 50), Ct)).Items;
        var people = (await store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 1000), Ct)).Items;
        var hidden = people.First(p => p.Visibility == Visibility.Private);
        var taxonomy = await search.TaxonomyAsync(Ct);
        var lean = taxonomy.All.First(s => s.Name.Equals("Lean", StringComparison.OrdinalIgnoreCase));
        ExpertFilter[] filters =
        [
            ExpertFilter.None,
            ExpertFilter.None with { AvailableOnly = true },
            ExpertFilter.None with { OpenToCrossOrganisation = false },
            ExpertFilter.None with { Domains = [QualityDomain.SystemsThinking] },
            .. ics.Take(3).Select(s => ExpertFilter.None with { IntegratedCareSystemIds = [s.Id] }),
            ExpertFilter.None with { OrganisationTypes = [OrganisationType.AcuteTrust], AvailableOnly = true },
            ExpertFilter.None with { SkillIds = [lean.Id] },
        ];
        Viewer[] viewers = [Viewers.Admin, Viewers.Member, Viewer.Anonymous, new Viewer(hidden.Id, IsMember: true, IsAdmin: false)];

        var (searches, skipped) = (0, 0);
        foreach (var filter in filters)
        {
            foreach (var viewer in viewers)
            {
                // Every match placed: a page deeper than any match.
                var whole = await search.SearchAsync(query, filter, viewer, Ct, prepare: 100_000, facets: true);
                Assert.Equal(whole.TotalCount, whole.PlacedCount);
                var ranking = whole.Top(whole.TotalCount);
                foreach (var page in new[] { 1, 3, 8 })
                {
                    var outcome = await search.SearchAsync(query, filter, viewer, Ct, prepare: page, facets: true);
                    var what = $"'{query}' {Describe(filter)} as {viewer}, first {page}";
                    Assert.True(whole.TotalCount == outcome.TotalCount, $"{what}: {outcome.TotalCount} found, {whole.TotalCount} placing everyone");
                    Assert.True(whole.SkillHolderCount == outcome.SkillHolderCount, $"{what}: {outcome.SkillHolderCount} holders, {whole.SkillHolderCount} placing everyone");
                    Assert.Equal(Facets(whole.Facets), Facets(outcome.Facets));
                    Assert.Equal(Page(ranking.Take(page)), Page(outcome.Top(page)));
                    searches++;
                    skipped += outcome.PlacedCount < outcome.TotalCount ? 1 : 0;
                }
            }
        }

        // Not only the fallback was tried: searches placed fewer people than they matched, and kept the same answers.
        Assert.True(!canSkip || skipped >= searches / 5, $"Only {skipped} of {searches} searches for '{query}' placed fewer people than they found.");
    }

    private static string Describe(ExpertFilter filter) =>
        $"(available {filter.AvailableOnly}, open {filter.OpenToCrossOrganisation}, {filter.Domains.Count} domains, {filter.IntegratedCareSystemIds.Count} ICSs, {filter.OrganisationTypes.Count} types, {filter.SkillIds.Count} skills)";

    private static string Page(IEnumerable<RankedCandidate> ranked) =>
        string.Join('\n', ranked.Select(r => $"{r.Candidate.PersonId} {r.Score:F6} {r.Group} {r.Met} {r.Explicit}"));

    private static string Facets(SearchFacets facets) =>
        "domains " + string.Join(',', facets.Domains.Select(f => $"{f.Value}:{f.Count}"))
        + "\nskills " + string.Join(',', facets.Skills.Select(f => $"{f.Value.Id}:{f.Count}"))
        + "\nsystems " + string.Join(',', facets.IntegratedCareSystems.Select(f => $"{f.Value}:{f.Count}"))
        + "\ntypes " + string.Join(',', facets.OrganisationTypes.Select(f => $"{f.Value}:{f.Count}"));
}
