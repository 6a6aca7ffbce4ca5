using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>The network managers' CSV downloads: who may have them, and that each file holds the figures the API (and so the page) shows.</summary>
public sealed class CsvExportTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static readonly Viewer Admin = Viewers.Everyone;

    private ApiFactory Factory => api.Factory;

    private async Task<(string Member, string Manager)> TokensAsync()
    {
        var open = await SeededPeople.SignInAbleAsync(Factory.Store);
        return (Factory.TokenFor(open[2]), Factory.TokenFor(open[3], Roles.NetworkManager));
    }

    private async Task<HttpResponseMessage> DownloadAsync(string report, string? ics, string? token)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/exports/{report}.csv" + (ics is null ? "" : $"?icsId={Uri.EscapeDataString(ics)}"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The file as a spreadsheet reads it: UTF-8 after a byte-order mark, a header row, then rows of fields.</summary>
    private async Task<List<Dictionary<string, string>>> TableAsync(string report, string ics, string token)
    {
        using var response = await DownloadAsync(report, ics, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = lines[0];
        Assert.All(lines, line => Assert.Equal(header.Count, line.Count));
        return [.. lines.Skip(1).Select(line => header.Zip(line).ToDictionary(x => x.First, x => x.Second))];
    }

    private async Task<JsonNode> QueryAsync(string query, string ics, string token)
    {
        var response = await Factory.QueryAsync(query, new { ics }, token);
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]!;
    }

    [Fact]
    public async Task OnlyNetworkManagersDownloadReportsAndAMissingIcsOrReportIsSaidPlainly()
    {
        var (member, manager) = await TokensAsync();
        var ics = await NetworkTests.IcsWithMostPeopleAsync(Factory);

        using var anonymous = await DownloadAsync("coverage", ics, null);
        using var asMember = await DownloadAsync("brokers", ics, member);
        using var noIcs = await DownloadAsync("coverage", "SW50ZWdyYXRlZENhcmVTeXN0ZW06MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw", manager);
        using var unknown = await DownloadAsync("salaries", ics, manager);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noIcs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("text/csv", asMember.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCoverageFileHoldsThePagesRowsAndTotalsWithOrganisationsToldApart()
    {
        var (_, manager) = await TokensAsync();
        var ics = await NetworkTests.IcsWithMostPeopleAsync(Factory);
        var coverage = (await QueryAsync("""
            query($ics: ID!) { expertiseCoverage(icsId: $ics) {
              places { place { name } peopleCounted cells { expertCount practitionerCount } } placesTotal { peopleCounted cells { expertCount practitionerCount } }
              organisations { organisation { name odsCode type } peopleCounted cells { expertCount practitionerCount } }
              organisationsTotal { peopleCounted cells { expertCount practitionerCount } }
              domains { domain expertCount practitionerCount organisationCount placeCount share } } }
            """, ics, manager))["expertiseCoverage"]!;

        var rows = await TableAsync("coverage", ics, manager);

        static string Figures(JsonNode row) => string.Join(" ", new[] { row["peopleCounted"]!.GetValue<int>() }
            .Concat(row["cells"].Arr().SelectMany(c => new[] { c!["expertCount"]!.GetValue<int>(), c["practitionerCount"]!.GetValue<int>() })));
        string FiguresOf(Dictionary<string, string> row) =>
            string.Join(" ", new[] { row["People counted"] }.Concat(Enum.GetValues<QualityDomain>().SelectMany(d => new[] { row[$"{Word(d)}: experts"], row[$"{Word(d)}: practitioners"] })));
        Assert.Equal(coverage["places"].Arr().Select(p => $"{p!["place"]!["name"].Str()}: {Figures(p)}"),
            rows.Where(r => r["Rows"] == "Place").Select(r => $"{r["Area"]}: {FiguresOf(r)}"));
        Assert.Equal(Figures(coverage["placesTotal"]!), FiguresOf(Assert.Single(rows, r => r["Rows"] == "Places")));
        Assert.Equal(Figures(coverage["organisationsTotal"]!), FiguresOf(Assert.Single(rows, r => r["Rows"] == "Organisations")));
        var organisations = rows.Where(r => r["Rows"] == "Organisation").ToList();
        Assert.Equal(coverage["organisations"].Arr().Select(o => $"{o!["organisation"]!["name"].Str()} {o["organisation"]!["odsCode"]?.GetValue<string>()}: {Figures(o)}"),
            organisations.Select(r => $"{r["Area"]} {r["ODS code"]}: {FiguresOf(r)}"));
        // Codes are words: "Acute trust", not ACUTE_TRUST.
        Assert.Contains(organisations, r => r["Organisation type"] == "Acute trust");
        Assert.DoesNotContain(organisations, r => r["Organisation type"].Contains('_', StringComparison.Ordinal));

        var totals = await TableAsync("coverage-domains", ics, manager);
        Assert.Equal(coverage["domains"].Arr().Select(d => $"{d!["expertCount"]} {d["practitionerCount"]} {d["organisationCount"]} {d["placeCount"]} {Math.Round(d["share"]!.GetValue<double>() * 100, 1).ToString(CultureInfo.InvariantCulture)}"),
            totals.Select(r => $"{r["Experts (distinct people)"]} {r["Practitioners (distinct people)"]} {r["Organisations"]} {r["Places"]} {r["Share of skills (%)"]}"));
        Assert.Equal(Enum.GetValues<QualityDomain>().Select(Word), totals.Select(r => r["Quality domain"]));
    }

    [Fact]
    public async Task TheBrokersCollaborationAndInvitationFilesHoldTheApisFigures()
    {
        var (_, manager) = await TokensAsync();
        var ics = await NetworkTests.IcsWithMostPeopleAsync(Factory);
        var data = await QueryAsync("""
            query($ics: ID!) {
              brokers(icsId: $ics, first: 10) { rank person { displayName } chainShare organisationsBridged betweenness }
              organisationCollaboration(icsId: $ics) { organisations { organisation { name odsCode } collaborationWeight crossBoundaryWeight } isolated { name } }
              invitationOutcomes(icsId: $ics) { sent open accepted declined withdrawn expired ledToProjects demand { skill { name } requested availableExperts } } }
            """, ics, manager);

        var brokers = await TableAsync("brokers", ics, manager);
        Assert.NotEmpty(brokers);
        Assert.Equal(data["brokers"].Arr().Select(b => $"{b!["rank"]} {b["person"]!["displayName"].Str()} {Math.Round(b["chainShare"]!.GetValue<double>() * 100, 2).ToString(CultureInfo.InvariantCulture)} {b["organisationsBridged"]}"),
            brokers.Select(b => $"{b["Rank"]} {b["Person"]} {b["Share of shortest chains through them (%)"]} {b["Organisations bridged"]}"));
        Assert.Equal(Enumerable.Range(1, brokers.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), brokers.Select(b => b["Rank"]));

        var collaboration = await TableAsync("organisation-collaboration", ics, manager);
        Assert.Equal(data["organisationCollaboration"]!["organisations"].Arr().Select(o => $"{o!["organisation"]!["name"].Str()} {o["organisation"]!["odsCode"]?.GetValue<string>()} {o["collaborationWeight"]} {o["crossBoundaryWeight"]}").Order(StringComparer.Ordinal),
            collaboration.Select(r => $"{r["Organisation"]} {r["ODS code"]} {r["Collaboration weight"]} {r["Across organisations"]}").Order(StringComparer.Ordinal));
        Assert.Equal(data["organisationCollaboration"]!["isolated"].Arr().Select(o => o!["name"].Str()).Order(StringComparer.Ordinal),
            collaboration.Where(r => r["Isolated"] == "Yes").Select(r => r["Organisation"]).Order(StringComparer.Ordinal));

        var outcomes = data["invitationOutcomes"]!;
        Assert.True(outcomes["sent"]!.GetValue<int>() > 0, "The demo seed gives every busy ICS an invitation history.");
        var counted = (await TableAsync("invitation-outcomes", ics, manager)).ToDictionary(r => r["Outcome"], r => r["Invitations"]);
        Assert.Equal(outcomes["sent"]!.ToString(), counted["Sent (all)"]);
        Assert.Equal(outcomes["open"]!.ToString(), counted["Awaiting an answer"]);
        Assert.Equal(outcomes["accepted"]!.ToString(), counted["Accepted"]);
        Assert.Equal(outcomes["declined"]!.ToString(), counted["Declined"]);
        Assert.Equal(outcomes["expired"]!.ToString(), counted["Expired"]);
        Assert.Equal(outcomes["ledToProjects"]!.ToString(), counted["Led to a project"]);
        Assert.Equal(outcomes["demand"].Arr().Select(d => $"{d!["skill"]!["name"].Str()} {d["requested"]} {d["availableExperts"]}"),
            (await TableAsync("skill-demand", ics, manager)).Select(r => $"{r["Skill"]} {r["Invitations asking for it"]} {r["Available people holding it"]}"));
    }

    [Fact]
    public void FieldsWithCommasQuotesOrFormulasAreWrittenSoASpreadsheetReadsThemAsText()
    {
        var csv = Api.Network.ExportCsv.Write(["Name", "Count"], [["Smith, \"Jo\"", 3], ["=HYPERLINK(\"x\")", 1.5], [null, 0]]);

        Assert.Equal("Name,Count\r\n\"Smith, \"\"Jo\"\"\",3\r\n\"'=HYPERLINK(\"\"x\"\")\",1.5\r\n,0\r\n", csv);
        Assert.Equal([["Name", "Count"], ["Smith, \"Jo\"", "3"], ["'=HYPERLINK(\"x\")", "1.5"], ["", "0"]], Parse(csv));
    }

    private static string Word(QualityDomain domain) => Api.Network.ExportCsv.DomainWords[EnumText.Name(domain)];

    /// <summary>RFC 4180, read by .NET's own delimited-text reader (not by the writer under test).</summary>
    private static List<List<string>> Parse(string text)
    {
        using var reader = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        reader.SetDelimiters(",");
        var lines = new List<List<string>>();
        while (!reader.EndOfData)
        {
            lines.Add([.. reader.ReadFields() ?? []]);
        }

        return lines;
    }
}
