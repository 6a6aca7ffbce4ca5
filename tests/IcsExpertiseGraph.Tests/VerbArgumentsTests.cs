using IcsExpertiseGraph.Api.Commands;

namespace IcsExpertiseGraph.Tests;

/// <summary>The verbs take the server's configuration arguments too (issue 19): the host reads them, the verb never sees them.</summary>
public sealed class VerbArgumentsTests
{
    [Theory]
    [InlineData("seed --people 10 --Storage:Sqlite:Path=x.db", "seed --people 10")]
    [InlineData("seed --Storage:Sqlite:Path x.db --people 10 --reset", "seed --people 10 --reset")]
    [InlineData("token /Auth:LocalKeyPath=k.key --person abc", "token --person abc")]
    [InlineData("export --format json --out graph.json", "export --format json --out graph.json")]
    public void ConfigurationArgumentsAreLeftToTheHost(string given, string own) =>
        Assert.Equal(own.Split(' '), VerbArguments.Own(given.Split(' ')));
}
