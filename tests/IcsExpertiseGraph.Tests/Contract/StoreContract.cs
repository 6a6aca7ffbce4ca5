using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>
/// The behaviour every adapter of the store port owes its callers, written once and run against each store
/// (one concrete class per store). Each test starts from the same known network, imported with
/// replaceExisting, and states its expectations from that snapshot. The partial files group the contract by
/// concern: reads, visibility, search, profile writes, projects and organisations, data rights, concurrency, import.
/// </summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    protected static readonly Viewer Admin = Viewers.Admin;
    protected static readonly Viewer Member = Viewers.Member;
    protected static readonly Viewer Anonymous = Viewer.Anonymous;
    protected static readonly PageRequest Everything = new(0, 100_000);
    protected static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);
    protected static readonly CancellationToken Ct = CancellationToken.None;

    private ContractStore? contract;

    protected static NetworkSnapshot Network => ContractNetwork.Snapshot;

    protected IExpertiseStore Store => contract?.Store ?? throw new InvalidOperationException("The store is opened before each test.");

    /// <summary>Builds this class's store (through configuration only) and migrates it.</summary>
    protected abstract Task<ContractStore> OpenStoreAsync();

    public async Task InitializeAsync()
    {
        contract = await OpenStoreAsync();
        await Store.ImportAsync(Network, replaceExisting: true, progress: null, Ct);
    }

    public async Task DisposeAsync()
    {
        if (contract is not null)
        {
            await contract.DisposeAsync();
        }
    }

    protected static IReadOnlyList<T> Of<T>(IReadOnlyDictionary<Guid, IReadOnlyList<T>> grouped, Guid id) =>
        grouped.TryGetValue(id, out var list) ? list : [];

    /// <summary>
    /// Runs a write the store must refuse and checks the refusal (type and field) and that nothing changed:
    /// neither the change sequence nor any data a reader could see.
    /// </summary>
    protected async Task<TException> AssertRefusedAndUnchangedAsync<TException>(Func<Task> write, string field)
        where TException : CodedException
    {
        var before = await FingerprintAsync();

        var refused = await Assert.ThrowsAsync<TException>(write);

        Assert.Equal(field, refused.Field);
        Assert.Equal(before, await FingerprintAsync());
        return refused;
    }

    /// <summary>Everything a reader could notice, as text: the sequence, people, holdings with counts, employments, contributions, projects, organisations.</summary>
    protected async Task<string> FingerprintAsync()
    {
        var people = (await Store.ListPeopleAsync(Admin, Everything, Ct)).Items;
        var ids = people.Select(p => p.Id).ToList();
        var contributions = await Store.GetContributionsOfPeopleAsync(ids, Ct);
        var employments = await Store.GetEmploymentsOfPeopleAsync(ids, Ct);
        var search = await Store.LoadSearchSourceAsync(Ct);
        var projects = (await Store.ListProjectsAsync(ProjectFilter.None, Everything, Ct)).Items;
        var methods = await Store.GetMethodsOfProjectsAsync([.. projects.Select(p => p.Id)], Ct);
        var organisations = (await Store.ListOrganisationsAsync(OrganisationFilter.None, Everything, Ct)).Items;
        IEnumerable<object> lines =
        [
            await Store.GetChangeSequenceAsync(Ct), .. people, .. search.Holdings,
            .. ids.SelectMany(id => Of(contributions, id)), .. ids.SelectMany(id => Of(employments, id)),
            .. projects, .. projects.SelectMany(p => Of(methods, p.Id).Select(m => (p.Id, m))), .. organisations,
        ];
        return string.Join('\n', lines);
    }

    protected Task ReplaceNetworkAsync(NetworkSnapshot network) => Store.ImportAsync(network, replaceExisting: true, progress: null, Ct);

    protected async Task<long> VersionOfAsync(Guid personId) => (await Store.GetPeopleAsync([personId], Admin, Ct))[personId].Version;

    protected async Task<IReadOnlyList<PersonSkill>> SkillsOfAsync(Guid personId) => Of(await Store.GetSkillsOfPeopleAsync([personId], Ct), personId);

    /// <summary>A person of the given visibility who has an email, as people who sign in and edit their profile do.</summary>
    protected static Person Someone(Visibility visibility = Visibility.Public, int skip = 0) =>
        Network.People.Where(p => p.Visibility == visibility && p.Email is not null).Skip(skip).First();
}
