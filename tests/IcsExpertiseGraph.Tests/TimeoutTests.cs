namespace IcsExpertiseGraph.Tests;

/// <summary>A request that runs past the execution timeout is stopped and answered with an error, not left hanging.</summary>
public sealed class TimeoutTests : IDisposable
{
    private readonly ApiFactory factory = ApiFactory.Production(demoPeople: 20);

    public TimeoutTests() => factory.Settings["GraphQL:ExecutionTimeoutSeconds"] = "1";

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AQueryPastTheExecutionTimeoutIsStoppedWithATimeoutError()
    {
        _ = factory.Store;
        factory.Calls.HangingMethod = "ListIntegratedCareSystemsAsync";

        var response = await factory.QueryAsync("{ integratedCareSystems { totalCount } }");

        Assert.Null(response["data"]?["integratedCareSystems"]);
        Assert.Equal("TIMEOUT", response.ErrorCode());
    }
}
