using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Hardening;
using IcsExpertiseGraph.Api.Health;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Observability;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Projects;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Program.cs lists the features, one <c>AddX</c> each, and each feature registers what it needs, its graph types
/// included. Nothing may depend on their order, and no graph type may be left without a feature that registers it.
/// </summary>
public sealed partial class FeatureWiringTests(SharedApi api) : IClassFixture<SharedApi>, IDisposable
{
    // The local issuer keeps its key beside the store: a folder of this test's own.
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ics-wiring-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Program.cs's features, by name as it calls them.</summary>
    private static readonly (string Name, Action<IServiceCollection, IConfiguration, IHostEnvironment> Add)[] Features =
    [
        ("AddExpertiseAuthentication", (s, c, e) => s.AddExpertiseAuthentication(c, e)),
        ("AddExpertiseStore", (s, c, _) => s.AddExpertiseStore(c)),
        ("AddSeeding", (s, c, _) => s.AddSeeding(c)),
        ("AddObservability", (s, c, _) => s.AddObservability(c)),
        ("AddHealth", (s, _, _) => s.AddHealth()),
        ("AddHardening", (s, c, _) => s.AddHardening(c)),
        ("AddCatalog", (s, c, _) => s.AddCatalog(c)),
        ("AddExperts", (s, c, _) => s.AddExperts(c)),
        ("AddNetwork", (s, _, _) => s.AddNetwork()),
        ("AddProfiles", (s, _, _) => s.AddProfiles()),
        ("AddProjects", (s, _, _) => s.AddProjects()),
        ("AddInvitations", (s, c, _) => s.AddInvitations(c)),
        ("AddExpertiseGraphQL", (s, c, e) => s.AddExpertiseGraphQL(c, e)),
        ("AddWebUi", (s, c, _) => s.AddWebUi(c)),
    ];

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheTestListsTheFeaturesProgramAdds()
    {
        var program = File.ReadAllText(Path.Combine(SchemaContractTests.RepositoryRoot(), "src", "IcsExpertiseGraph.Api", "Program.cs"));

        var added = AddedFeature().Matches(program).Select(m => m.Groups["name"].Value).ToList();

        Assert.Equal(Features.Select(f => f.Name), added);
    }

    [Fact]
    public void EveryGraphTypeIsRegisteredByAFeature()
    {
        var unregistered = typeof(ExpertiseSchema).Assembly.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && !type.IsGenericTypeDefinition && typeof(IGraphType).IsAssignableFrom(type))
            .Where(type => api.Factory.Services.GetService(type) is null)
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(unregistered);
    }

    [Fact]
    public void TheFeaturesGiveTheSameRegistrationsAndSchemaInAnyOrder()
    {
        var (inOrder, schemaInOrder) = Wire(Features);
        var (reversed, schemaReversed) = Wire(Features.Reverse());

        Assert.Equal(inOrder, reversed);
        Assert.Equal(schemaInOrder, schemaReversed);
    }

    private (List<string> Registrations, string Schema) Wire(IEnumerable<(string Name, Action<IServiceCollection, IConfiguration, IHostEnvironment> Add)> features)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "expertise.db"),
        }).Build();
        var environment = new WiringEnvironment();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        foreach (var (_, add) in features)
        {
            add(services, configuration, environment);
        }

        // Where one service has several registrations, resolving it takes the last, so each service's list keeps its order;
        // except the hosted services, which start in the order listed: none may need another to have started first
        // (AuthModeGuard checks in the Starting phase, the outbox waits for the host to have started), so they are a set.
        var registrations = services
            .GroupBy(d => d.ServiceType.FullName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + ": " + string.Join(", ", g.Key == typeof(IHostedService).FullName
                ? g.Select(Describe).Order(StringComparer.Ordinal)
                : g.Select(Describe)))
            .ToList();
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ExpertiseSchema>();
        schema.Initialize();
        return (registrations, schema.Print());
    }

    private static string Describe(ServiceDescriptor d) =>
        $"{d.Lifetime} {d.ImplementationType?.FullName ?? d.ImplementationInstance?.GetType().FullName ?? "factory"}";

    private sealed class WiringEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "IcsExpertiseGraph.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    [GeneratedRegex(@"builder\.Services\.(?<name>Add\w+)\(")]
    private static partial Regex AddedFeature();
}
