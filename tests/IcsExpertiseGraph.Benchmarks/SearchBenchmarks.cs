using BenchmarkDotNet.Attributes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Benchmarks;

/// <summary>
/// Expert search at scale, as a warm server runs it: recognise the skills, find visible candidates in the
/// index, rank them, and explain the first page of 20. Medians are the figures to quote.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private BenchmarkNetwork network = null!;
    private ExpertSearch search = null!;
    private SimilarExperts similar = null!;
    private TeamAssembler teams = null!;
    private ExpertFilter trustsOpenToHelp = null!;
    private ExpertFilter controlInOneSystem = null!;
    private Guid someone;
    private Guid[] teamSkills = [];
    private SkillTaxonomy taxonomy = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        network = await BenchmarkNetwork.CreateAsync();
        search = network.Services.GetRequiredService<ExpertSearch>();
        similar = network.Services.GetRequiredService<SimilarExperts>();
        teams = network.Services.GetRequiredService<TeamAssembler>();
        taxonomy = await search.TaxonomyAsync(CancellationToken.None);
        trustsOpenToHelp = ExpertFilter.None with
        {
            AvailableOnly = true,
            OpenToCrossOrganisation = true,
            OrganisationTypes = [OrganisationType.AcuteTrust, OrganisationType.CommunityTrust, OrganisationType.MentalHealthTrust],
        };
        var icsId = (await search.SearchAsync("SPC", ExpertFilter.None, Viewer.Anonymous, CancellationToken.None)).Facets.IntegratedCareSystems[0].Value;
        controlInOneSystem = ExpertFilter.None with { Domains = [QualityDomain.QualityControl], IntegratedCareSystemIds = [icsId] };
        someone = (await search.SearchAsync("lean", ExpertFilter.None, Viewer.Anonymous, CancellationToken.None)).Top(1)[0].Candidate.PersonId;
        teamSkills = [.. new[] { "statistical-process-control", "systems-thinking", "experience-based-co-design", "lean" }
            .Select(key => taxonomy.All.Single(s => s.Key == key).Id)];
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await network.DisposeAsync();

    [Benchmark(Description = "searchExperts: text + filters, first page explained")]
    public Task<int> TextAndFilters() => FirstPageAsync("SPC and systems thinking", trustsOpenToHelp);

    [Benchmark(Description = "searchExperts: text only")]
    public Task<int> TextOnly() => FirstPageAsync("lean", ExpertFilter.None);

    [Benchmark(Description = "searchExperts: filters only")]
    public Task<int> FiltersOnly() => FirstPageAsync(null, controlInOneSystem);

    [Benchmark(Description = "searchExperts: text + filters, with facets")]
    public async Task<int> WithFacets()
    {
        var outcome = await search.SearchAsync("SPC and systems thinking", trustsOpenToHelp, Viewer.Anonymous, CancellationToken.None);
        return Explain(outcome) + outcome.Facets.Domains.Count;
    }

    [Benchmark(Description = "similarExperts(first: 10)")]
    public async Task<int> Similar() => (await similar.FindAsync(someone, 10, Viewer.Anonymous, CancellationToken.None)).Count;

    [Benchmark(Description = "assembleTeam(4 skills, size 5)")]
    public async Task<int> Team() => (await teams.AssembleAsync(teamSkills, null, 5, true, Viewer.Anonymous, CancellationToken.None)).Members.Count;

    private async Task<int> FirstPageAsync(string? query, ExpertFilter filter) =>
        Explain(await search.SearchAsync(query, filter, Viewer.Anonymous, CancellationToken.None));

    private static int Explain(SearchOutcome outcome) =>
        Enumerable.Range(0, outcome.Top(20).Count).Sum(rank => outcome.Explain(rank).Explanation.Count);
}
