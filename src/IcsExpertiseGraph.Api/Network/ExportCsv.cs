using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQL;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQL;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// GET /exports/{report}.csv?icsId=&lt;ICS id&gt;: the network managers' tables as CSV files a board pack can use (UTF-8
/// with a byte-order mark so spreadsheets read names right, a header row, plain words for codes). Each report runs the
/// same GraphQL query the page sends, as the caller, so a file holds the page's figures, under the same rules: 401
/// without a token, 403 for members who are not network managers, 400 for an ICS that does not exist.
/// </summary>
public static class ExportCsv
{
    private sealed record Report(string FileName, string Document, string[] Header, Func<JsonElement, IEnumerable<object?[]>> Rows);

    private static readonly string[] DomainOrder = [.. Enum.GetValues<QualityDomain>().Select(EnumText.Name)];

    /// <summary>The words the pages use for the API's codes (Web/ui/src/labels.ts).</summary>
    public static readonly IReadOnlyDictionary<string, string> DomainWords = new Dictionary<string, string>
    {
        ["QUALITY_PLANNING"] = "Quality planning", ["QUALITY_IMPROVEMENT"] = "Quality improvement", ["QUALITY_CONTROL"] = "Quality control",
        ["QUALITY_ASSURANCE"] = "Quality assurance", ["SYSTEMS_THINKING"] = "Systems thinking", ["IMPROVEMENT_ENABLERS"] = "Improvement enablers",
    };

    public static readonly IReadOnlyDictionary<string, string> OrganisationTypeWords = new Dictionary<string, string>
    {
        ["INTEGRATED_CARE_BOARD"] = "Integrated care board", ["ACUTE_TRUST"] = "Acute trust", ["COMMUNITY_TRUST"] = "Community trust",
        ["MENTAL_HEALTH_TRUST"] = "Mental health trust", ["AMBULANCE_TRUST"] = "Ambulance trust", ["PRIMARY_CARE_NETWORK"] = "Primary care network",
        ["GP_PRACTICE"] = "GP practice", ["LOCAL_AUTHORITY"] = "Local authority", ["VCSE"] = "Voluntary, community or social enterprise",
        ["ACADEMIC"] = "Academic", ["COMMISSIONING_SUPPORT"] = "Commissioning support", ["OTHER"] = "Other",
    };

    private const string Cells = "cells { domain expertCount practitionerCount }";

    private static readonly Dictionary<string, Report> Reports = new(StringComparer.Ordinal)
    {
        ["coverage"] = new("coverage",
            $$"""
            query CoverageCsv($ics: ID!) { expertiseCoverage(icsId: $ics) {
              places { place { name } peopleCounted {{Cells}} } placesTotal { peopleCounted {{Cells}} }
              organisations { organisation { name odsCode type } peopleCounted {{Cells}} } organisationsTotal { peopleCounted {{Cells}} } } }
            """,
            ["Rows", "Area", "ODS code", "Organisation type", "People counted",
                .. DomainOrder.SelectMany(d => new[] { $"{DomainWords[d]}: experts", $"{DomainWords[d]}: practitioners" })],
            data => CoverageRows(data.GetProperty("expertiseCoverage"))),
        ["coverage-domains"] = new("coverage-totals",
            """
            query CoverageTotalsCsv($ics: ID!) { expertiseCoverage(icsId: $ics) { domains { domain expertCount practitionerCount organisationCount placeCount share } } }
            """,
            ["Quality domain", "Experts (distinct people)", "Practitioners (distinct people)", "Organisations", "Places", "Share of skills (%)"],
            data => data.GetProperty("expertiseCoverage").GetProperty("domains").EnumerateArray().Select(d => new object?[]
            {
                Word(DomainWords, d, "domain"), Int(d, "expertCount"), Int(d, "practitionerCount"), Int(d, "organisationCount"), Int(d, "placeCount"),
                Percent(d.GetProperty("share").GetDouble(), 1),
            })),
        ["brokers"] = new("brokers",
            """
            query BrokersCsv($ics: ID!) { brokers(icsId: $ics, first: 10) { rank person { displayName } chainShare organisationsBridged betweenness } }
            """,
            ["Rank", "Person", "Share of shortest chains through them (%)", "Organisations bridged", "Betweenness"],
            data => data.GetProperty("brokers").EnumerateArray().Select(b => new object?[]
            {
                Int(b, "rank"), b.GetProperty("person").GetProperty("displayName").GetString(), Percent(b.GetProperty("chainShare").GetDouble(), 2),
                Int(b, "organisationsBridged"), b.GetProperty("betweenness").GetDouble(),
            })),
        ["organisation-collaboration"] = new("organisation-collaboration",
            """
            query OrganisationCollaborationCsv($ics: ID!) { organisationCollaboration(icsId: $ics) {
              links { from { id } to { id } }
              organisations { organisation { id name odsCode type } collaborationWeight crossBoundaryWeight crossBoundaryShare }
              isolated { id } } }
            """,
            ["Organisation", "ODS code", "Organisation type", "Collaboration weight", "Across organisations", "Share across organisations (%)", "Partner organisations", "Isolated"],
            data => CollaborationRows(data.GetProperty("organisationCollaboration"))),
        ["invitation-outcomes"] = new("invitation-outcomes",
            """
            query InvitationOutcomesCsv($ics: ID!) { invitationOutcomes(icsId: $ics) { sent open accepted declined withdrawn expired ledToProjects medianResponseHours } }
            """,
            ["Outcome", "Invitations"],
            data => OutcomeRows(data.GetProperty("invitationOutcomes"))),
        ["skill-demand"] = new("skill-demand",
            """
            query SkillDemandCsv($ics: ID!) { invitationOutcomes(icsId: $ics) { demand { skill { name domain } requested availableExperts shortfall } } }
            """,
            ["Skill", "Quality domain", "Invitations asking for it", "Available people holding it", "Shortfall"],
            data => data.GetProperty("invitationOutcomes").GetProperty("demand").EnumerateArray().Select(d => new object?[]
            {
                d.GetProperty("skill").GetProperty("name").GetString(), Word(DomainWords, d.GetProperty("skill"), "domain"), Int(d, "requested"),
                Int(d, "availableExperts"), d.GetProperty("shortfall").GetBoolean() ? "Yes" : "No",
            })),
    };

    /// <summary>The reports a caller may ask for, by the name in the address.</summary>
    public static IReadOnlyCollection<string> ReportNames => Reports.Keys;

    public static IEndpointRouteBuilder MapCsvExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{report}.csv", async (HttpContext http, string report, string? icsId, IDocumentExecuter<ExpertiseSchema> executer,
            IGraphQLTextSerializer serializer, CallerResolver callers) =>
        {
            if (!Reports.TryGetValue(report, out var chosen))
            {
                return Results.Json(new { error = $"There is no report '{report}'; try {string.Join(", ", Reports.Keys)}.", code = ErrorCodes.NotFound }, statusCode: StatusCodes.Status404NotFound);
            }

            var caller = http.RequestServices.GetRequiredService<RequestContext>();
            caller.Identity = CallerResolver.IdentityOf(http.User);
            if (caller.Identity is null)
            {
                return Results.Json(new { error = "Sign in first: this download needs a bearer token.", code = ErrorCodes.Unauthenticated }, statusCode: StatusCodes.Status401Unauthorized);
            }

            if (string.IsNullOrEmpty(icsId))
            {
                return Results.Json(new { error = "icsId is required: the report is for one ICS.", code = ErrorCodes.BadUserInput, field = "icsId" }, statusCode: StatusCodes.Status400BadRequest);
            }

            try
            {
                caller.Viewer = await callers.ViewerForAsync(caller.Identity, http.RequestAborted);
            }
            catch (SignInRefusedException refused)
            {
                return Results.Json(new { error = refused.Message, code = ErrorCodes.Unauthenticated }, statusCode: StatusCodes.Status401Unauthorized);
            }

            var result = await executer.ExecuteAsync(options =>
            {
                options.Query = chosen.Document;
                options.Variables = new Inputs(new Dictionary<string, object?> { ["ics"] = icsId });
                options.RequestServices = http.RequestServices;
                options.User = http.User;
                options.CancellationToken = http.RequestAborted;
            });
            using var answer = JsonDocument.Parse(serializer.Serialize(result));
            if (answer.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
            {
                var error = errors[0];
                var code = error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var c) ? c.GetString() : null;
                var status = code switch
                {
                    ErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
                    ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
                    ErrorCodes.NotFound or ErrorCodes.BadUserInput => StatusCodes.Status400BadRequest,
                    _ => StatusCodes.Status500InternalServerError,
                };
                return Results.Json(new { error = error.GetProperty("message").GetString(), code, field = status == StatusCodes.Status400BadRequest ? "icsId" : null }, statusCode: status);
            }

            var csv = Write(chosen.Header, chosen.Rows(answer.RootElement.GetProperty("data")));
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{chosen.FileName}.csv\"";
            return Results.Bytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8");
        });
        return endpoints;
    }

    /// <summary>
    /// RFC 4180 text: fields with commas, quotes or line breaks are quoted; text that a spreadsheet would run as a formula
    /// (=, +, -, @ first) gets a leading apostrophe, since names and purposes are typed by members.
    /// </summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<object?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var field = fields[i] switch
            {
                null => "",
                string s when s.Length > 0 && "=+-@\t\r".Contains(s[0], StringComparison.Ordinal) => "'" + s,
                string s => s,
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? "",
            };
            text.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }

        text.Append("\r\n");
    }

    private static IEnumerable<object?[]> CoverageRows(JsonElement coverage)
    {
        foreach (var place in coverage.GetProperty("places").EnumerateArray())
        {
            yield return ["Place", place.GetProperty("place").GetProperty("name").GetString(), null, null, .. Counts(place)];
        }

        yield return ["Places", "All places, each person once", null, null, .. Counts(coverage.GetProperty("placesTotal"))];
        foreach (var row in coverage.GetProperty("organisations").EnumerateArray())
        {
            var organisation = row.GetProperty("organisation");
            yield return ["Organisation", organisation.GetProperty("name").GetString(), organisation.GetProperty("odsCode").GetString(),
                Word(OrganisationTypeWords, organisation, "type"), .. Counts(row)];
        }

        yield return ["Organisations", "All organisations, each person once", null, null, .. Counts(coverage.GetProperty("organisationsTotal"))];
    }

    /// <summary>People counted, then experts and practitioners per domain in enum order.</summary>
    private static object?[] Counts(JsonElement row)
    {
        var cells = row.GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("domain").GetString()!);
        return [Int(row, "peopleCounted"), .. DomainOrder.SelectMany(d => new object?[] { Int(cells[d], "expertCount"), Int(cells[d], "practitionerCount") })];
    }

    private static IEnumerable<object?[]> CollaborationRows(JsonElement collaboration)
    {
        var partners = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var link in collaboration.GetProperty("links").EnumerateArray())
        {
            foreach (var end in new[] { "from", "to" })
            {
                var id = link.GetProperty(end).GetProperty("id").GetString()!;
                partners[id] = partners.GetValueOrDefault(id) + 1;
            }
        }

        var isolated = collaboration.GetProperty("isolated").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);
        return collaboration.GetProperty("organisations").EnumerateArray()
            .OrderByDescending(o => Int(o, "collaborationWeight")).ThenBy(o => o.GetProperty("organisation").GetProperty("name").GetString(), StringComparer.Ordinal)
            .Select(o =>
            {
                var organisation = o.GetProperty("organisation");
                var id = organisation.GetProperty("id").GetString()!;
                return new object?[]
                {
                    organisation.GetProperty("name").GetString(), organisation.GetProperty("odsCode").GetString(), Word(OrganisationTypeWords, organisation, "type"),
                    Int(o, "collaborationWeight"), Int(o, "crossBoundaryWeight"), Percent(o.GetProperty("crossBoundaryShare").GetDouble(), 0),
                    partners.GetValueOrDefault(id), isolated.Contains(id) ? "Yes" : "No",
                };
            });
    }

    private static IEnumerable<object?[]> OutcomeRows(JsonElement outcomes)
    {
        yield return ["Sent (all)", Int(outcomes, "sent")];
        yield return ["Awaiting an answer", Int(outcomes, "open")];
        yield return ["Accepted", Int(outcomes, "accepted")];
        yield return ["Declined", Int(outcomes, "declined")];
        yield return ["Withdrawn", Int(outcomes, "withdrawn")];
        yield return ["Expired", Int(outcomes, "expired")];
        yield return ["Led to a project", Int(outcomes, "ledToProjects")];
        var median = outcomes.GetProperty("medianResponseHours");
        yield return ["Median hours to an answer", median.ValueKind == JsonValueKind.Null ? null : Math.Round(median.GetDouble(), 1)];
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    private static double Percent(double share, int decimals) => Math.Round(share * 100, decimals);

    private static string? Word(IReadOnlyDictionary<string, string> words, JsonElement element, string name) =>
        element.GetProperty(name).GetString() is { } code ? words.GetValueOrDefault(code, code) : null;
}
