using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>
/// Projects on My profile (issue 17): an expert creates a project and a colleague, finding it by typing, joins it with
/// the lead's approval; a lead adds someone who confirms; every invalid field is shown at once.
/// </summary>
public sealed class ProjectsOnMyProfileTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [BrowserFact]
    public Task AnExpertCreatesAProjectAndAColleagueJoinsItWithTheLeadsApproval() => app.RunAsync(nameof(AnExpertCreatesAProjectAndAColleagueJoinsItWithTheLeadsApproval), async t =>
    {
        var people = await SeededPeople.LeanExpertsAsync(app);
        var (lead, colleague) = (people[0].Name, people[1].Name);
        var title = $"Zephyr falls prevention {Guid.NewGuid().ToString("N")[..6]}";
        var page = t.Page;
        await t.SignInAsync(lead);
        await CreateProjectAsync(t, page, title);
        var mine = page.Locator("ul.my-projects > li").Filter(new() { HasText = title });
        await Expect(mine).ToContainTextAsync("Lead");
        await t.ScreenshotAsync(suffix: "created");

        // The colleague, at their own browser, finds it by typing part of its title, and asks to join as a member.
        var theirs = await t.NewUserAsync();
        await t.SignInAsync(colleague, page: theirs);
        await t.GoToAsync("/me", theirs);
        var join = await OpenAsync(theirs, "Join a project", "Join a project you worked on");
        await Expect(join.GetByLabel("Your role", new() { Exact = true })).ToHaveValueAsync("MEMBER");
        await Expect(join.GetByLabel("Your role", new() { Exact = true }).Locator("option")).ToHaveTextAsync(["Member", "Sponsor", "Coach", "Advisor"]);
        await join.GetByLabel("Project", new() { Exact = true }).FillAsync("zephyr falls");
        var match = theirs.GetByRole(AriaRole.List, new() { Name = "Matching projects" }).GetByRole(AriaRole.Button).Filter(new() { HasText = title });
        // Each match says enough to tell projects with the same title apart: status, dates and host.
        await Expect(match).ToContainTextAsync(new Regex("Active · .+ · (hosted by .+|no host organisation)"));
        await match.ClickAsync();
        await Expect(join).ToContainTextAsync($"Chosen: {title}");
        await join.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        var pending = theirs.Locator("ul.pending-requests > li").Filter(new() { HasText = title });
        await Expect(pending).ToContainTextAsync("Pending");
        await Expect(pending).ToContainTextAsync("waiting for the project's lead");
        await Expect(theirs.Locator("ul.my-projects")).Not.ToContainTextAsync(title);
        await t.ScreenshotAsync(theirs, suffix: "asked");

        // The lead sees the request, named, and approves it.
        await page.ReloadAsync();
        var request = page.Locator("ul.requests-to-decide > li").Filter(new() { HasText = colleague });
        await Expect(request).ToContainTextAsync($"asks to join {title} as Member");
        await t.ScreenshotAsync(suffix: "to-decide");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await request.GetByRole(AriaRole.Button, new() { Name = $"Approve {colleague} joining {title}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{colleague} joined {title}." })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.requests-to-decide")).ToHaveCountAsync(0);

        // The colleague now has it among their projects, as a member, and nothing waiting.
        await theirs.ReloadAsync();
        await Expect(theirs.Locator("ul.my-projects > li").Filter(new() { HasText = title })).ToContainTextAsync("Member");
        await Expect(theirs.Locator("ul.pending-requests")).ToHaveCountAsync(0);
        await t.ScreenshotAsync(theirs);
        await Accessibility.AssertNoSeriousViolationsAsync(theirs);
    });

    [BrowserFact]
    public Task ALeadAddsAColleagueWhoConfirmsOnTheirOwnProfile() => app.RunAsync(nameof(ALeadAddsAColleagueWhoConfirmsOnTheirOwnProfile), async t =>
    {
        var people = await SeededPeople.LeanExpertsAsync(app);
        var (lead, colleague) = (people[2].Name, people[3].Name);
        var title = $"Sepsis bundle spread {Guid.NewGuid().ToString("N")[..6]}";
        var page = t.Page;
        await t.SignInAsync(lead);
        await CreateProjectAsync(t, page, title);

        var project = page.Locator("ul.my-projects > li").Filter(new() { HasText = title });
        await project.Locator("summary", new() { HasText = $"Add a person to {title}" }).ClickAsync();
        await project.GetByLabel("Person", new() { Exact = true }).FillAsync(colleague);
        await project.GetByLabel("Their role", new() { Exact = true }).SelectOptionAsync("COACH");
        await project.GetByRole(AriaRole.List, new() { Name = "Matching people" }).GetByRole(AriaRole.Button).Filter(new() { HasText = colleague }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"You added {colleague} to {title}." })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.requests-to-decide > li").Filter(new() { HasText = colleague })).ToContainTextAsync("waiting for them to confirm");
        await t.ScreenshotAsync(suffix: "added");

        var theirs = await t.NewUserAsync();
        await t.SignInAsync(colleague, page: theirs);
        await t.GoToAsync("/me", theirs);
        var addition = theirs.Locator("ul.pending-requests > li").Filter(new() { HasText = title });
        await Expect(addition).ToContainTextAsync("Needs your answer");
        await Expect(addition).ToContainTextAsync("added you as Coach");
        await addition.GetByRole(AriaRole.Button, new() { Name = $"Confirm joining {title}" }).ClickAsync();
        await Expect(theirs.Locator("ul.my-projects > li").Filter(new() { HasText = title })).ToContainTextAsync("Coach");
        await t.ScreenshotAsync(theirs);

        // Back at the lead's page: nothing waits any more, and the colleague is a contributor the lead can hand the lead to.
        await page.ReloadAsync();
        await Expect(page.Locator("ul.requests-to-decide")).ToHaveCountAsync(0);
        var leadsProject = page.Locator("ul.my-projects > li").Filter(new() { HasText = title });
        await leadsProject.Locator("summary", new() { HasText = $"Hand over the lead of {title}" }).ClickAsync();
        await Expect(leadsProject.GetByLabel("New lead", new() { Exact = true }).Locator("option").Filter(new() { HasText = colleague })).ToHaveCountAsync(1);
    });

    [BrowserFact]
    public Task EveryInvalidFieldIsShownAtOnceNotOneAtATime() => app.RunAsync(nameof(EveryInvalidFieldIsShownAtOnceNotOneAtATime), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[4];
        var page = t.Page;
        await t.SignInAsync(name);
        await t.GoToAsync("/me");

        // A new project with no title and its end before its start: both fields say so, together.
        var create = await OpenAsync(page, "Create a project", "Create a project");
        await create.GetByLabel("Start (optional)", new() { Exact = true }).FillAsync("2026-05-01");
        await create.GetByLabel("End (optional)", new() { Exact = true }).FillAsync("2026-01-01");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Expect(create.Locator(".field-error")).ToHaveCountAsync(2);
        await Expect(create.GetByLabel("Title", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(create.GetByLabel("End (optional)", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(create.Locator(".form-errors li")).ToHaveCountAsync(2);

        // Joining with no project chosen and the dates the wrong way round: both, together.
        var join = await OpenAsync(page, "Join a project", "Join a project you worked on");
        await join.GetByLabel("From (optional)", new() { Exact = true }).FillAsync("2026-05-01");
        await join.GetByLabel("To (optional)", new() { Exact = true }).FillAsync("2026-01-01");
        await join.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Expect(join.Locator(".field-error")).ToHaveCountAsync(2);

        // The profile itself: an empty name, a wrong ORCID iD and hours that are not a number, all at once.
        await page.GetByLabel("Display name", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("ORCID iD", new() { Exact = true }).FillAsync("0000-0000-0000-0000");
        await page.GetByLabel("Hours a month", new() { Exact = true }).FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        var profile = page.Locator("form.profile-form");
        await Expect(profile.Locator(".field-error")).ToHaveCountAsync(3);
        await Expect(profile.Locator(".field-error").Filter(new() { HasText = "whole number" })).ToHaveCountAsync(1);
        await t.ScreenshotAsync();

        // Nothing was saved.
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Display name", new() { Exact = true })).ToHaveValueAsync(name);
    });

    [BrowserFact]
    public Task ANetworkManagerGivesAProjectWithoutALeadOneOfItsContributorsAsLead() => app.RunAsync(nameof(ANetworkManagerGivesAProjectWithoutALeadOneOfItsContributorsAsLead), async t =>
    {
        // A project whose lead has left, with two confirmed contributors: set up through the API, as members would.
        var people = await SeededPeople.LeanExpertsAsync(app);
        var (lead, leaving, staying, manager) = (people[5], people[6], people[7], people[8].Name);
        var title = $"Frailty flow {Guid.NewGuid().ToString("N")[..6]}";
        var leadToken = await TokenAsync(lead.Id);
        var project = (await app.QueryAsync("mutation($t: String!) { createProject(input: { title: $t, status: ACTIVE }) { id } }", new { t = title }, leadToken))
            .GetProperty("createProject").GetProperty("id").GetString()!;
        foreach (var (id, _) in new[] { leaving, staying })
        {
            await app.QueryAsync("mutation($p: ID!, $who: ID!) { addProjectContributor(input: { projectId: $p, personId: $who, role: MEMBER }) { kind } }", new { p = project, who = id }, leadToken);
            await app.QueryAsync("mutation($p: ID!, $who: ID!) { decideJoinRequest(projectId: $p, personId: $who, decision: APPROVE) { id } }", new { p = project, who = id }, await TokenAsync(id));
        }

        await app.QueryAsync("mutation($p: ID!) { removeMyContribution(projectId: $p) { id } }", new { p = project }, leadToken);

        // The manager finds it among the projects without a lead by words of its title.
        var page = t.Page;
        await t.SignInAsync(manager, networkManager: true);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Project leads" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Project leads", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Words of its title or host organisation (optional)").FillAsync(title.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Find projects" }).ClickAsync();
        var item = page.GetByRole(AriaRole.List, new() { Name = "Projects without a lead" }).Locator("> li").Filter(new() { HasText = title });
        await Expect(item).ToContainTextAsync("Active");
        var newLead = item.GetByLabel("New lead", new() { Exact = true });
        await Expect(newLead.Locator("option")).ToHaveCountAsync(3);
        foreach (var (_, name) in new[] { leaving, staying })
        {
            await Expect(newLead.Locator("option").Filter(new() { HasText = $"{name} (Member)" })).ToHaveCountAsync(1);
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Nobody chosen: said beside the choice.
        var make = item.GetByRole(AriaRole.Button, new() { Name = $"Make lead of {title}" });
        await make.ClickAsync();
        await Expect(newLead).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(item.Locator(".field-error")).ToContainTextAsync("Choose who leads it.");

        // One of them leaves while the page is open: choosing them is refused, clearly, and nothing changes.
        await app.QueryAsync("mutation($p: ID!) { removeMyContribution(projectId: $p) { id } }", new { p = project }, await TokenAsync(leaving.Id));
        await newLead.SelectOptionAsync(leaving.Id);
        await make.ClickAsync();
        await Expect(item.Locator(".field-error")).ToContainTextAsync("There is no such confirmed contributor to this project.");
        await Expect(item.Locator(".form-errors")).ToContainTextAsync("There is a problem");
        await t.ScreenshotAsync(suffix: "refused");

        // The other is made lead: said so, the project leaves the list, and they lead it.
        await newLead.SelectOptionAsync(staying.Id);
        await make.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{staying.Name} now leads {title}." })).ToBeVisibleAsync();
        await Expect(page.GetByText("No project without a lead matches those words.")).ToBeVisibleAsync();
        var contributors = (await app.QueryAsync("query($p: ID!) { project(id: $p) { contributors { role person { id } } } }", new { p = project }))
            .GetProperty("project").GetProperty("contributors");
        Assert.Contains(contributors.EnumerateArray(), c => c.GetProperty("role").GetString() == "LEAD" && c.GetProperty("person").GetProperty("id").GetString() == staying.Id);
        await t.ScreenshotAsync();
    });

    /// <summary>A development sign-in's token for a seeded person, for setting up through the API what members would do in their own browsers.</summary>
    private async Task<string> TokenAsync(string personId) =>
        (await app.QueryAsync("mutation($id: ID!) { developmentSignIn(personId: $id) { token } }", new { id = personId }))
            .GetProperty("developmentSignIn").GetProperty("token").GetString()!;

    /// <summary>Opens a folded form of My profile by its summary and returns the form, found by its heading.</summary>
    private static async Task<ILocator> OpenAsync(IPage page, string summary, string heading)
    {
        await page.Locator("summary", new() { HasTextRegex = new Regex($"^{Regex.Escape(summary)}$") }).ClickAsync();
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });
        await Expect(form).ToBeVisibleAsync();
        return form;
    }

    /// <summary>On My profile: "Create a project" with a title, then waits for it among the signed-in person's projects.</summary>
    private static async Task CreateProjectAsync(BrowserTest t, IPage page, string title)
    {
        await t.GoToAsync("/me", page);
        var create = await OpenAsync(page, "Create a project", "Create a project");
        await create.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await Expect(create.GetByLabel("Status", new() { Exact = true })).ToHaveValueAsync("ACTIVE");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"You created {title}." })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.my-projects > li").Filter(new() { HasText = title })).ToBeVisibleAsync();
    }
}
