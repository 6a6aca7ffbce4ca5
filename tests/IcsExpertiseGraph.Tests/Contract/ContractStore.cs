using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>
/// A store built the way the application builds it: configuration in, AddExpertiseStore, IExpertiseStore out.
/// The suite never names an adapter type, so the same tests hold any adapter to the same contract.
/// </summary>
public sealed class ContractStore : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly Action? afterDispose;

    private ContractStore(ServiceProvider provider, Action? afterDispose)
    {
        this.provider = provider;
        this.afterDispose = afterDispose;
        Store = provider.GetRequiredService<IExpertiseStore>();
    }

    public IExpertiseStore Store { get; }

    /// <summary>Builds and migrates the store the settings describe; <paramref name="afterDispose"/> cleans up what it leaves behind.</summary>
    public static async Task<ContractStore> OpenAsync(IReadOnlyDictionary<string, string?> settings, Action? afterDispose = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddExpertiseStore(configuration);
        var contract = new ContractStore(services.BuildServiceProvider(validateScopes: true), afterDispose);
        try
        {
            await contract.Store.MigrateAsync(CancellationToken.None);
            return contract;
        }
        catch
        {
            await contract.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        afterDispose?.Invoke();
    }
}
