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

        // Read before anything is written: with UPDATE_SCHEMA=1 the file is rewritten, but this run still compares the running
        // schema with what was committed, so it fails once on a change (then passes) and never compares the file with itself.
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        var updating = Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1";
        Assert.False(updating && Environment.GetEnvironmentVariable("CI") is { Length: > 0 }, "UPDATE_SCHEMA=1 is for a developer's machine, never CI.");
        if (updating && committed != printed)
        {
            File.WriteAllText(path, printed);
        }

        Assert.True(committed is not null, $"{path} was missing{(updating ? " and is now written; commit it" : "; run UPDATE_SCHEMA=1 dotnet test to create it")}.");
        Assert.True(committed == printed, updating
            ? "The running schema differed from schema/schema.graphql, which is now rewritten: review the change, commit the file, and run the tests again."
            : "The running schema differs from schema/schema.graphql. If the change is intended, run UPDATE_SCHEMA=1 dotnet test and commit the file.");
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
