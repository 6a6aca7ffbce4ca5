using Xunit.Abstractions;
using Xunit.Sdk;

namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>A contract fact: runs like [Fact], but is reported as skipped when its store's server is not configured.</summary>
[XunitTestCaseDiscoverer("IcsExpertiseGraph.Tests.Contract.StoreFactDiscoverer", "IcsExpertiseGraph.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A contract theory: runs like [Theory], but is reported as skipped when its store's server is not configured.</summary>
[XunitTestCaseDiscoverer("IcsExpertiseGraph.Tests.Contract.StoreTheoryDiscoverer", "IcsExpertiseGraph.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

/// <summary>
/// Why a custom discoverer: xunit 2 decides skipping at discovery (the Skip argument of the attribute), and
/// the contract's test methods are shared by both store classes, so the attribute cannot know which store it
/// runs against. The discoverer sees the concrete test class: when that class needs a server that is not
/// configured it returns one skipped test case carrying the reason; otherwise it hands over to xunit's own
/// discoverer, so a configured run behaves exactly like [Fact]/[Theory].
/// </summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer inner = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreSkip.Discover(diagnosticMessageSink, discoveryOptions, testMethod) ?? inner.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <inheritdoc cref="StoreFactDiscoverer"/>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer inner = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreSkip.Discover(diagnosticMessageSink, discoveryOptions, testMethod) ?? inner.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Marks a contract class whose store is a server reached through NEO4J_URI; without it, its tests are skipped.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsNeo4jServerAttribute : Attribute;

internal static class StoreSkip
{
    /// <summary>One skipped test case when the method's class needs a Neo4j server that is not configured; null to discover it normally.</summary>
    public static IXunitTestCase[]? Discover(IMessageSink diagnosticMessageSink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod) =>
        testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsNeo4jServerAttribute)).Any() && Neo4jServer.FromEnvironment() is null
            ? [new XunitSkippedDataRowTestCase(diagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, Neo4jServer.SkipReason)]
            : null;
}
