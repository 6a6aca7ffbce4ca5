using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.GraphQLApi;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The printed SDL in schema/schema.graphql is the contract clients build against; a change to the running
/// schema must be a deliberate change to that file. To accept a change: UPDATE_SCHEMA=1 dotnet test.
/// </summary>
public sealed class SchemaContractTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public void TheRunningSchemaMatchesTheCommittedSchemaFile()
    {
        var schema = api.Factory.Services.GetRequiredService<ExpertiseSchema>();
        schema.Initialize();
        var printed = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot(), "schema", "schema.graphql");

        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run UPDATE_SCHEMA=1 dotnet test to create it.");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == printed,
            "The running schema differs from schema/schema.graphql. If the change is intended, run UPDATE_SCHEMA=1 dotnet test and commit the file.");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IcsExpertiseGraph.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("IcsExpertiseGraph.sln not found above the test output.");
    }
}
