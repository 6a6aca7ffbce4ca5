using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IcsExpertiseGraph.BrowserTests;

/// <summary>The team builder, and an invitation from its proposal through to the invitee's acceptance.</summary>
public sealed class TeamAndInvitationTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [BrowserFact]
    public Task TheTeamBuilderProposesATeamForTwoSkills() => app.RunAsync(nameof(TheTeamBuilderProposesATeamForTwoSkills), async t =>
    {
        var (_, name) = (await SeededPeople.LeanExpertsAsync(app))[5];
        await t.SignInAsync(name);
        await ProposeTeamAsync(t);

        var page = t.Page;
        await Expect(page.GetByRole(AriaRole.Main).GetByText(new Regex(@"\d+ (person|people) from \d+ organisations?, covering 2 of 2 skills"))).ToBeVisibleAsync();
        var members = Members(page);
        Assert.True(await members.CountAsync() >= 2, "A team for two skills has fewer than two members.");
        // Each member says what they cover and at what level (through which narrower skill, where so), and between
        // them they cover both skills; the page says it all in words, not the API's codes.
        var covered = await page.Locator(".team-members .skill-list li").AllInnerTextsAsync();
        Assert.Contains(covered, c => c.StartsWith("Lean · ", StringComparison.Ordinal));
        Assert.Contains(covered, c => c.StartsWith("Statistical process control · ", StringComparison.Ordinal));
        Assert.All(covered, c => Assert.Matches(@" · (Practitioner|Expert|Coach)(, through .+)?$", c));
        Assert.DoesNotMatch(SearchPageTests.EnumCodes(), await page.GetByRole(AriaRole.Main).TextContentAsync() ?? "");
        await Expect(members.First.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new Regex("^#/person/"));
        await t.ScreenshotAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(t.Page);
    });

    [BrowserFact]
    public Task AnInvitationSentFromATeamProposalCanBeAcceptedByTheInvitee() => app.RunAsync(nameof(AnInvitationSentFromATeamProposalCanBeAcceptedByTheInvitee), async t =>
    {
        var (_, inviter) = (await SeededPeople.LeanExpertsAsync(app))[6];
        var (_, icsName) = await SeededPeople.FirstIcsAsync(app);
        await t.SignInAsync(inviter);
        await ProposeTeamAsync(t);

        // Invite the first proposed member, not the inviter, who is open to work for other organisations (only
        // colleagues may invite the others, and the form would say so).
        var page = t.Page;
        var member = Members(page)
            .Filter(new() { HasNot = page.GetByRole(AriaRole.Link, new() { Name = inviter, Exact = true }) })
            .Filter(new() { HasText = "Open to cross-organisation work" }).First;
        var invitee = await member.GetByRole(AriaRole.Heading).InnerTextAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = $"Invite {invitee} to design work" }).ClickAsync();
        var purpose = $"Design the ICS's lean flow programme ({Guid.NewGuid().ToString("N")[..6]})";
        await member.GetByLabel("Purpose", new() { Exact = true }).FillAsync(purpose);
        await member.GetByLabel("Integrated Care System", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = icsName });
        await Expect(member.GetByRole(AriaRole.List, new() { Name = "Skills wanted: chosen" }).GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await member.GetByLabel("Hours requested", new() { Exact = true }).FillAsync("12");
        await member.GetByLabel("Respond by", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await member.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation sent to {invitee}.");
        await t.ScreenshotAsync(suffix: "sent");

        // The invitee, at their own browser, finds it under Received and accepts it.
        var theirs = await t.NewUserAsync();
        await t.SignInAsync(invitee, page: theirs);
        await t.GoToAsync("/invitations", theirs);
        await Expect(theirs.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Invitations");
        await Expect(theirs.GetByRole(AriaRole.Heading, new() { Name = "Sent", Exact = true })).ToBeVisibleAsync();
        var received = theirs.GetByRole(AriaRole.Region, new() { Name = "Received", Exact = true });
        var invitation = received.GetByRole(AriaRole.Listitem).Filter(new() { Has = theirs.GetByRole(AriaRole.Heading, new() { Name = purpose }) });
        await Expect(invitation).ToContainTextAsync($"From {inviter}");
        await Expect(invitation.GetByRole(AriaRole.Button, new() { Name = "Decline" })).ToBeVisibleAsync();
        await invitation.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(invitation).ToContainTextAsync("Accepted");
        await Expect(invitation.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToHaveCountAsync(0);
        await t.ScreenshotAsync(theirs);
        await Accessibility.AssertNoSeriousViolationsAsync(theirs);

        // Back at the inviter's browser: the sent invitation is accepted, and no longer withdrawable.
        await t.GoToAsync("/invitations");
        var sent = page.GetByRole(AriaRole.Region, new() { Name = "Sent", Exact = true })
            .GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = purpose }) });
        await Expect(sent).ToContainTextAsync("Accepted");
        await Expect(sent.GetByRole(AriaRole.Button, new() { Name = "Withdraw" })).ToHaveCountAsync(0);
        await t.ScreenshotAsync(suffix: "inviter");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    });

    private static ILocator Members(IPage page) => page.Locator("ul.team-members > li");

    /// <summary>Team builder: Lean and Statistical process control (picked by typing), then "Propose a team".</summary>
    private static async Task ProposeTeamAsync(BrowserTest t)
    {
        var page = t.Page;
        await t.GoToAsync("/team");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Team builder");
        var skills = page.GetByLabel("Skills the team needs", new() { Exact = true });
        foreach (var (typed, skill) in new[] { ("lean", "Lean"), ("statistical process", "Statistical process control") })
        {
            await skills.FillAsync(typed);
            await page.GetByRole(AriaRole.List, new() { Name = "Matching skills" })
                .GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^{Regex.Escape(skill)} ·") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Skills the team needs: chosen" })).ToContainTextAsync(skill);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Propose a team" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Proposed team", Exact = true })).ToBeVisibleAsync();
        await Expect(Members(page).First).ToBeVisibleAsync();
    }
}
