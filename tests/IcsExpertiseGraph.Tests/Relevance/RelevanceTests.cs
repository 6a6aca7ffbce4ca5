using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests.Relevance;

/// <summary>
/// Measures search quality against a judgement set (Relevance/judgements.json): needs an ICS designer might
/// type, graded by one rubric applied to everyone's real profile, with known experts planted in the network.
/// nDCG@10 must average at least 0.9. UPDATE_RELEVANCE=1 dotnet test rewrites Relevance/RESULTS.md with the figures.
/// </summary>
public sealed class RelevanceTests : IAsyncLifetime, IDisposable
{
    private const int Depth = 10;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-relevance", Guid.NewGuid().ToString("N"));
    private Judgements judgements = null!;
    private NetworkSnapshot network = null!;
    private SkillTaxonomy taxonomy = null!;
    private ExpertSearch search = null!;
    private SqliteExpertiseStore store = null!;
    private ILookup<Guid, PersonSkill> skillsOf = null!;

    public async Task InitializeAsync()
    {
        var path = Path.Combine(SchemaContractTests.RepositoryRoot(), "tests", "IcsExpertiseGraph.Tests", "Relevance", "judgements.json");
        judgements = JsonSerializer.Deserialize<Judgements>(await File.ReadAllTextAsync(path), JsonOptions)!;
        taxonomy = new SkillTaxonomy(ReferenceData.Skills());
        var asOf = DateOnly.Parse(judgements.Network.AsOf, CultureInfo.InvariantCulture);
        network = new NetworkGenerator(judgements.Network.Seed, asOf).Generate(judgements.Network.People, [.. judgements.Needs.SelectMany(Plant)]);
        skillsOf = network.PersonSkills.ToLookup(s => s.PersonId);

        store = new SqliteExpertiseStore(new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = Path.Combine(directory, "expertise.db") })));
        await store.MigrateAsync(CancellationToken.None);
        await store.ImportAsync(network, replaceExisting: false, progress: null, CancellationToken.None);
        var catalog = new SkillCatalog(store, TimeProvider.System);
        var index = new ExpertIndexHost(store, catalog, TimeProvider.System, Options.Create(new ReadModelOptions()), NullLogger<ExpertIndexHost>.Instance);
        search = new ExpertSearch(store, catalog, index, Options.Create(new SearchOptions()), TimeProvider.System, new ReadYourWrites());
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SearchRanksTheRightPeopleFirstForTheJudgementSet()
    {
        Assert.True(judgements.Needs.Count >= 20, "The judgement set must hold at least 20 needs.");
        var results = new List<NeedResult>();
        foreach (var need in judgements.Needs)
        {
            var outcome = await search.SearchAsync(need.Query, Filter(need.Filter), Viewer.Anonymous, CancellationToken.None);
            var ranked = outcome.Top(outcome.TotalCount).Select(r => r.Candidate.PersonId).ToList();
            var grades = network.People.Where(p => p.Visibility == Visibility.Public).ToDictionary(p => p.Id, p => Grade(need, p.Id));
            var gains = ranked.Take(Depth).Select(id => grades.GetValueOrDefault(id)).ToList();
            var ideal = grades.Values.OrderDescending().Take(Depth).ToList();
            var planted = PlantedIds(need);
            results.Add(new NeedResult(
                need.Id,
                Dcg(gains) / Dcg(ideal),
                gains.Take(5).Count(g => g >= 2) / 5.0,
                planted.Where(p => p.Grade == 3).Select(p => ranked.IndexOf(p.Id) + 1).DefaultIfEmpty(0).Max(),
                planted.Count(p => p.Decoy && ranked.Contains(p.Id)),
                grades.Values.Count(g => g >= 2)));
        }

        if (Environment.GetEnvironmentVariable("UPDATE_RELEVANCE") == "1")
        {
            await File.WriteAllTextAsync(Path.Combine(SchemaContractTests.RepositoryRoot(), "tests", "IcsExpertiseGraph.Tests", "Relevance", "RESULTS.md"), Report(results));
        }

        var summary = Report(results);
        Assert.All(results, r => Assert.True(r.DecoysReturned == 0, $"{r.Id}: a decoy outside the filter was returned.\n{summary}"));
        Assert.All(results, r => Assert.InRange(r.WorstPlantedExpertRank, 1, Depth));
        Assert.True(results.Average(r => r.Ndcg) >= 0.9, summary);
    }

    private static double Dcg(IReadOnlyList<int> grades) =>
        grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum() is var dcg && dcg == 0 ? 1e-9 : dcg;

    /// <summary>The rubric: 3 all required skills at expert or coach, 2 all at practitioner or deeper, 1 some held, 0 none or outside the filter.</summary>
    private int Grade(Need need, Guid personId)
    {
        if (!PassesFilter(need.Filter, personId))
        {
            return 0;
        }

        var held = skillsOf[personId].ToList();
        var levels = need.Requires.Select(key => held
            .Where(h => taxonomy.WithDescendants(SkillId(key)).Contains(h.SkillId))
            .Select(h => (int)h.Level).DefaultIfEmpty(0).Max()).ToList();
        return levels.All(l => l >= (int)SkillLevel.Expert) ? 3
            : levels.All(l => l >= (int)SkillLevel.Practitioner) ? 2
            : levels.Any(l => l > 0) ? 1
            : 0;
    }

    private bool PassesFilter(NeedFilter? filter, Guid personId)
    {
        if (filter is null)
        {
            return true;
        }

        var person = network.People.Single(p => p.Id == personId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var employers = network.Employments.Where(e => e.PersonId == personId && (e.Until is null || e.Until >= today))
            .Select(e => network.Organisations.Single(o => o.Id == e.OrganisationId)).ToList();
        var held = skillsOf[personId].ToList();
        var floor = filter.MinLevel ?? SkillLevel.Awareness;
        return (!filter.AvailableOnly || person.Availability.Status != AvailabilityStatus.NotAvailable)
            && (filter.OpenToCrossOrganisation is not { } open || person.Availability.OpenToCrossOrganisation == open)
            && (filter.Skills.Count == 0 || held.Any(h => h.Level >= floor && filter.Skills.Any(k => taxonomy.WithDescendants(SkillId(k)).Contains(h.SkillId))))
            && (filter.Ics is null && filter.OrganisationTypes.Count == 0
                || employers.Any(o => (filter.Ics is null || o.IntegratedCareSystemId == IcsId(filter.Ics))
                    && (filter.OrganisationTypes.Count == 0 || filter.OrganisationTypes.Contains(o.Type))));
    }

    private ExpertFilter Filter(NeedFilter? filter) => filter is null ? ExpertFilter.None : ExpertFilter.None with
    {
        SkillIds = [.. filter.Skills.Select(SkillId)],
        MinLevel = filter.MinLevel,
        IntegratedCareSystemIds = filter.Ics is null ? [] : [IcsId(filter.Ics)],
        OrganisationTypes = filter.OrganisationTypes,
        AvailableOnly = filter.AvailableOnly,
        OpenToCrossOrganisation = filter.OpenToCrossOrganisation,
    };

    private Guid SkillId(string key) => taxonomy.All.Single(s => s.Key == key).Id;

    private static Guid IcsId(string ods) => ReferenceData.StableId("ics", ods);

    private List<(Guid Id, int Grade, bool Decoy)> PlantedIds(Need need) =>
        [.. Planted(need).Select((p, i) => (network.People.Single(person => person.DisplayName == PlantedName(need, i)).Id, p.Grade, p.Decoy))];

    private static IReadOnlyList<PlantedSpec> Planted(Need need) =>
        need.Planted ?? [new PlantedSpec { Grade = 3 }, new PlantedSpec { Grade = 2 }, new PlantedSpec { Grade = 1 }];

    private static string PlantedName(Need need, int i) => $"Planted {need.Id} {i}";

    /// <summary>Known experts of each grade: grade 3 coaches with credentials, verified and open; 2 practitioners; 1 partial; decoys strong but outside the filter.</summary>
    private static IEnumerable<PlantedExpert> Plant(Need need) => Planted(need).Select((spec, i) =>
    {
        var strong = spec.Decoy || spec.Grade == 3;
        var skills = spec.Skills ?? (spec.Grade switch
        {
            1 => new Dictionary<string, SkillLevel> { [need.Requires[0]] = need.Requires.Count > 1 ? SkillLevel.Practitioner : SkillLevel.Awareness },
            2 => need.Requires.ToDictionary(k => k, _ => SkillLevel.Practitioner),
            _ => need.Requires.ToDictionary(k => k, _ => SkillLevel.Coach),
        });
        return new PlantedExpert(
            PlantedName(need, i),
            skills,
            strong ? SkillEvidence.Credential : spec.Grade == 2 ? SkillEvidence.Training : null,
            strong,
            spec.OrganisationType ?? (need.Filter?.OrganisationTypes is [var first, ..] ? first : OrganisationType.AcuteTrust),
            spec.Ics ?? need.Filter?.Ics ?? "QWO",
            spec.Availability ?? (strong ? AvailabilityStatus.Open : AvailabilityStatus.Limited),
            spec.Open ?? true,
            strong ? 10 : 200);
    });

    private static string Report(IReadOnlyList<NeedResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("# Search relevance on the judgement set");
        text.AppendLine();
        text.AppendLine("Measured by `RelevanceTests` (`UPDATE_RELEVANCE=1 dotnet test --filter RelevanceTests` rewrites this file) on the");
        text.AppendLine("network and needs in `judgements.json`, searching as an anonymous caller. Grades follow the rubric there;");
        text.AppendLine("'planted rank' is the worst rank of the planted grade-3 experts; 'relevant' counts everyone graded 2 or 3.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Mean nDCG@10 **{results.Average(r => r.Ndcg):F3}**, mean precision@5 **{results.Average(r => r.PrecisionAt5):F3}** over {results.Count} needs.");
        text.AppendLine();
        text.AppendLine("| need | nDCG@10 | P@5 | planted rank | relevant people |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Id} | {r.Ndcg:F3} | {r.PrecisionAt5:F2} | {r.WorstPlantedExpertRank} | {r.RelevantPeople} |");
        }

        return text.ToString();
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    private sealed record NeedResult(string Id, double Ndcg, double PrecisionAt5, int WorstPlantedExpertRank, int DecoysReturned, int RelevantPeople);

    private sealed record Judgements(NetworkSpec Network, IReadOnlyList<Need> Needs);

    private sealed record NetworkSpec(int People, int Seed, string AsOf);

    private sealed record Need(string Id, string? Query, NeedFilter? Filter, IReadOnlyList<string> Requires, IReadOnlyList<PlantedSpec>? Planted);

    private sealed record NeedFilter
    {
        public IReadOnlyList<string> Skills { get; init; } = [];

        public SkillLevel? MinLevel { get; init; }

        public string? Ics { get; init; }

        public IReadOnlyList<OrganisationType> OrganisationTypes { get; init; } = [];

        public bool AvailableOnly { get; init; }

        public bool? OpenToCrossOrganisation { get; init; }
    }

    private sealed record PlantedSpec
    {
        public int Grade { get; init; }

        public bool Decoy { get; init; }

        public Dictionary<string, SkillLevel>? Skills { get; init; }

        public OrganisationType? OrganisationType { get; init; }

        public string? Ics { get; init; }

        public AvailabilityStatus? Availability { get; init; }

        public bool? Open { get; init; }
    }
}
