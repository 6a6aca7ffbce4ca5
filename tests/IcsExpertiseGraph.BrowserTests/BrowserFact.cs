using Xunit.Abstractions;
using Xunit.Sdk;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>
/// A browser test: runs like [Fact] where Debian's Chromium is installed. Where it is not, the test is reported as
/// skipped with how to install it, except under CI (env CI set), where it runs and fails with that message, so a
/// CI machine without Chromium can never pass by skipping.
/// </summary>
[XunitTestCaseDiscoverer("IcsExpertiseGraph.BrowserTests.BrowserFactDiscoverer", "IcsExpertiseGraph.BrowserTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute;

/// <summary>
/// Why a discoverer (as the contract tests' StoreFact): xunit 2 decides skipping at discovery, so the decision
/// "no Chromium here" is made there, returning one skipped test case with the reason; otherwise xunit's own
/// discoverer, so a run with Chromium behaves exactly like [Fact].
/// </summary>
public sealed class BrowserFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer inner = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        Chromium.SkipReason is { } reason
            ? [new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : inner.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Where Debian's Chromium is: <c>CHROMIUM_PATH</c>, else <c>/usr/bin/chromium</c>. Playwright never downloads a browser here.</summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public static bool Installed => File.Exists(ExecutablePath);

    /// <summary>CI sets <c>CI</c>; there a missing browser is a failure, not a skip.</summary>
    public static bool UnderCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string Missing =>
        $"Chromium was not found at '{ExecutablePath}'. The browser tests drive Debian's Chromium: install it with " +
        "'sudo apt-get install chromium' (or set CHROMIUM_PATH to a Chromium executable).";

    /// <summary>Null when the browser tests run: Chromium is here, or this is CI (where its absence fails them).</summary>
    public static string? SkipReason => Installed || UnderCi ? null : Missing;
}
