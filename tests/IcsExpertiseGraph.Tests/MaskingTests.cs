namespace IcsExpertiseGraph.Tests;

/// <summary>Outside Development, an internal fault is reported with a code and a masked message: no detail leaks.</summary>
public sealed class MaskingTests : IDisposable
{
    private readonly ApiFactory factory = new() { Environment = "Production", DemoPeople = 50, Settings = { ["Auth:AllowLocalIssuerInProduction"] = "true" } };

    [Fact]
    public async Task UnhandledExceptionsAreMaskedOutsideDevelopment()
    {
        factory.Calls.FailingMethod = "ListIntegratedCareSystemsAsync";

        var response = await factory.QueryAsync("{ integratedCareSystems { totalCount } }");

        Assert.Equal("INTERNAL_SERVER_ERROR", response.ErrorCode());
        var text = response.ToJsonString();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnhandledExceptionsAreLoggedWithTheirDetail()
    {
        factory.Calls.FailingMethod = "ListIntegratedCareSystemsAsync";

        await factory.QueryAsync("{ integratedCareSystems { totalCount } }");

        Assert.Contains(factory.Logged, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Error
            && entry.Exception?.ToString().Contains("hunter2", StringComparison.Ordinal) == true);
    }

    public void Dispose() => factory.Dispose();
}
