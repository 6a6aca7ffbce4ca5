using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// What the embedded store's import tells the person running the seed verb: each stage by name with its rows, and, when
/// the network refers to something it does not hold, which reference is wrong (and nothing written).
/// </summary>
public sealed class ImportReportTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 1);
    private static readonly NetworkSnapshot Network = new NetworkGenerator(11, AsOf).Generate(60);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-import-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteExpertiseStore> stores = [];

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        SqlitePools.ReleaseUnder(directory);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task EachStageIsReportedByNameWithAllItsRowsInTheOrderWritten()
    {
        var store = await OpenStoreAsync();
        var reports = new Recorder();

        await store.ImportAsync(Network, replaceExisting: false, reports, CancellationToken.None);

        (string, long)[] expected =
        [
            ("integrated care systems", Network.IntegratedCareSystems.Count), ("places", Network.Places.Count),
            ("organisations", Network.Organisations.Count), ("places served", Network.OrganisationPlaces.Count),
            ("skills", Network.Skills.Count), ("skill taxonomy", Network.Skills.Count(s => s.BroaderId is not null)),
            ("skill aliases", Network.Skills.Sum(s => s.Aliases.Count)), ("people", Network.People.Count),
            ("employments", Network.Employments.Count), ("person skills", Network.PersonSkills.Count), ("search text", Network.People.Count),
            ("projects", Network.Projects.Count), ("project methods", Network.ProjectMethods.Count), ("contributions", Network.Contributions.Count),
            ("endorsements", Network.Endorsements.Count), ("invitations", Network.InvitationHistory.Count),
        ];
        Assert.Equal(expected, reports.Seen.Select(r => (r.Stage, r.Done)));
        Assert.All(reports.Seen, r => Assert.Equal(r.Total, r.Done));
        Assert.All(expected.Where(e => e.Item1 != "skill aliases"), e => Assert.True(e.Item2 > 0, $"the generated network has no {e.Item1}"));
    }

    public static TheoryData<string> DanglingReferences() =>
    [
        "successor", "place ICS", "organisation ICS", "organisation", "place", "broader skill", "employee", "employer", "skill holder", "skill",
        "host organisation", "project", "method", "contributor", "endorser", "endorsee", "endorsed skill", "inviter", "invitee", "invitation ICS",
        "invited skill", "project an invitation led to", "project of a contribution",
    ];

    [Theory]
    [MemberData(nameof(DanglingReferences))]
    public async Task AReferenceToSomethingTheNetworkDoesNotHoldIsNamedAndNothingIsWritten(string what)
    {
        var store = await OpenStoreAsync();
        var unknown = Guid.NewGuid();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.ImportAsync(Dangling(Network, what, unknown), replaceExisting: false, progress: null, CancellationToken.None));

        Assert.Equal($"The {what.Replace(" of a contribution", "", StringComparison.Ordinal)} {unknown} is not part of the imported network.", refused.Message);
        Assert.Equal(0, (await store.ListPeopleAsync(new Viewer(null, false, true), new PageRequest(0, 10), CancellationToken.None)).TotalCount);
        Assert.Empty(await store.GetAllSkillsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ADuplicateIdIsRefusedByNameAndNothingIsWritten()
    {
        var store = await OpenStoreAsync();
        var twice = Network.People[3];

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.ImportAsync(Network with { People = [.. Network.People, twice] }, replaceExisting: false, progress: null, CancellationToken.None));

        Assert.Equal($"Duplicate id {twice.Id} in the Person list.", refused.Message);
        Assert.True(await store.IsEmptyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ALargeStageReportsEveryTenThousandRowsAndTheImportLeavesNoWriteAheadLogBehind()
    {
        var store = await OpenStoreAsync();
        var aliased = Network.Skills[0] with { Aliases = [.. Enumerable.Range(0, 25_000).Select(i => $"alias {i}")] };
        var many = Network with { Skills = [aliased, .. Network.Skills.Skip(1).Select(s => s with { Aliases = [] })] };
        var reports = new Recorder();

        await store.ImportAsync(many, replaceExisting: false, reports, CancellationToken.None);

        Assert.Equal([10_000L, 20_000L, 25_000L], reports.Seen.Where(r => r.Stage == "skill aliases").Select(r => r.Done));
        Assert.All(reports.Seen.Where(r => r.Stage == "skill aliases"), r => Assert.Equal(25_000L, r.Total));
        // The import ends with a checkpoint that truncates the log: a fresh network is all in the database file.
        var log = new FileInfo(Path.Combine(directory, "expertise.db-wal"));
        Assert.True(!log.Exists || log.Length == 0, $"the write-ahead log holds {log.Length} bytes after the import");
    }

    /// <summary>The network with one reference of the kind named pointing at <paramref name="unknown"/>.</summary>
    private static NetworkSnapshot Dangling(NetworkSnapshot n, string what, Guid unknown) => what switch
    {
        "successor" => n with { IntegratedCareSystems = One(n.IntegratedCareSystems, _ => true, i => i with { SuccessorId = unknown }) },
        "place ICS" => n with { Places = One(n.Places, _ => true, p => p with { IntegratedCareSystemId = unknown }) },
        "organisation ICS" => n with { Organisations = One(n.Organisations, _ => true, o => o with { IntegratedCareSystemId = unknown }) },
        "organisation" => n with { OrganisationPlaces = One(n.OrganisationPlaces, _ => true, s => s with { OrganisationId = unknown }) },
        "place" => n with { OrganisationPlaces = One(n.OrganisationPlaces, _ => true, s => s with { PlaceId = unknown }) },
        "broader skill" => n with { Skills = One(n.Skills, s => s.BroaderId is not null, s => s with { BroaderId = unknown }) },
        "employee" => n with { Employments = One(n.Employments, _ => true, e => e with { PersonId = unknown }) },
        "employer" => n with { Employments = One(n.Employments, _ => true, e => e with { OrganisationId = unknown }) },
        "skill holder" => n with { PersonSkills = One(n.PersonSkills, _ => true, s => s with { PersonId = unknown }) },
        "skill" => n with { PersonSkills = One(n.PersonSkills, _ => true, s => s with { SkillId = unknown }) },
        "host organisation" => n with { Projects = One(n.Projects, _ => true, p => p with { HostOrganisationId = unknown }) },
        "project" => n with { ProjectMethods = One(n.ProjectMethods, _ => true, m => m with { ProjectId = unknown }) },
        "method" => n with { ProjectMethods = One(n.ProjectMethods, _ => true, m => m with { SkillId = unknown }) },
        "project of a contribution" => n with { Contributions = One(n.Contributions, _ => true, c => c with { ProjectId = unknown }) },
        "contributor" => n with { Contributions = One(n.Contributions, _ => true, c => c with { PersonId = unknown }) },
        "endorser" => n with { Endorsements = One(n.Endorsements, _ => true, e => e with { EndorserId = unknown }) },
        "endorsee" => n with { Endorsements = One(n.Endorsements, _ => true, e => e with { EndorseeId = unknown }) },
        "endorsed skill" => n with { Endorsements = One(n.Endorsements, _ => true, e => e with { SkillId = unknown }) },
        "inviter" => n with { Invitations = One(n.InvitationHistory, _ => true, v => v with { InviterId = unknown }) },
        "invitee" => n with { Invitations = One(n.InvitationHistory, _ => true, v => v with { InviteeId = unknown }) },
        "invitation ICS" => n with { Invitations = One(n.InvitationHistory, _ => true, v => v with { IntegratedCareSystemId = unknown }) },
        "invited skill" => n with { Invitations = One(n.InvitationHistory, v => v.SkillIds.Count > 0, v => v with { SkillIds = [unknown] }) },
        "project an invitation led to" => n with { Invitations = One(n.InvitationHistory, v => v.ProjectId is not null, v => v with { ProjectId = unknown }) },
        _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
    };

    private static List<T> One<T>(IReadOnlyList<T> items, Func<T, bool> which, Func<T, T> change)
    {
        var index = items.ToList().FindIndex(i => which(i));
        Assert.True(index >= 0, $"the generated network has no {typeof(T).Name} to change");
        var changed = items.ToList();
        changed[index] = change(changed[index]);
        return changed;
    }

    private async Task<SqliteExpertiseStore> OpenStoreAsync()
    {
        var store = new SqliteExpertiseStore(new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = Path.Combine(directory, "expertise.db") })));
        stores.Add(store);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Reports kept as they come (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class Recorder : IProgress<ImportProgress>
    {
        public List<ImportProgress> Seen { get; } = [];

        public void Report(ImportProgress value) => Seen.Add(value);
    }
}
