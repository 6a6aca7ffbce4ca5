using System.Text.RegularExpressions;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IcsExpertiseGraph.Tests;

/// <summary>The embedded SQLite adapter of the store port, used directly without the web host.</summary>
public sealed partial class StoreTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 1);
    private static readonly Viewer Admin = new(null, false, true);
    private static readonly Viewer Member = new(null, true, false);
    private static readonly PageRequest Everything = new(0, 100_000);
    private static readonly Lazy<NetworkSnapshot> SharedNetwork = new(() => Network(seed: 11, people: 400));

    private readonly string directory = Path.Combine(Path.GetTempPath(), "ics-expertise-store-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteExpertiseStore> stores = [];

    private string DatabasePath => Path.Combine(directory, "expertise.db");

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        SqliteConnection.ClearAllPools();
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
    public async Task MigratingTwiceKeepsTheDataAndLeavesTheSchemaAtTheLatestVersionInWalMode()
    {
        var store = await OpenStoreAsync();
        var network = Network(seed: 5, people: 40);
        await store.ImportAsync(network, replaceExisting: false, progress: null, CancellationToken.None);

        await store.MigrateAsync(CancellationToken.None);

        Assert.NotEmpty(SqliteMigrator.Migrations);
        Assert.Equal(SqliteMigrator.Migrations.Count, Convert.ToInt32(await PragmaAsync(DatabasePath, "user_version"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("wal", (string?)await PragmaAsync(DatabasePath, "journal_mode"), ignoreCase: true);
        Assert.Equal(network.People.Count, (await store.ListPeopleAsync(Admin, Everything, CancellationToken.None)).TotalCount);
        Assert.True(await store.IsReachableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheDatabaseFileIsCreatedOnFirstStartAtTheConfiguredPathIncludingMissingFolders()
    {
        var path = Path.Combine(directory, "not", "yet", "there", "graph.db");
        Assert.False(Directory.Exists(Path.Combine(directory, "not")));

        var store = await OpenStoreAsync(path);

        Assert.True(File.Exists(path));
        Assert.True(await store.IsReachableAsync(CancellationToken.None));
        Assert.True(await store.IsEmptyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnImportedNetworkReadsBackWithTheSameCountsAndValues()
    {
        var store = await OpenStoreAsync();
        var network = SharedNetwork.Value;

        await store.ImportAsync(network, replaceExisting: false, progress: null, CancellationToken.None);

        var people = await store.ListPeopleAsync(Admin, Everything, CancellationToken.None);
        Assert.Equal(network.People.Count, people.TotalCount);
        Assert.Equal(network.People.Count, people.Items.Count);
        var systems = await store.ListIntegratedCareSystemsAsync(Everything, CancellationToken.None);
        Assert.Equal(network.IntegratedCareSystems.Count, systems.TotalCount);
        Assert.Equal(network.IntegratedCareSystems.OrderBy(i => i.Id), systems.Items.OrderBy(i => i.Id));
        Assert.Equal(network.Skills.Count, (await store.GetAllSkillsAsync(CancellationToken.None)).Count);
        Assert.False(await store.IsEmptyAsync(CancellationToken.None));

        var ids = network.People.Select(p => p.Id).ToList();
        var stored = await store.GetPeopleAsync(ids, Admin, CancellationToken.None);
        Assert.Equal(network.People.OrderBy(p => p.Id), stored.Values.OrderBy(p => p.Id));

        var skills = await store.GetSkillsOfPeopleAsync(ids, CancellationToken.None);
        var employments = await store.GetEmploymentsOfPeopleAsync(ids, CancellationToken.None);
        var contributions = await store.GetContributionsOfPeopleAsync(ids, CancellationToken.None);
        var skillsByPerson = network.PersonSkills.ToLookup(s => s.PersonId);
        var employmentsByPerson = network.Employments.ToLookup(e => e.PersonId);
        var contributionsByPerson = network.Contributions.ToLookup(c => c.PersonId);
        foreach (var id in ids)
        {
            Assert.Equal(skillsByPerson[id].OrderBy(s => s.SkillId), Of(skills, id).OrderBy(s => s.SkillId));
            Assert.Equal(employmentsByPerson[id].OrderBy(e => e.OrganisationId), Of(employments, id).OrderBy(e => e.OrganisationId));
            Assert.Equal(contributionsByPerson[id].OrderBy(c => c.ProjectId), Of(contributions, id).OrderBy(c => c.ProjectId));
        }

        // The comparison above covered the interesting shapes: ended posts, people on several projects.
        Assert.Contains(network.Employments, e => !e.Primary && e.Until is not null);
        Assert.Contains(ids, id => contributionsByPerson[id].Count() > 1);
    }

    [Fact]
    public async Task AFailedImportLeavesTheStoreAsItWas()
    {
        var store = await OpenStoreAsync();
        var network = Network(seed: 21, people: 120);
        var sequence = await store.GetChangeSequenceAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => store.ImportAsync(Broken(network), replaceExisting: false, progress: null, CancellationToken.None));

        Assert.True(await store.IsEmptyAsync(CancellationToken.None));
        Assert.Equal(sequence, await store.GetChangeSequenceAsync(CancellationToken.None));
        Assert.Equal(0, (await store.ListPeopleAsync(Admin, Everything, CancellationToken.None)).TotalCount);
        Assert.Equal(0, (await store.ListIntegratedCareSystemsAsync(Everything, CancellationToken.None)).TotalCount);
        Assert.Empty(await store.GetAllSkillsAsync(CancellationToken.None));

        // Nothing half-written blocks the next attempt.
        await store.ImportAsync(network, replaceExisting: false, progress: null, CancellationToken.None);
        Assert.Equal(network.People.Count, (await store.ListPeopleAsync(Admin, Everything, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task AFailedReplacingImportKeepsTheOldNetwork()
    {
        var store = await OpenStoreAsync();
        var old = Network(seed: 31, people: 150);
        var replacement = Network(seed: 32, people: 90);
        await store.ImportAsync(old, replaceExisting: false, progress: null, CancellationToken.None);
        var sequence = await store.GetChangeSequenceAsync(CancellationToken.None);
        var spcBefore = await SearchIdsAsync(store, Text("spc"), Admin);

        await Assert.ThrowsAnyAsync<Exception>(() => store.ImportAsync(Broken(replacement), replaceExisting: true, progress: null, CancellationToken.None));

        var oldIds = old.People.Select(p => p.Id).ToList();
        Assert.Equal(old.People.Count, (await store.GetPeopleAsync(oldIds, Admin, CancellationToken.None)).Count);
        Assert.Empty(await store.GetPeopleAsync([.. replacement.People.Select(p => p.Id)], Admin, CancellationToken.None));
        Assert.Equal(old.People.Count, (await store.ListPeopleAsync(Admin, Everything, CancellationToken.None)).TotalCount);
        Assert.Equal(old.PersonSkills.Count, (await store.GetSkillsOfPeopleAsync(oldIds, CancellationToken.None)).Values.Sum(s => s.Count));
        Assert.Equal(spcBefore, await SearchIdsAsync(store, Text("spc"), Admin));
        Assert.Equal(sequence, await store.GetChangeSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ImportingIntoAStoreThatHoldsANetworkWithoutReplaceIsRefusedAndChangesNothing()
    {
        var store = await OpenStoreAsync();
        var first = Network(seed: 41, people: 80);
        var second = Network(seed: 42, people: 50);
        await store.ImportAsync(first, replaceExisting: false, progress: null, CancellationToken.None);
        var sequence = await store.GetChangeSequenceAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ImportAsync(second, replaceExisting: false, progress: null, CancellationToken.None));

        Assert.Equal(first.People.Count, (await store.ListPeopleAsync(Admin, Everything, CancellationToken.None)).TotalCount);
        Assert.Equal(first.People.Count, (await store.GetPeopleAsync([.. first.People.Select(p => p.Id)], Admin, CancellationToken.None)).Count);
        Assert.Empty(await store.GetPeopleAsync([.. second.People.Select(p => p.Id)], Admin, CancellationToken.None));
        Assert.Equal(sequence, await store.GetChangeSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EveryCommittedImportIncreasesTheChangeSequence()
    {
        var store = await OpenStoreAsync();
        var initial = await store.GetChangeSequenceAsync(CancellationToken.None);

        await store.ImportAsync(Network(seed: 51, people: 30), replaceExisting: false, progress: null, CancellationToken.None);
        var afterFirst = await store.GetChangeSequenceAsync(CancellationToken.None);
        await store.ImportAsync(Network(seed: 52, people: 20), replaceExisting: true, progress: null, CancellationToken.None);
        var afterReplace = await store.GetChangeSequenceAsync(CancellationToken.None);

        Assert.True(afterFirst > initial, $"The sequence stayed at {initial} after the first import.");
        Assert.True(afterReplace > afterFirst, $"The sequence stayed at {afterFirst} after the replacing import.");
        Assert.Equal(20, (await store.ListPeopleAsync(Admin, Everything, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task AnonymousViewersSeeOnlyPublicPeopleInListsLookupsSearchesAndTotals()
    {
        var (store, network) = await SharedStoreAsync();
        var expected = IdsWith(network, Visibility.Public);
        Assert.True(network.People.Count > expected.Count, "The network must hold hidden people for this test to mean anything.");

        await AssertSeesExactlyAsync(store, network, Viewer.Anonymous, expected);

        var spc = await store.FindExpertCandidatesAsync(Text("spc"), Viewer.Anonymous, CancellationToken.None);
        Assert.NotEmpty(spc);
        Assert.All(spc, c => Assert.Contains(c.PersonId, expected));
    }

    [Fact]
    public async Task MembersSeePublicAndNetworkPeopleButNotPrivateOnes()
    {
        var (store, network) = await SharedStoreAsync();
        var expected = IdsWith(network, Visibility.Public, Visibility.Network);
        Assert.Contains(network.People, p => p.Visibility == Visibility.Private);
        Assert.Contains(network.People, p => p.Visibility == Visibility.Network);

        await AssertSeesExactlyAsync(store, network, Member, expected);
    }

    [Fact]
    public async Task APrivatePersonSeesThemselvesWhileOthersDoNot()
    {
        var (store, network) = await SharedStoreAsync();
        var hidden = network.People.First(p => p.Visibility == Visibility.Private);

        await AssertSeesExactlyAsync(store, network, new Viewer(hidden.Id, false, false), [.. IdsWith(network, Visibility.Public), hidden.Id]);
        await AssertSeesExactlyAsync(store, network, new Viewer(hidden.Id, true, false), [.. IdsWith(network, Visibility.Public, Visibility.Network), hidden.Id]);

        var self = await store.GetPeopleAsync([hidden.Id], new Viewer(hidden.Id, false, false), CancellationToken.None);
        Assert.Equal(hidden, self[hidden.Id]);
        Assert.Empty(await store.GetPeopleAsync([hidden.Id], Member, CancellationToken.None));
    }

    [Fact]
    public async Task ASearchForSpcFindsExactlyThePeopleWhoseProfileMentionsItWithAPositiveRank()
    {
        var (store, network) = await SharedStoreAsync();
        var spc = network.Skills.Single(s => s.Key == "statistical-process-control");
        Assert.Contains("SPC", spc.Aliases);
        var holders = network.PersonSkills.Where(s => s.SkillId == spc.Id).ToDictionary(s => s.PersonId);
        Assert.NotEmpty(holders);

        var candidates = await store.FindExpertCandidatesAsync(Text("spc"), Admin, CancellationToken.None);

        var found = candidates.Select(c => c.PersonId).ToHashSet();
        Assert.Superset(holders.Keys.ToHashSet(), found);
        Assert.Equal(PeopleWhoseTextHasAWordStartingWith(network, "spc").Order(), found.Order());
        Assert.All(candidates, c => Assert.InRange(c.TextRelevance, double.Epsilon, 1));
        foreach (var candidate in candidates.Where(c => holders.ContainsKey(c.PersonId)))
        {
            var held = holders[candidate.PersonId];
            var returned = Assert.Single(candidate.Skills, s => s.SkillId == spc.Id);
            Assert.Equal((held.Level, held.Evidence, held.Verified), (returned.Level, returned.Evidence, returned.Verified));
            Assert.Equal(network.PersonSkills.Count(s => s.PersonId == candidate.PersonId), candidate.Skills.Count);
        }
    }

    [Fact]
    public async Task FilteringByIntegratedCareBoardReturnsOnlyPeopleCurrentlyEmployedByOne()
    {
        var (store, network) = await SharedStoreAsync();
        var boards = network.Organisations.Where(o => o.Type == OrganisationType.IntegratedCareBoard).Select(o => o.Id).ToHashSet();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expected = network.Employments
            .Where(e => boards.Contains(e.OrganisationId) && (e.Until is null || e.Until >= today))
            .Select(e => e.PersonId).ToHashSet();
        Assert.NotEmpty(expected);

        var candidates = await store.FindExpertCandidatesAsync(NoCriteria with { OrganisationTypes = [OrganisationType.IntegratedCareBoard] }, Admin, CancellationToken.None);

        Assert.Equal(expected.Order(), candidates.Select(c => c.PersonId).Order());
        Assert.True(candidates.Count < network.People.Count);
    }

    [Fact]
    public async Task FilteringBySkillsAtExpertLevelReturnsOnlyExpertsAndCoachesInThoseSkills()
    {
        var (store, network) = await SharedStoreAsync();
        var skillIds = network.Skills.Where(s => s.Key is "statistical-process-control" or "pdsa-cycles").Select(s => s.Id).ToList();
        Assert.Equal(2, skillIds.Count);
        var holdings = network.PersonSkills.Where(s => skillIds.Contains(s.SkillId)).ToList();
        var expected = holdings.Where(s => s.Level >= SkillLevel.Expert).Select(s => s.PersonId).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Contains(holdings, s => s.Level < SkillLevel.Expert && !expected.Contains(s.PersonId));

        var candidates = await store.FindExpertCandidatesAsync(
            NoCriteria with { SkillIds = skillIds, MinLevel = SkillLevel.Expert }, Admin, CancellationToken.None);

        Assert.Equal(expected.Order(), candidates.Select(c => c.PersonId).Order());
        Assert.All(candidates, c => Assert.Contains(c.Skills, s => skillIds.Contains(s.SkillId) && s.Level is SkillLevel.Expert or SkillLevel.Coach));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("spc\"")]
    [InlineData("\"spc")]
    [InlineData("'spc'")]
    [InlineData("*")]
    [InlineData("spc*")]
    [InlineData("NEAR")]
    [InlineData("NEAR(spc pdsa)")]
    [InlineData("-")]
    [InlineData("-spc")]
    [InlineData("spc -pdsa")]
    [InlineData("spc AND OR NOT")]
    [InlineData("skills:spc")]
    [InlineData("^spc")]
    [InlineData("(spc")]
    public async Task SearchTermsAreNeverReadAsFullTextSyntax(string term)
    {
        var (store, _) = await SharedStoreAsync();

        var exception = await Record.ExceptionAsync(() => store.FindExpertCandidatesAsync(Text(term, "pdsa"), Admin, CancellationToken.None));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData("\"spc\"")]
    [InlineData("spc*")]
    [InlineData("-spc")]
    [InlineData("spc\"")]
    public async Task PunctuationAroundATermFindsTheSamePeopleAsTheBareWord(string term)
    {
        var (store, _) = await SharedStoreAsync();

        var plain = await SearchIdsAsync(store, Text("spc"), Admin);
        var decorated = await SearchIdsAsync(store, Text(term), Admin);

        Assert.NotEmpty(plain);
        Assert.Equal(plain, decorated);
    }

    private static ExpertCriteria NoCriteria { get; } = new([], new HashSet<Guid>(), [], null, [], [], [], [], false, null);

    private static ExpertCriteria Text(params string[] terms) => NoCriteria with { Terms = terms };

    private static NetworkSnapshot Network(int seed, int people) => new NetworkGenerator(seed, AsOf).Generate(people);

    /// <summary>A valid network made invalid at the very end: the last endorsement comes from nobody in the network.</summary>
    private static NetworkSnapshot Broken(NetworkSnapshot network)
    {
        var bad = new Endorsement(Guid.NewGuid(), network.People[0].Id, network.Skills[0].Id, new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero));
        return network with { Endorsements = [.. network.Endorsements, bad] };
    }

    private static IReadOnlyList<T> Of<T>(IReadOnlyDictionary<Guid, IReadOnlyList<T>> grouped, Guid id) =>
        grouped.TryGetValue(id, out var list) ? list : [];

    private static HashSet<Guid> IdsWith(NetworkSnapshot network, params Visibility[] visibilities) =>
        [.. network.People.Where(p => visibilities.Contains(p.Visibility)).Select(p => p.Id)];

    private async Task<SqliteExpertiseStore> OpenStoreAsync(string? path = null)
    {
        var store = new SqliteExpertiseStore(new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path ?? DatabasePath })));
        stores.Add(store);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    private async Task<(SqliteExpertiseStore Store, NetworkSnapshot Network)> SharedStoreAsync()
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(SharedNetwork.Value, replaceExisting: false, progress: null, CancellationToken.None);
        return (store, SharedNetwork.Value);
    }

    private static async Task<List<Guid>> SearchIdsAsync(SqliteExpertiseStore store, ExpertCriteria criteria, Viewer viewer) =>
        [.. (await store.FindExpertCandidatesAsync(criteria, viewer, CancellationToken.None)).Select(c => c.PersonId).Order()];

    /// <summary>The viewer's view through every read that can surface a person: a page, its total, a batch lookup and a search.</summary>
    private static async Task AssertSeesExactlyAsync(SqliteExpertiseStore store, NetworkSnapshot network, Viewer viewer, IReadOnlyCollection<Guid> expected)
    {
        var ordered = expected.Distinct().Order().ToList();

        var page = await store.ListPeopleAsync(viewer, Everything, CancellationToken.None);
        Assert.Equal(ordered.Count, page.TotalCount);
        Assert.Equal(ordered, page.Items.Select(p => p.Id).Order());

        var firstPage = await store.ListPeopleAsync(viewer, new PageRequest(0, 10), CancellationToken.None);
        Assert.Equal(ordered.Count, firstPage.TotalCount);
        Assert.All(firstPage.Items, p => Assert.Contains(p.Id, ordered));

        var looked = await store.GetPeopleAsync([.. network.People.Select(p => p.Id)], viewer, CancellationToken.None);
        Assert.Equal(ordered, looked.Keys.Order());

        Assert.Equal(ordered, await SearchIdsAsync(store, NoCriteria, viewer));
    }

    private static HashSet<Guid> PeopleWhoseTextHasAWordStartingWith(NetworkSnapshot network, string prefix)
    {
        var skillText = network.Skills.ToDictionary(s => s.Id, s => string.Join(' ', [s.Name, .. s.Aliases]));
        var skillsByPerson = network.PersonSkills.ToLookup(s => s.PersonId, s => skillText[s.SkillId]);
        return [.. network.People
            .Where(p => Words().Split(string.Join(' ', [p.DisplayName, p.Headline, p.Bio, .. skillsByPerson[p.Id]]))
                .Any(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Id)];
    }

    private static async Task<object?> PragmaAsync(string path, string pragma)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return await command.ExecuteScalarAsync();
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Words();
}
