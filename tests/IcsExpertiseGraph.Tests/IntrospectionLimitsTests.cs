namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Where introspection is on (Development), the standard introspection query that GraphiQL and other tools send
/// reads the whole schema, although it is deeper and costlier than the limits allow other documents; nothing else
/// gains from that. In Production introspection stays refused.
/// </summary>
public sealed class IntrospectionLimitsTests
{
    /// <summary>What GraphiQL sends: graphql-js 16.15's <c>getIntrospectionQuery()</c>, a type reference unwrapped nine times (15 levels deep).</summary>
    private const string StandardIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name kind } mutationType { name kind } subscriptionType { name kind }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind
            ofType { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } } } } }
        }
        """;

    [Fact]
    public async Task TheStandardIntrospectionQueryReadsTheWholeSchemaInDevelopment()
    {
        using var factory = new ApiFactory { DemoPeople = 10 };

        var response = await factory.QueryAsync(StandardIntrospection);

        Assert.Null(response["errors"]);
        Assert.Equal("Query", response["data"]!["__schema"]!["queryType"]!["name"].Str());
        Assert.Contains(response["data"]!["__schema"]!["types"]!.AsArray(), type => type!["name"].Str() == "Person");
    }

    public static TheoryData<string, string> StillRefused => new()
    {
        // Introspection one level deeper than the standard query.
        { "{ __type(name: \"Person\") { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 12)) + "name " + new string('}', 16), "Maximum depth is 16" },
        // An ordinary field beside introspection keeps the ordinary depth limit.
        { "{ __typename people(first: 1) { nodes { contributions { project { contributors { person { contributions { project { contributors { person { displayName } } } } } } } } } } }", "nested" },
    };

    [Theory]
    [MemberData(nameof(StillRefused))]
    public async Task NothingElseGoesDeeperInDevelopment(string document, string why)
    {
        using var factory = new ApiFactory { DemoPeople = 10 };

        var response = await factory.QueryAsync(document);

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.ErrorCode());
        Assert.Contains(why, response["errors"]![0]!["message"].Str(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(response["data"]);
    }

    [Fact]
    public async Task InProductionTheStandardIntrospectionQueryIsRefused()
    {
        using var factory = ApiFactory.Production(demoPeople: 10);

        var response = await factory.QueryAsync(StandardIntrospection);

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.ErrorCode());
        Assert.Null(response["data"]);
    }
}
