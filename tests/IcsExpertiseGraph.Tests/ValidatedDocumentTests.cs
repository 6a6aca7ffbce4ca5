using IcsExpertiseGraph.Api.GraphQLApi;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// A document that validated is kept by its text and not parsed or validated again; what depends on the request (the
/// variables, the cost they make) is still checked every time, and a document that failed is never kept.
/// </summary>
public sealed class ValidatedDocumentTests : IDisposable
{
    // Everyone's projects' people's projects: cheap for one person, far over the production cost limit for a hundred.
    private const string ProjectsOfPeople = """
        query Heavy($n: Int) { people(first: $n) { nodes { contributions { project { contributors { person { contributions { project { title } } } } } } } } }
        """;

    private readonly ApiFactory factory = ApiFactory.Production();

    public void Dispose() => factory.Dispose();

    private ValidatedDocuments Kept => factory.Services.GetRequiredService<ValidatedDocuments>();

    [Fact]
    public async Task AKeptDocumentIsStillPricedByTheVariablesOfEachRequest()
    {
        var cheap = await factory.QueryAsync(ProjectsOfPeople, new { n = 1 });
        Assert.Null(cheap["errors"]);
        Assert.NotNull(Kept.Find(ProjectsOfPeople));

        var heavy = await factory.QueryAsync(ProjectsOfPeople, new { n = 100 });

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", heavy.ErrorCode());
        Assert.Contains("complex", heavy["errors"]![0]!["message"].Str(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(heavy["data"]);
    }

    [Fact]
    public async Task AKeptDocumentStillHasItsVariablesChecked()
    {
        const string query = "query One($id: ID!) { person(id: $id) { displayName } }";
        var people = await factory.QueryAsync("{ people(first: 1) { nodes { id } } }");
        var id = people["data"]!["people"]!["nodes"]![0]!["id"].Str();
        Assert.Null((await factory.QueryAsync(query, new { id }))["errors"]);
        Assert.NotNull(Kept.Find(query));

        var missing = await factory.QueryAsync(query, new { });

        Assert.NotNull(missing["errors"]);
        Assert.Contains("$id", missing["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADocumentThatFailsValidationIsNeverKeptAndFailsEveryTime()
    {
        const string query = "{ people(first: 1) { nodes { noSuchField } } }";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var response = await factory.QueryAsync(query);
            Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.ErrorCode());
        }

        Assert.Null(Kept.Find(query));
    }

    [Fact]
    public void WhenFullTheKeptDocumentsStartAgainAndLongTextsAreNotKept()
    {
        var kept = new ValidatedDocuments();
        var document = GraphQLParser.Parser.Parse("{ a }");
        for (var i = 0; i < ValidatedDocuments.Capacity; i++)
        {
            kept.Remember("{ a } #" + i, document);
        }

        Assert.Equal(ValidatedDocuments.Capacity, kept.Count);
        kept.Remember("{ a } # one more", document);
        Assert.Equal(1, kept.Count);
        Assert.NotNull(kept.Find("{ a } # one more"));

        kept.Remember("{ a } #" + new string(' ', ValidatedDocuments.MaxLength), document);
        Assert.Equal(1, kept.Count);
    }
}
