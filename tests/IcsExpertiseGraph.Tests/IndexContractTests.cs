using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The in-memory index answers the store's candidate question from memory; with the same criteria and viewer
/// both must return the same people with the same holdings, employers and availability. (Text relevance is
/// each one's own: SQLite stems words, the index matches prefixes, so text criteria are compared elsewhere.)
/// </summary>
public sealed class IndexContractTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static readonly ExpertCriteria Everyone = new([], new HashSet<Guid>(), [], null, [], [], [], [], false, null);

    public static TheoryData<string> Cases => [.. CriteriaCases().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheIndexAndTheStoreFindTheSameCandidates(string name)
    {
        var (criteria, viewer) = CriteriaCases()[name](await SampleAsync());
        var index = await api.Factory.Services.GetRequiredService<ExpertIndexHost>().GetAsync(CancellationToken.None);

        var fromIndex = index.FindCandidates(criteria, viewer);
        var fromStore = await api.Factory.Store.FindExpertCandidatesAsync(criteria, viewer, CancellationToken.None);

        Assert.NotEmpty(fromStore);
        Assert.Equal(fromStore.Select(c => c.PersonId), fromIndex.Select(c => c.PersonId));
        foreach (var (store, memory) in fromStore.Zip(fromIndex))
        {
            Assert.Equal(store.Skills.OrderBy(s => s.SkillId), memory.Skills.OrderBy(s => s.SkillId));
            Assert.Equal(store.CurrentOrganisationIds, memory.CurrentOrganisationIds);
            Assert.Equal((store.Availability, store.OpenToCrossOrganisation, store.LastConfirmedAt), (memory.Availability, memory.OpenToCrossOrganisation, memory.LastConfirmedAt));
        }
    }

    [Fact]
    public async Task FacetsCountedFromTheColumnsOrPersonByPersonAreTheCountsOfTheCandidatesFound()
    {
        // The index counts the facets of many matches from its bit columns (skills and domains; ICSs and organisation
        // types) and of few person by person; either way they must be what counting the same people's holdings and
        // employers one by one gives (the store's way).
        var sample = await SampleAsync();
        var index = await api.Factory.Services.GetRequiredService<ExpertIndexHost>().GetAsync(CancellationToken.None);
        var organisations = index.Organisations.ToDictionary(o => o.Id);
        var ranker = new ExpertRanker(index.Taxonomy, [], DateTimeOffset.UtcNow);
        var columns = index.Taxonomy.All.Count + Enum.GetValues<QualityDomain>().Length;
        Assert.Equal(columns, index.FacetColumns.Holdings);
        var (fromColumns, byPerson, employersFromColumns, employersByPerson) = (0, 0, 0, 0);
        foreach (var (name, make) in CriteriaCases())
        {
            var (criteria, viewer) = make(sample);
            var candidates = index.FindCandidates(criteria, viewer);
            var found = index.Search(criteria, ranker, viewer, prepare: 0, facets: true);
            Assert.Equal(candidates.Count, found.Count);

            var expected = SearchFacets.Count(candidates, index.Taxonomy, id => organisations.GetValueOrDefault(id));
            var facets = found.Facets();
            Assert.True(expected.Skills.SequenceEqual(facets.Skills), $"{name}: skill facets differ");
            Assert.True(expected.Domains.SequenceEqual(facets.Domains), $"{name}: domain facets differ");
            Assert.True(expected.IntegratedCareSystems.SequenceEqual(facets.IntegratedCareSystems), $"{name}: ICS facets differ");
            Assert.True(expected.OrganisationTypes.SequenceEqual(facets.OrganisationTypes), $"{name}: organisation type facets differ");
            if (ExpertIndex.FacetsFromColumns(found.Count, columns, (index.PeopleCount + 63) / 64))
            {
                fromColumns++;
            }
            else
            {
                byPerson++;
            }

            if (ExpertIndex.FacetsFromColumns(found.Count, index.FacetColumns.Employers, (index.PeopleCount + 63) / 64))
            {
                employersFromColumns++;
            }
            else
            {
                employersByPerson++;
            }
        }

        Assert.True(fromColumns > 0 && byPerson > 0, $"{fromColumns} cases counted from the columns and {byPerson} person by person: both ways must be tried");
        Assert.True(employersFromColumns > 0 && employersByPerson > 0,
            $"ICS and organisation types: {employersFromColumns} cases counted from the columns and {employersByPerson} person by person: both ways must be tried");
    }

    private sealed record Sample(Guid Ics, Guid Place, Guid Spc, IReadOnlySet<Guid> SpcAndNarrower, Guid PrivatePerson);

    private async Task<Sample> SampleAsync()
    {
        var store = api.Factory.Store;
        var admin = Viewers.Admin;
        var ics = (await store.ListIntegratedCareSystemsAsync(new PageRequest(0, 1), CancellationToken.None)).Items[0];
        var place = (await store.GetPlacesOfIntegratedCareSystemsAsync([ics.Id], CancellationToken.None))[ics.Id][0];
        var skills = new Api.Catalog.SkillTaxonomy(await store.GetAllSkillsAsync(CancellationToken.None));
        var spc = skills.All.Single(s => s.Key == "statistical-process-control").Id;
        var hidden = (await store.ListPeopleAsync(admin, new PageRequest(0, 1000), CancellationToken.None)).Items.First(p => p.Visibility == Visibility.Private);
        return new Sample(ics.Id, place.Id, spc, skills.WithDescendants(spc), hidden.Id);
    }

    private static Dictionary<string, Func<Sample, (ExpertCriteria, Viewer)>> CriteriaCases() => new()
    {
        ["everyone, anonymous"] = _ => (Everyone, Viewer.Anonymous),
        ["everyone, member"] = _ => (Everyone, Viewers.Member),
        ["everyone, admin"] = _ => (Everyone, Viewers.Admin),
        ["everyone, a private person sees themself"] = s => (Everyone, new Viewer(s.PrivatePerson, true, false)),
        ["holders of SPC or narrower"] = s => (Everyone with { ConceptSkillIds = s.SpcAndNarrower }, Viewer.Anonymous),
        ["SPC holders at expert level"] = s => (Everyone with { ConceptSkillIds = s.SpcAndNarrower, MinLevel = SkillLevel.Expert }, Viewer.Anonymous),
        ["filter: SPC skill, practitioner or deeper"] = s => (Everyone with { SkillIds = [.. s.SpcAndNarrower], MinLevel = SkillLevel.Practitioner }, Viewer.Anonymous),
        ["filter: quality control or assurance domains"] = _ => (Everyone with { Domains = [QualityDomain.QualityControl, QualityDomain.QualityAssurance] }, Viewer.Anonymous),
        ["filter: one ICS"] = s => (Everyone with { IntegratedCareSystemIds = [s.Ics] }, Viewers.Admin),
        ["filter: one place"] = s => (Everyone with { PlaceIds = [s.Place] }, Viewers.Admin),
        ["filter: acute and mental health trusts"] = _ => (Everyone with { OrganisationTypes = [OrganisationType.AcuteTrust, OrganisationType.MentalHealthTrust] }, Viewer.Anonymous),
        ["filter: available and open"] = _ => (Everyone with { AvailableOnly = true, OpenToCrossOrganisation = true }, Viewer.Anonymous),
        ["filter: not open to other organisations"] = _ => (Everyone with { OpenToCrossOrganisation = false }, Viewer.Anonymous),
        ["filter: coaches in anything"] = _ => (Everyone with { MinLevel = SkillLevel.Coach }, Viewer.Anonymous),
    };

    [Fact]
    public async Task SearchRanksTheSameWithTheIndexSwitchedOff()
    {
        using var storeOnly = new ApiFactory { Settings = { ["Search:MemoryIndex"] = "false" } };
        const string query = """
            { searchExperts(filter: { domains: [QUALITY_CONTROL], availableOnly: true }, first: 50) {
                totalCount edges { score node { id } } facets { organisationTypes { value count } } } }
            """;

        var fromIndex = await api.Factory.QueryAsync(query);
        var fromStore = await storeOnly.QueryAsync(query);

        Assert.Null(fromStore["errors"]);
        Assert.Equal(fromIndex["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>(), fromStore["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(fromIndex["data"]!["searchExperts"]!["facets"]!.ToJsonString(), fromStore["data"]!["searchExperts"]!["facets"]!.ToJsonString());
        Assert.Equal(
            fromIndex["data"]!["searchExperts"]!["edges"].Arr().Select(e => (e!["node"]!["id"].Str(), e["score"]!.GetValue<double>())),
            fromStore["data"]!["searchExperts"]!["edges"].Arr().Select(e => (e!["node"]!["id"].Str(), e["score"]!.GetValue<double>())));
    }
}
