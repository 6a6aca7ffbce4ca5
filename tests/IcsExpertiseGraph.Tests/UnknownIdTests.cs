using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.GraphQLApi;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// One error vocabulary (issue 19): a referenced thing that does not exist is NOT_FOUND, in every field. This walks every
/// Query and Mutation field of the running schema that takes an id (as an argument or inside an input), asks it with
/// well-formed ids that name nothing, as a signed-in admin and network manager, and accepts only two answers: no error
/// (a lookup answers null, a list answers empty) or NOT_FOUND.
/// </summary>
public sealed class UnknownIdTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task EveryFieldTakingAnIdAnswersUnknownIdsWithNotFound()
    {
        var schema = api.Factory.Services.GetRequiredService<ExpertiseSchema>();
        schema.Initialize();
        var caller = await SeededPeople.PickAsync(api.Factory.Store, 7);
        var token = await api.Factory.SignInAsync(caller, Roles.Admin, Roles.NetworkManager);
        var failures = new List<string>();
        var asked = 0;
        foreach (var (operation, root) in new[] { ("query", schema.Query), ("mutation", (IComplexGraphType)schema.Mutation!) })
        {
            foreach (var field in root.Fields.Where(f => f.Arguments?.Any(a => TakesId(a.ResolvedType!)) == true))
            {
                var arguments = string.Join(", ", field.Arguments!.Where(a => a.ResolvedType is NonNullGraphType || TakesId(a.ResolvedType!))
                    .Select(a => $"{a.Name}: {Value(a.ResolvedType!, a.Name, field.Name)}"));
                var document = $"{operation} {{ {field.Name}({arguments}){Selection(field.ResolvedType!)} }}";
                var response = await api.Factory.QueryAsync(document, token: token);
                asked++;
                var codes = (response["errors"] as JsonArray ?? []).Select(e => e!["extensions"]?["code"]?.GetValue<string>()).ToList();
                if (codes.Any(code => code != "NOT_FOUND"))
                {
                    failures.Add($"{document}\n    -> {string.Join(", ", codes)}: {response["errors"]![0]!["message"]}");
                }
            }
        }

        Assert.True(asked > 20, $"Only {asked} fields take ids; the walk is not finding them.");
        Assert.True(failures.Count == 0, "Unknown ids not answered with NOT_FOUND:\n" + string.Join("\n", failures));
    }

    private static bool TakesId(IGraphType type) => type switch
    {
        NonNullGraphType n => TakesId(n.ResolvedType!),
        ListGraphType l => TakesId(l.ResolvedType!),
        IdGraphType => true,
        IInputObjectGraphType input => input.Fields.Any(f => TakesId(f.ResolvedType!)),
        _ => false,
    };

    /// <summary>A valid literal of the type: ids that name nothing (of the kind the name says), plausible values otherwise.</summary>
    private static string Value(IGraphType type, string name, string field) => type switch
    {
        NonNullGraphType n => Value(n.ResolvedType!, name, field),
        ListGraphType l => $"[{Value(l.ResolvedType!, name, field)}]",
        IdGraphType => $"\"{GlobalId.Encode(Kind(name, field), Guid.NewGuid())}\"",
        IInputObjectGraphType input => "{ " + string.Join(", ", input.Fields.Where(f => f.ResolvedType is NonNullGraphType || TakesId(f.ResolvedType!))
            .Select(f => $"{f.Name}: {Value(f.ResolvedType!, f.Name, field)}")) + " }",
        EnumerationGraphType e => e.Values.First().Name,
        IntGraphType => "2",
        BooleanGraphType => "false",
        FloatGraphType => "1.0",
        DateScalar => "\"2030-01-01\"",
        _ when type.Name == "DateTime" => $"\"{DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\"",
        _ => name switch
        {
            "odsCode" => "\"ZZZ99\"",
            "email" => "\"nobody@example.org\"",
            _ => "\"Unknown thing\"",
        },
    };

    /// <summary>What kind of thing an id argument names, from its name (and, for a bare id, its field's).</summary>
    private static string Kind(string name, string field)
    {
        var text = (name is "id" or "ids" ? field : name).ToUpperInvariant();
        return text switch
        {
            _ when text.Contains("INVITATION", StringComparison.Ordinal) => "Invitation",
            _ when text.Contains("SKILL", StringComparison.Ordinal) || text.Contains("METHOD", StringComparison.Ordinal) => "Skill",
            _ when text.Contains("PROJECT", StringComparison.Ordinal) => "Project",
            _ when text.Contains("ICS", StringComparison.Ordinal) || text.Contains("INTEGRATEDCARESYSTEM", StringComparison.Ordinal) => "IntegratedCareSystem",
            _ when text.Contains("ORGANISATION", StringComparison.Ordinal) || text.Contains("HOST", StringComparison.Ordinal) => "Organisation",
            _ when text.Contains("PLACE", StringComparison.Ordinal) => "Place",
            _ => "Person",
        };
    }

    private static string Selection(IGraphType type) => type switch
    {
        NonNullGraphType n => Selection(n.ResolvedType!),
        ListGraphType l => Selection(l.ResolvedType!),
        IObjectGraphType or IInterfaceGraphType or UnionGraphType => " { __typename }",
        _ => string.Empty,
    };
}
