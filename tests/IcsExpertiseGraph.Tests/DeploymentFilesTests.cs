using System.Text.RegularExpressions;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The production-shaped deployment, checked without Docker (none runs on the build machines): what the compose file
/// and the Dockerfile must say for `docker compose up` to run the API on Neo4j. `.ci/run` also has Compose itself
/// validate the file where Compose is installed.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = SchemaContractTests.RepositoryRoot();
    private static readonly string Compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));

    [Fact]
    public void TheComposeFileRunsAPinnedCommunityNeo4jWithAHealthCheckANamedVolumeAndCredentialsFromTheEnvironment()
    {
        Assert.Matches(@"image: \$\{NEO4J_IMAGE:-neo4j:\d+\.\d+\.\d+-community\}", Compose);
        Assert.Contains("NEO4J_AUTH: neo4j/${NEO4J_PASSWORD:?", Compose, StringComparison.Ordinal);
        Assert.Contains("- neo4j-data:/data", Compose, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^volumes:\n  neo4j-data:", Compose);
        Assert.True(Regex.Count(Compose, "healthcheck:") >= 2);
    }

    [Fact]
    public void TheApiRunsOnNeo4jOnlyOnceNeo4jIsHealthyAndSeedsAnEmptyStore()
    {
        Assert.Contains("Storage__Provider: Neo4j", Compose, StringComparison.Ordinal);
        Assert.Contains("Storage__Neo4j__Uri: http://neo4j:7474", Compose, StringComparison.Ordinal);
        Assert.Matches(@"depends_on:\n\s+neo4j:\n\s+condition: service_healthy", Compose);
        Assert.Contains("Seed__DemoOnEmpty: \"true\"", Compose, StringComparison.Ordinal);
        Assert.Contains("dockerfile: Dockerfile", Compose, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryVariableTheComposeFileReadsIsInTheCommittedExampleAndTheRealOneIsIgnored()
    {
        var example = File.ReadAllLines(Path.Combine(Root, ".env.example")).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l.Split('=')[0]).ToHashSet();
        var used = Variable().Matches(Compose).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(example));
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Root, ".dockerignore")));
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
    }

    [Fact]
    public void TheDockerfileBuildsWithTheSdkAndRunsTheApiOnTheRuntimeImageAsANonRootUserWithAHealthCheck()
    {
        var stages = Regex.Matches(Dockerfile, @"(?m)^FROM (\S+)").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["node:20-bookworm-slim", "mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], stages);
        // The SDK image has no Node.js, so the UI bundle must come from the Node stage, and the build must not try to make it.
        Assert.Contains("COPY --from=ui /ui/dist/ src/IcsExpertiseGraph.Api/Web/ui/dist/", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("-p:SkipWebUiBuild=true", Dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^USER (?!0\b|root\b)\S+", Dockerfile);
        Assert.Contains("HEALTHCHECK", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("/readyz", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build", Dockerfile, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{(\w+)[:?\-}]")]
    private static partial Regex Variable();
}
