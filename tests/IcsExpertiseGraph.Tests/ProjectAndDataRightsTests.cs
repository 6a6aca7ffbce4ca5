using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>Projects, organisations, bulk import and the data-subject rights, each test on its own service.</summary>
[Collection(ConsoleUsers.Name)]
public sealed class ProjectAndDataRightsTests : IDisposable
{
    private static readonly Viewer Admin = Viewers.Everyone;
    private readonly ApiFactory factory = new() { DemoPeople = 150 };

    private Task<Person> SomeoneAsync(int skip = 0) => SeededPeople.PickAsync(factory.Store, skip);

    private async Task<string> TokenAsync(int skip = 0, params string[] roles)
    {
        var token = factory.TokenFor(await SomeoneAsync(skip), roles);
        await factory.QueryAsync("{ me { id } }", token: token);
        return token;
    }

    [Fact]
    public async Task ACreatorLeadsTheirProjectAndOnlyLeadsMayChangeIt()
    {
        var lead = await TokenAsync(0);
        var other = await TokenAsync(1);
        var created = await factory.QueryAsync("""
            mutation { createProject(input: { title: "  Reducing falls on ward 7  ", status: ACTIVE, startDate: "2026-01-05" }) {
                id title status contributors { role person { id } } } }
            """, token: lead);
        Assert.Null(created["errors"]);
        var project = created["data"]!["createProject"]!;
        Assert.Equal("Reducing falls on ward 7", project["title"].Str());
        Assert.Equal("LEAD", Assert.Single(project["contributors"].Arr())!["role"].Str());

        const string update = "mutation($id: ID!) { updateProject(input: { id: $id, status: COMPLETED, outcomeSummary: \"Falls down a third\" }) { status outcomeSummary } }";
        var refused = await factory.QueryAsync(update, new { id = project["id"].Str() }, other);
        var accepted = await factory.QueryAsync(update, new { id = project["id"].Str() }, lead);

        Assert.Equal("FORBIDDEN", refused.ErrorCode());
        Assert.Equal("COMPLETED", accepted["data"]!["updateProject"]!["status"].Str());
    }

    [Fact]
    public async Task AContributionIsAskedForOnceApprovedByTheLeadRemovedAndBadOnesAreRefused()
    {
        var token = await TokenAsync(0);
        var me = (await factory.QueryAsync("{ me { id } }", token: token))["data"]!["me"]!["id"].Str();
        var projects = (await factory.Store.ListProjectsAsync(ProjectFilter.None, new PageRequest(0, 100), CancellationToken.None)).Items;
        var contributors = await factory.Store.GetContributionsToProjectsAsync([.. projects.Select(p => p.Id)], Admin, CancellationToken.None);
        var project = projects.First(p => contributors[p.Id].Any(c => c.Role == ContributionRole.Lead) && contributors[p.Id].All(c => GlobalId.Encode("Person", c.PersonId) != me));
        var lead = (await factory.Store.GetPeopleAsync([contributors[project.Id].First(c => c.Role == ContributionRole.Lead).PersonId], Admin, CancellationToken.None)).Values.Single();
        var id = GlobalId.Encode("Project", project.Id);
        const string add = "mutation($p: ID!, $from: Date, $to: Date) { addMyContribution(input: { projectId: $p, role: ADVISOR, from: $from, to: $to }) { contributions { project { id } } joinRequests { project { id } role } } }";

        var backwards = await factory.QueryAsync(add, new { p = id, from = "2026-05-01", to = "2026-01-01" }, token);
        var asked = await factory.QueryAsync(add, new { p = id, from = "2026-01-01", to = "2026-05-01" }, token);
        var twice = await factory.QueryAsync(add, new { p = id, from = "2026-01-01", to = "2026-05-01" }, token);
        var unknown = await factory.QueryAsync(add, new { p = GlobalId.Encode("Project", Guid.NewGuid()), from = (string?)null, to = (string?)null }, token);

        Assert.Equal(("BAD_USER_INPUT", "from"), (backwards.ErrorCode(), backwards.ErrorField()));
        Assert.DoesNotContain(asked["data"]!["addMyContribution"]!["contributions"].Arr(), c => c!["project"]!["id"].Str() == id);
        Assert.Contains(asked["data"]!["addMyContribution"]!["joinRequests"].Arr(), c => c!["project"]!["id"].Str() == id && c["role"].Str() == "ADVISOR");
        Assert.Equal("CONFLICT", twice.ErrorCode());
        Assert.Equal(("NOT_FOUND", "projectId"), (unknown.ErrorCode(), unknown.ErrorField()));
        var approved = await factory.QueryAsync("mutation($p: ID!, $who: ID!) { decideJoinRequest(projectId: $p, personId: $who, decision: APPROVE) { id } }",
            new { p = id, who = me }, await factory.SignInAsync(lead));
        Assert.Null(approved["errors"]);
        var removed = await factory.QueryAsync("mutation($p: ID!) { removeMyContribution(projectId: $p) { contributions { project { id } } } }", new { p = id }, token);
        Assert.DoesNotContain(removed["data"]!["removeMyContribution"]!["contributions"].Arr(), c => c!["project"]!["id"].Str() == id);
    }

    [Fact]
    public async Task NobodyJoinsAProjectAsItsLeadAndSoTakesItOver()
    {
        var token = await TokenAsync(3);
        var project = (await factory.Store.ListProjectsAsync(ProjectFilter.None, new PageRequest(0, 1), CancellationToken.None)).Items[0];

        var response = await factory.QueryAsync("mutation($p: ID!) { addMyContribution(input: { projectId: $p, role: LEAD }) { version } }",
            new { p = GlobalId.Encode("Project", project.Id) }, token);
        var update = await factory.QueryAsync("mutation($p: ID!) { updateProject(input: { id: $p, title: \"Mine now\" }) { title } }",
            new { p = GlobalId.Encode("Project", project.Id) }, token);

        Assert.Equal(("FORBIDDEN", "role"), (response.ErrorCode(), response.ErrorField()));
        Assert.Equal("FORBIDDEN", update.ErrorCode());
    }

    [Fact]
    public async Task ReimportingSomeoneKeepsTheirVisibilityAndWhatTheRowLeavesOut()
    {
        var admin = await TokenAsync(0, Roles.Admin);
        const string import = "mutation($rows: [PersonImportInput!]!) { importPeople(rows: $rows) { created updated unchanged } }";
        await factory.QueryAsync(import, new { rows = new object[] { new { email = "ada.lovelace@nhs.net", displayName = "Ada Lovelace", headline = "Analyst", visibility = "PUBLIC" } } }, admin);
        var ada = (await factory.Store.ListPeopleAsync(Admin, new PageRequest(0, 1000), CancellationToken.None)).Items.Single(p => p.Email == "ada.lovelace@nhs.net");
        var privateChanges = new ProfileChanges(default, default, default, default, default, Change.To(Visibility.Private), default, default, default, default);
        await factory.Store.UpdateProfileAsync(ada.Id, privateChanges, null, ada.Id, DateTimeOffset.UtcNow, CancellationToken.None);

        await factory.QueryAsync(import, new { rows = new object[] { new { email = "ada.lovelace@nhs.net", displayName = "Ada King" } } }, admin);

        var after = (await factory.Store.GetPeopleAsync([ada.Id], Admin, CancellationToken.None))[ada.Id];
        Assert.Equal(Visibility.Private, after.Visibility);
        Assert.Equal("Analyst", after.Headline);
        Assert.Equal("Ada King", after.DisplayName);
    }

    [Fact]
    public async Task NetworkManagersCreateAndUpdateOrganisationsByOdsCode()
    {
        var ics = GlobalId.Encode("IntegratedCareSystem", (await factory.Store.ListIntegratedCareSystemsAsync(new PageRequest(0, 1), CancellationToken.None)).Items[0].Id);
        const string upsert = "mutation($name: String!, $ods: String, $ics: ID) { upsertOrganisation(input: { name: $name, odsCode: $ods, type: VCSE, integratedCareSystemId: $ics }) { id name odsCode type } }";
        var member = await TokenAsync(0);
        var manager = await TokenAsync(1, Roles.NetworkManager);

        var refused = await factory.QueryAsync(upsert, new { name = "Carers Hub", ods = "ZZ123", ics }, member);
        var created = await factory.QueryAsync(upsert, new { name = "Carers Hub", ods = "zz123", ics }, manager);
        var renamed = await factory.QueryAsync(upsert, new { name = "Carers Hub North", ods = "ZZ123", ics }, manager);
        var badCode = await factory.QueryAsync(upsert, new { name = "X", ods = "no spaces!", ics }, manager);

        Assert.Equal("FORBIDDEN", refused.ErrorCode());
        Assert.Equal("ZZ123", created["data"]!["upsertOrganisation"]!["odsCode"].Str());
        Assert.Equal(created["data"]!["upsertOrganisation"]!["id"].Str(), renamed["data"]!["upsertOrganisation"]!["id"].Str());
        Assert.Equal("Carers Hub North", renamed["data"]!["upsertOrganisation"]!["name"].Str());
        Assert.Equal(("BAD_USER_INPUT", "odsCode"), (badCode.ErrorCode(), badCode.ErrorField()));
    }

    [Fact]
    public async Task ImportIsAdminOnlyAllOrNothingAndIdempotentByEmail()
    {
        var admin = await TokenAsync(0, Roles.Admin);
        var member = await TokenAsync(1);
        var ods = (await factory.Store.ListOrganisationsAsync(OrganisationFilter.None, new PageRequest(0, 50), CancellationToken.None)).Items.First(o => o.OdsCode is not null).OdsCode;
        const string import = "mutation($rows: [PersonImportInput!]!) { importPeople(rows: $rows) { created updated unchanged } }";
        object[] rows =
        [
            new { email = "ada.lovelace@nhs.net", displayName = "Ada Lovelace", headline = "Analyst", organisationOdsCode = ods, role = "Data lead" },
            new { email = "mary.seacole@nhs.net", displayName = "Mary Seacole", visibility = "PUBLIC" },
        ];

        var refused = await factory.QueryAsync(import, new { rows }, member);
        var bad = await factory.QueryAsync(import, new { rows = new object[] { rows[0], new { email = "not-an-email", displayName = "X" } } }, admin);
        var first = await factory.QueryAsync(import, new { rows }, admin);
        var second = await factory.QueryAsync(import, new { rows }, admin);

        Assert.Equal("FORBIDDEN", refused.ErrorCode());
        Assert.Equal(("BAD_USER_INPUT", "rows[1].email"), (bad.ErrorCode(), bad.ErrorField()));
        Assert.Equal((2, 0, 0), Summary(first));
        Assert.Equal((0, 0, 2), Summary(second));
        var people = (await factory.Store.ListPeopleAsync(Admin, new PageRequest(0, 1000), CancellationToken.None)).Items;
        var ada = Assert.Single(people, p => p.Email == "ada.lovelace@nhs.net");
        Assert.Equal(ods, (await factory.Store.GetOrganisationsAsync([(await factory.Store.GetEmploymentsOfPeopleAsync([ada.Id], CancellationToken.None))[ada.Id][0].OrganisationId], CancellationToken.None)).Values.Single().OdsCode);
    }

    [Fact]
    public async Task TheImportVerbReadsCsvAndJsonLinesAndRefusesABadFileWhole()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ics-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var csv = Path.Combine(folder, "people.csv");
            await File.WriteAllTextAsync(csv, "email,displayName,headline,visibility\ngrace.hopper@nhs.net,Grace Hopper,\"Coach, systems\",PUBLIC\n");
            var jsonl = Path.Combine(folder, "people.jsonl");
            await File.WriteAllTextAsync(jsonl, "{\"email\":\"alan.turing@nhs.net\",\"displayName\":\"Alan Turing\"}\n{\"email\":\"bad\",\"displayName\":\"Bad\"}\n");
            _ = factory.Server;

            Assert.Equal(0, await ImportCommand.RunAsync(["import", "--file", csv], factory.Services, CancellationToken.None));
            Assert.Equal(0, await ImportCommand.RunAsync(["import", "--file", csv], factory.Services, CancellationToken.None));
            Assert.Equal(1, await ImportCommand.RunAsync(["import", "--file", jsonl], factory.Services, CancellationToken.None));
            Assert.Equal(2, await ImportCommand.RunAsync(["import", "--file", Path.Combine(folder, "missing.csv")], factory.Services, CancellationToken.None));

            var people = (await factory.Store.ListPeopleAsync(Admin, new PageRequest(0, 1000), CancellationToken.None)).Items;
            Assert.Equal("Coach, systems", Assert.Single(people, p => p.Email == "grace.hopper@nhs.net").Headline);
            Assert.DoesNotContain(people, p => p.Email == "alan.turing@nhs.net");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AnExpertCanExportEverythingHeldAboutThem()
    {
        var person = await SomeoneAsync();
        var token = await TokenAsync(0);
        await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"Exported\" }) { version } }", token: token);

        var export = await factory.QueryAsync("mutation { exportMyData }", token: token);

        var document = JsonNode.Parse(export["data"]!["exportMyData"].Str())!;
        Assert.Equal(person.Email, document["person"]!["email"].Str());
        Assert.Equal("Exported", document["person"]!["headline"].Str());
        Assert.NotEmpty(document["skills"].Arr());
        Assert.Contains(document["auditTrail"].Arr(), e => e!["action"].Str() == "UPDATE_PROFILE");
        Assert.DoesNotContain("local:", document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAProfileRemovesPersonalDataButKeepsProjectsWhole()
    {
        var people = (await factory.Store.ListPeopleAsync(Admin, new PageRequest(0, 1000), CancellationToken.None)).Items;
        var contributions = await factory.Store.GetContributionsOfPeopleAsync([.. people.Select(p => p.Id)], CancellationToken.None);
        var person = people.First(p => p.Visibility == Visibility.Public && p.Email is not null && contributions.ContainsKey(p.Id));
        var project = contributions[person.Id][0].ProjectId;
        var before = (await factory.Store.GetContributionsToProjectsAsync([project], Admin, CancellationToken.None))[project].Count;
        var token = await factory.SignInAsync(person);
        await factory.QueryAsync("mutation { updateMyProfile(input: { bio: \"secret bio text\" }) { version } }", token: token);

        var deleted = await factory.QueryAsync("mutation { deleteMyProfile }", token: token);

        Assert.True(deleted["data"]!["deleteMyProfile"]!.GetValue<bool>());
        Assert.Empty(await factory.Store.GetPeopleAsync([person.Id], Admin, CancellationToken.None));
        Assert.DoesNotContain((await factory.Store.ListPeopleAsync(Admin, new PageRequest(0, 1000), CancellationToken.None)).Items, p => p.Email == person.Email);
        var after = (await factory.Store.GetContributionsToProjectsAsync([project], Admin, CancellationToken.None))[project];
        Assert.Equal(before, after.Count);
        var trail = await factory.Store.GetAuditTrailAsync(person.Id, 100, CancellationToken.None);
        Assert.Contains(trail, e => e.Action == "DELETE_PROFILE");
        Assert.All(trail, e => Assert.True(e.Before is null && e.After is null, "No personal data stays in the trail."));
        var search = await factory.QueryAsync("query($q: String) { searchExperts(query: $q) { edges { node { id } } } }", new { q = person.DisplayName });
        Assert.DoesNotContain(search["data"]!["searchExperts"]!["edges"].Arr(), e => e!["node"]!["id"].Str() == GlobalId.Encode("Person", person.Id));
    }

    [Fact]
    public async Task TheTokenVerbPrintsATokenTheServiceAccepts()
    {
        var person = await SomeoneAsync();
        _ = factory.Server;
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = await TokenCommand.RunAsync(["token", "--person", GlobalId.Encode("Person", person.Id), "--role", "NetworkManager"], factory.Services, CancellationToken.None);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(0, code);
        var token = output.ToString().Trim();
        // The verb links the profile, so the token can edit it straight away, before any call to me.
        var edit = await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"Edited with a verb token\" }) { id headline version } }", token: token);
        Assert.Equal(GlobalId.Encode("Person", person.Id), edit["data"]!["updateMyProfile"]!["id"].Str());
        Assert.Equal(person.Version + 1, edit["data"]!["updateMyProfile"]!["version"]!.GetValue<int>());
        var me = await factory.QueryAsync("{ me { id headline } }", token: token);
        Assert.Equal("Edited with a verb token", me["data"]!["me"]!["headline"].Str());
        Assert.Equal(2, await TokenCommand.RunAsync(["token", "--person", "nobody"], factory.Services, CancellationToken.None));
        Assert.Equal(2, await TokenCommand.RunAsync(["token", "--person", GlobalId.Encode("Person", person.Id), "--role", "Superuser"], factory.Services, CancellationToken.None));
    }

    [Fact]
    public async Task AnonymousSearchCanBeSwitchedOff()
    {
        using var closed = new ApiFactory { DemoPeople = 50, Settings = { ["Directory:AllowAnonymousSearch"] = "false" } };
        var person = (await closed.Store.ListPeopleAsync(Admin, new PageRequest(0, 100), CancellationToken.None)).Items.First(p => p.Email is not null);

        var anonymous = await closed.QueryAsync("{ searchExperts(query: \"lean\") { totalCount } }");
        var signedIn = await closed.QueryAsync("{ searchExperts(query: \"lean\") { totalCount } }", token: closed.TokenFor(person));

        Assert.Equal("UNAUTHENTICATED", anonymous.ErrorCode());
        Assert.Null(signedIn["errors"]);
    }

    private static (int, int, int) Summary(JsonObject response)
    {
        var summary = response["data"]!["importPeople"]!;
        return (summary["created"]!.GetValue<int>(), summary["updated"]!.GetValue<int>(), summary["unchanged"]!.GetValue<int>());
    }

    public void Dispose() => factory.Dispose();
}
