using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>Experts keeping their own profiles: sign-in, edits, concurrency, privacy and the audit trail. Each test has its own service.</summary>
public sealed class ProfileTests : IDisposable
{
    private static readonly Viewer Admin = Viewers.Everyone;
    private readonly ApiFactory factory = new() { DemoPeople = 200 };

    private const string MyProfile = "{ me { id displayName headline email orcid visibility version availability { status hoursPerMonth } } }";

    private Task<Person> SomeoneAsync(Visibility visibility = Visibility.Public, int skip = 0) => SeededPeople.PickAsync(factory.Store, skip, visibility);

    [Fact]
    public async Task EditingWithoutATokenIsUnauthenticated()
    {
        var response = await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"x\" }) { version } }");

        Assert.Equal("UNAUTHENTICATED", response.ErrorCode());
    }

    [Fact]
    public async Task AForgedTokenCountsForNothing()
    {
        var person = await SomeoneAsync();
        var token = await factory.SignInAsync(person);
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var response = await factory.QueryAsync(MyProfile, token: forged);

        Assert.Equal("UNAUTHENTICATED", response.ErrorCode());
    }

    [Fact]
    public async Task ASignedInExpertEditsTheirProfileAndSeesTheNewVersion()
    {
        var person = await SomeoneAsync();
        var token = await factory.SignInAsync(person);

        var me = (await factory.QueryAsync(MyProfile, token: token))["data"]!["me"]!;
        Assert.Equal(GlobalId.Encode("Person", person.Id), me["id"].Str());
        Assert.Equal(person.Email, me["email"].Str());
        var version = me["version"]!.GetValue<int>();

        var updated = await factory.QueryAsync("""
            mutation($v: Int) { updateMyProfile(input: { headline: "Improvement coach for the ICS", orcid: "0000-0002-1825-0097",
                availability: { status: OPEN, hoursPerMonth: 12 }, expectedVersion: $v }) { headline orcid version availability { status hoursPerMonth } } }
            """, new { v = version }, token);

        Assert.Null(updated["errors"]);
        var result = updated["data"]!["updateMyProfile"]!;
        Assert.Equal(version + 1, result["version"]!.GetValue<int>());
        Assert.Equal("Improvement coach for the ICS", result["headline"].Str());
        Assert.Equal("0000-0002-1825-0097", result["orcid"].Str());
        Assert.Equal(12, result["availability"]!["hoursPerMonth"]!.GetValue<int>());
        var reread = await factory.Store.GetPeopleAsync([person.Id], Admin, CancellationToken.None);
        Assert.Equal("Improvement coach for the ICS", reread[person.Id].Headline);
    }

    [Fact]
    public async Task AStaleVersionIsRefusedWithConflictAndTheCurrentVersion()
    {
        var person = await SomeoneAsync();
        var token = await factory.SignInAsync(person);
        var version = (await factory.QueryAsync(MyProfile, token: token))["data"]!["me"]!["version"]!.GetValue<int>();
        await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"first\" }) { version } }", token: token);

        var stale = await factory.QueryAsync("mutation($v: Int) { updateMyProfile(input: { headline: \"second\", expectedVersion: $v }) { version } }", new { v = version }, token);

        Assert.Equal("CONFLICT", stale.ErrorCode());
        Assert.Equal(version + 1, stale["errors"]![0]!["extensions"]!["currentVersion"]!.GetValue<int>());
        Assert.Equal("first", (await factory.Store.GetPeopleAsync([person.Id], Admin, CancellationToken.None))[person.Id].Headline);
    }

    [Theory]
    [InlineData("{ orcid: \"0000-0002-1825-0098\" }", "orcid")]
    [InlineData("{ orcid: \"not an orcid\" }", "orcid")]
    [InlineData("{ email: \"jane at nhs.net\" }", "email")]
    [InlineData("{ displayName: \"   \" }", "displayName")]
    [InlineData("{ displayName: null }", "displayName")]
    [InlineData("{ availability: { hoursPerMonth: 201 } }", "availability.hoursPerMonth")]
    [InlineData("{ availability: { hoursPerMonth: -1 } }", "availability.hoursPerMonth")]
    [InlineData("{ visibility: null }", "visibility")]
    [InlineData("{ visibility: SECRET }", "input")]
    public async Task BadProfileInputIsRefusedNamingTheFieldAndChangesNothing(string input, string field)
    {
        var person = await SomeoneAsync();
        var token = await factory.SignInAsync(person);
        await factory.QueryAsync(MyProfile, token: token);
        var before = (await factory.Store.GetPeopleAsync([person.Id], Admin, CancellationToken.None))[person.Id];

        var response = await factory.QueryAsync($"mutation {{ updateMyProfile(input: {input}) {{ version }} }}", token: token);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal(field, response.ErrorField());
        Assert.Equal(before, (await factory.Store.GetPeopleAsync([person.Id], Admin, CancellationToken.None))[person.Id]);
    }

    [Fact]
    public async Task ALongBioIsRefused()
    {
        var token = await factory.SignInAsync(await SomeoneAsync());

        var response = await factory.QueryAsync("mutation($bio: String) { updateMyProfile(input: { bio: $bio }) { version } }", new { bio = new string('x', 4001) }, token);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal("bio", response.ErrorField());
    }

    [Fact]
    public async Task GoingPrivateHidesTheExpertFromAnonymousAndOtherMembersAndTheCountsDrop()
    {
        var person = await SomeoneAsync();
        var token = await factory.SignInAsync(person);
        var other = await factory.SignInAsync(await SomeoneAsync(skip: 1));
        const string search = "query($q: String) { searchExperts(query: $q, first: 100) { totalCount edges { node { id } } } people { totalCount } }";
        var id = GlobalId.Encode("Person", person.Id);
        var before = await factory.QueryAsync(search, new { q = person.DisplayName });
        Assert.Contains(before["data"]!["searchExperts"]!["edges"].Arr(), e => e!["node"]!["id"].Str() == id);

        await factory.QueryAsync("mutation { updateMyProfile(input: { visibility: PRIVATE }) { version } }", token: token);

        foreach (var caller in new[] { null, other })
        {
            var after = await factory.QueryAsync(search, new { q = person.DisplayName }, caller);
            Assert.DoesNotContain(after["data"]!["searchExperts"]!["edges"].Arr(), e => e!["node"]!["id"].Str() == id);
            var direct = await factory.QueryAsync("query($id: ID!) { person(id: $id) { id } }", new { id }, caller);
            Assert.Null(direct["data"]!["person"]);
        }

        var anonymousAfter = await factory.QueryAsync(search, new { q = person.DisplayName });
        Assert.Equal(before["data"]!["people"]!["totalCount"]!.GetValue<int>() - 1, anonymousAfter["data"]!["people"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(before["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>() - 1, anonymousAfter["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
        var self = await factory.QueryAsync("query($id: ID!) { person(id: $id) { id visibility } }", new { id }, token);
        Assert.Equal("PRIVATE", self["data"]!["person"]!["visibility"].Str());
    }

    [Fact]
    public async Task ARepeatedSearchNeverShowsAPrivatePersonToAnyoneButThemselvesAndSeesEachNewWrite()
    {
        var person = await SomeoneAsync(skip: 2);
        var token = await factory.SignInAsync(person);
        var other = await factory.SignInAsync(await SomeoneAsync(skip: 3));
        const string search = "{ searchExperts(query: \"quixotry\") { totalCount edges { node { id } } } }";
        Assert.Equal(0, (await factory.QueryAsync(search, token: token))["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());

        await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"Quixotry in improvement\", visibility: PRIVATE }) { version } }", token: token);

        for (var round = 0; round < 2; round++)
        {
            // The second round is answered from the results the first ranked: each caller still gets their own view.
            var own = await factory.QueryAsync(search, token: token);
            Assert.Equal(GlobalId.Encode("Person", person.Id), Assert.Single(own["data"]!["searchExperts"]!["edges"].Arr())!["node"]!["id"].Str());
            Assert.Equal(0, (await factory.QueryAsync(search, token: other))["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(0, (await factory.QueryAsync(search))["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task AHundredConcurrentUpdatesToOneProfileLoseNone()
    {
        var person = await SomeoneAsync();
        var token = await factory.SignInAsync(person);
        var start = (await factory.QueryAsync(MyProfile, token: token))["data"]!["me"]!["version"]!.GetValue<int>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            factory.QueryAsync("mutation($h: String) { updateMyProfile(input: { headline: $h }) { version } }", new { h = $"Headline {i}" }, token)));

        Assert.All(responses, r => Assert.Null(r["errors"]));
        Assert.Equal(Enumerable.Range(start + 1, 100), responses.Select(r => r["data"]!["updateMyProfile"]!["version"]!.GetValue<int>()).Order());
        var trail = await factory.Store.GetAuditTrailAsync(person.Id, 500, CancellationToken.None);
        Assert.Equal(100, trail.Count(e => e.Action == "UPDATE_PROFILE"));
    }

    [Fact]
    public async Task TheAuditTrailRecordsWhoChangedWhatAndOnlyThePersonAndAdminsMayReadIt()
    {
        var person = await SomeoneAsync();
        var token = await factory.SignInAsync(person);
        await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"Audited headline\" }) { version } }", token: token);

        var mine = await factory.QueryAsync("{ me { auditTrail { action before after actor { id } } } }", token: token);
        var change = mine["data"]!["me"]!["auditTrail"].Arr().First(e => e!["action"].Str() == "UPDATE_PROFILE")!;
        Assert.Contains("Audited headline", change["after"].Str(), StringComparison.Ordinal);
        Assert.Contains(person.Headline!, change["before"].Str(), StringComparison.Ordinal);
        Assert.DoesNotContain("bio", change["after"].Str(), StringComparison.Ordinal); // only what changed is kept
        Assert.Equal(GlobalId.Encode("Person", person.Id), change["actor"]!["id"].Str());

        const string theirs = "query($id: ID!) { person(id: $id) { auditTrail { action } } }";
        var id = GlobalId.Encode("Person", person.Id);
        var byOther = await factory.QueryAsync(theirs, new { id }, await factory.SignInAsync(await SomeoneAsync(skip: 1)));
        Assert.Equal("FORBIDDEN", byOther.ErrorCode());
        var byAdmin = await factory.QueryAsync(theirs, new { id }, await factory.SignInAsync(await SomeoneAsync(skip: 2), Roles.Admin));
        Assert.Contains(byAdmin["data"]!["person"]!["auditTrail"].Arr(), e => e!["action"].Str() == "UPDATE_PROFILE");
    }

    [Fact]
    public async Task ANewcomerGetsNoProfileFromMeButAPrivateOneWhenTheyAskForIt()
    {
        var token = factory.TokenForNewcomer("entra-object-id-123", "new.starter@nhs.net", "New Starter");
        var sequence = await factory.Store.GetChangeSequenceAsync(CancellationToken.None);

        var first = await factory.QueryAsync(MyProfile, token: token);
        var refused = await factory.QueryAsync("mutation { confirmMyProfile { id } }", token: token);

        Assert.Equal(("NOT_FOUND", "me"), (first.ErrorCode(), first.ErrorField()));
        Assert.Contains("createMyProfile", first["errors"]![0]!["message"].Str(), StringComparison.Ordinal);
        Assert.Equal("NOT_FOUND", refused.ErrorCode());
        Assert.Null(await factory.Store.FindPersonIdByExternalIdAsync("entra-object-id-123", CancellationToken.None));
        Assert.Equal(sequence, await factory.Store.GetChangeSequenceAsync(CancellationToken.None));

        var created = await factory.QueryAsync("mutation { createMyProfile { id displayName visibility email } }", token: token);
        var again = await factory.QueryAsync("mutation { createMyProfile { id } }", token: token);
        var me = await factory.QueryAsync(MyProfile, token: token);

        Assert.True(created["errors"] is null, created.ToJsonString());
        var profile = created["data"]!["createMyProfile"]!;
        Assert.Equal(("PRIVATE", "New Starter", "new.starter@nhs.net"), (profile["visibility"].Str(), profile["displayName"].Str(), profile["email"].Str()));
        Assert.Equal(("CONFLICT", "me"), (again.ErrorCode(), again.ErrorField()));
        Assert.Equal(profile["id"].Str(), me["data"]!["me"]!["id"].Str());
        Assert.Equal(profile["id"].Str(), GlobalId.Encode("Person", (await factory.Store.FindPersonIdByExternalIdAsync("entra-object-id-123", CancellationToken.None))!.Value));
    }

    [Fact]
    public async Task SkillsAreSetAndRemovedAndSearchSeesTheChangeAtOnce()
    {
        var person = await SomeoneAsync();
        var token = await factory.SignInAsync(person);
        var skill = (await factory.QueryAsync("{ skills(query: \"Cynefin\") { nodes { id } } }"))["data"]!["skills"]!["nodes"]![0]!["id"].Str();
        const string coaches = "query($s: ID!) { searchExperts(filter: { skillIds: [$s], minLevel: COACH }, first: 100) { edges { node { id } } } }";
        var id = GlobalId.Encode("Person", person.Id);

        var set = await factory.QueryAsync("mutation($s: ID!) { setMySkill(input: { skillId: $s, level: COACH, evidence: PUBLICATION, years: 7 }) { skills { skill { id } level evidence years verified } } }",
            new { s = skill }, token);
        Assert.Contains(set["data"]!["setMySkill"]!["skills"].Arr(), h => h!["skill"]!["id"].Str() == skill && h["level"].Str() == "COACH" && h["years"]!.GetValue<int>() == 7);
        Assert.Contains((await factory.QueryAsync(coaches, new { s = skill }))["data"]!["searchExperts"]!["edges"].Arr(), e => e!["node"]!["id"].Str() == id);

        await factory.QueryAsync("mutation($s: ID!) { removeMySkill(skillId: $s) { version } }", new { s = skill }, token);
        Assert.DoesNotContain((await factory.QueryAsync(coaches, new { s = skill }))["data"]!["searchExperts"]!["edges"].Arr(), e => e!["node"]!["id"].Str() == id);
        var again = await factory.QueryAsync("mutation($s: ID!) { removeMySkill(skillId: $s) { version } }", new { s = skill }, token);
        Assert.Equal("NOT_FOUND", again.ErrorCode());
    }

    [Fact]
    public async Task EndorsementsFollowTheRules()
    {
        var endorser = await SomeoneAsync();
        var colleague = await SomeoneAsync(skip: 1);
        var token = await factory.SignInAsync(endorser);
        var held = (await factory.Store.GetSkillsOfPeopleAsync([colleague.Id], CancellationToken.None))[colleague.Id][0].SkillId;
        var heldIds = (await factory.Store.GetSkillsOfPeopleAsync([colleague.Id], CancellationToken.None))[colleague.Id].Select(s => s.SkillId).ToHashSet();
        var notHeld = (await factory.Store.GetAllSkillsAsync(CancellationToken.None)).First(s => !heldIds.Contains(s.Id)).Id;
        const string endorse = "mutation($p: ID!, $s: ID!) { endorseSkill(personId: $p, skillId: $s) { id } }";
        var colleagueId = GlobalId.Encode("Person", colleague.Id);

        var ok = await factory.QueryAsync(endorse, new { p = colleagueId, s = GlobalId.Encode("Skill", held) }, token);
        var twice = await factory.QueryAsync(endorse, new { p = colleagueId, s = GlobalId.Encode("Skill", held) }, token);
        var unheld = await factory.QueryAsync(endorse, new { p = colleagueId, s = GlobalId.Encode("Skill", notHeld) }, token);
        var self = await factory.QueryAsync(endorse, new { p = GlobalId.Encode("Person", endorser.Id), s = GlobalId.Encode("Skill", held) }, token);

        Assert.Null(ok["errors"]);
        Assert.Equal(("CONFLICT", "skillId"), (twice.ErrorCode(), twice.ErrorField()));
        Assert.Equal(("BAD_USER_INPUT", "skillId"), (unheld.ErrorCode(), unheld.ErrorField()));
        Assert.Equal(("BAD_USER_INPUT", "personId"), (self.ErrorCode(), self.ErrorField()));
    }

    [Fact]
    public async Task OnlyNetworkManagersVerifySkills()
    {
        var person = await SomeoneAsync();
        var skill = (await factory.Store.GetSkillsOfPeopleAsync([person.Id], CancellationToken.None))[person.Id].First(s => !s.Verified).SkillId;
        const string verify = "mutation($p: ID!, $s: ID!) { verifySkill(personId: $p, skillId: $s) { skills { skill { id } verified } } }";
        var variables = new { p = GlobalId.Encode("Person", person.Id), s = GlobalId.Encode("Skill", skill) };

        var anonymous = await factory.QueryAsync(verify, variables);
        var member = await factory.QueryAsync(verify, variables, await factory.SignInAsync(await SomeoneAsync(skip: 1)));
        var manager = await factory.QueryAsync(verify, variables, await factory.SignInAsync(await SomeoneAsync(skip: 2), Roles.NetworkManager));

        Assert.Equal("UNAUTHENTICATED", anonymous.ErrorCode());
        Assert.Equal("FORBIDDEN", member.ErrorCode());
        Assert.Contains(manager["data"]!["verifySkill"]!["skills"].Arr(), h => h!["skill"]!["id"].Str() == GlobalId.Encode("Skill", skill) && h["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AMutationBeforeSigningInIsRefusedAndLinksNothing()
    {
        var person = await SomeoneAsync();
        var token = factory.TokenFor(person); // never used with me

        var response = await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"x\" }) { version } }", token: token);

        Assert.Equal(("NOT_FOUND", "me"), (response.ErrorCode(), response.ErrorField()));
        Assert.Null((await factory.Store.GetPeopleAsync([person.Id], Admin, CancellationToken.None))[person.Id].ExternalId);
        Assert.Empty(await factory.Store.GetAuditTrailAsync(person.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task OnlyTheVerifiedSignInEmailMayBeSet()
    {
        var person = await SomeoneAsync();
        var token = await factory.SignInAsync(person);

        var someoneElses = await factory.QueryAsync("mutation { updateMyProfile(input: { email: \"chief.executive@nhs.net\" }) { email } }", token: token);
        var hidden = await factory.QueryAsync("mutation { updateMyProfile(input: { email: null }) { email } }", token: token);
        var own = await factory.QueryAsync("mutation($e: String) { updateMyProfile(input: { email: $e }) { email } }", new { e = person.Email!.ToUpperInvariant() }, token);

        Assert.Equal(("BAD_USER_INPUT", "email"), (someoneElses.ErrorCode(), someoneElses.ErrorField()));
        Assert.Null(hidden["data"]!["updateMyProfile"]!["email"]);
        Assert.Null(own["errors"]);
    }

    [Fact]
    public async Task ManagersCannotVerifyTheirOwnSkillsOrPeopleTheyMayNotSeeAndAChangedClaimLosesVerification()
    {
        var people = (await factory.Store.ListPeopleAsync(Admin, new PageRequest(0, 1000), CancellationToken.None)).Items;
        var manager = SeededPeople.SignInAble(people)[0];
        var hidden = people.First(p => p.Visibility == Visibility.Private);
        var colleague = people.Where(p => p.Visibility == Visibility.Public && p.Id != manager.Id).First();
        var token = await factory.SignInAsync(manager, Roles.NetworkManager);
        const string verify = "mutation($p: ID!, $s: ID!) { verifySkill(personId: $p, skillId: $s) { id } }";
        string SkillOf(Person p) => GlobalId.Encode("Skill", factory.Store.GetSkillsOfPeopleAsync([p.Id], CancellationToken.None).Result[p.Id][0].SkillId);

        var own = await factory.QueryAsync(verify, new { p = GlobalId.Encode("Person", manager.Id), s = SkillOf(manager) }, token);
        var secret = await factory.QueryAsync(verify, new { p = GlobalId.Encode("Person", hidden.Id), s = SkillOf(hidden) }, token);
        Assert.Equal(("BAD_USER_INPUT", "personId"), (own.ErrorCode(), own.ErrorField()));
        Assert.Equal(("NOT_FOUND", "personId"), (secret.ErrorCode(), secret.ErrorField()));

        var skill = SkillOf(colleague);
        Assert.Null((await factory.QueryAsync(verify, new { p = GlobalId.Encode("Person", colleague.Id), s = skill }, token))["errors"]);
        var colleagueToken = await factory.SignInAsync(colleague);
        var claim = (await factory.Store.GetSkillsOfPeopleAsync([colleague.Id], CancellationToken.None))[colleague.Id][0];
        var changed = await factory.QueryAsync("mutation($s: ID!, $l: SkillLevel!, $y: Int) { setMySkill(input: { skillId: $s, level: $l, years: $y }) { skills { skill { id } verified } } }",
            new { s = skill, l = EnumText.Name(claim.Level), y = (claim.Years ?? 0) + 5 }, colleagueToken);
        Assert.False(changed["data"]!["setMySkill"]!["skills"].Arr().Single(h => h!["skill"]!["id"].Str() == skill)!["verified"]!.GetValue<bool>());
    }

    public void Dispose() => factory.Dispose();
}

/// <summary>
/// A write is applied to this instance's read models before it is answered: the writer reads it at once, and so does
/// everyone else reading from the same instance. The instance is told not to look at the feed by itself here, so only
/// the write's own path can have made it visible.
/// </summary>
public sealed class ReadYourWritesTests : IDisposable
{
    private readonly ApiFactory factory = new() { DemoPeople = 150, Settings = { ["ReadModels:PollInterval"] = "01:00:00" } };

    [Fact]
    public async Task AWriterSeesTheirOwnChangeInSearchAndInTheGraphAtOnce()
    {
        var people = (await factory.Store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 1000), CancellationToken.None)).Items;
        var person = SeededPeople.SignInAble(people)[0];
        var token = await factory.SignInAsync(person);
        await factory.QueryAsync("{ me { id } }", token: token);
        var skill = (await factory.QueryAsync("{ skills(query: \"Cynefin\") { nodes { id } } }"))["data"]!["skills"]!["nodes"]![0]!["id"].Str();
        var contributions = await factory.Store.GetContributionsOfPeopleAsync([.. people.Select(p => p.Id)], CancellationToken.None);
        var project = contributions.Where(c => c.Key != person.Id).SelectMany(c => c.Value)
            .First(c => c.Role == ContributionRole.Lead && !contributions.GetValueOrDefault(person.Id, []).Any(m => m.ProjectId == c.ProjectId));
        var lead = await factory.SignInAsync(people.Single(p => p.Id == project.PersonId));
        var id = GlobalId.Encode("Person", person.Id);

        await factory.QueryAsync("mutation($s: ID!) { setMySkill(input: { skillId: $s, level: COACH }) { version } }", new { s = skill }, token);
        var search = await factory.QueryAsync("query($s: ID!) { searchExperts(filter: { skillIds: [$s], minLevel: COACH }, first: 100) { edges { node { id } } } }", new { s = skill }, token);
        // Joining is the person's request and the lead's approval: the approval is the write the graph must show at once.
        await factory.QueryAsync("mutation($p: ID!) { addMyContribution(input: { projectId: $p, role: MEMBER }) { version } }", new { p = GlobalId.Encode("Project", project.ProjectId) }, token);
        await factory.QueryAsync("mutation($p: ID!, $who: ID!) { decideJoinRequest(projectId: $p, personId: $who, decision: APPROVE) { id } }",
            new { p = GlobalId.Encode("Project", project.ProjectId), who = id }, lead);
        var around = await factory.QueryAsync("query($id: ID!) { collaborationNetwork(around: $id, hops: 1, limit: 1000) { nodes { person { id } } } }",
            new { id = GlobalId.Encode("Person", project.PersonId) }, token);

        Assert.Contains(search["data"]!["searchExperts"]!["edges"].Arr(), e => e!["node"]!["id"].Str() == id);
        Assert.Contains(around["data"]!["collaborationNetwork"]!["nodes"].Arr(), n => n!["person"]!["id"].Str() == id);
    }

    [Fact]
    public async Task EveryOtherReaderOfTheInstanceSeesAWriteAsSoonAsItIsAnswered()
    {
        var people = (await factory.Store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 1000), CancellationToken.None)).Items;
        var person = people.First(p => p.Visibility == Visibility.Public);
        var token = await factory.SignInAsync(person);
        const string Search = "{ searchExperts(query: \"Zanzibar\", first: 5) { totalCount edges { node { id } } } }";
        Assert.Equal(0, (await factory.QueryAsync(Search))["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());

        await factory.QueryAsync("mutation { updateMyProfile(input: { headline: \"Zanzibar flow coach\" }) { version } }", token: token);
        var anonymous = await factory.QueryAsync(Search);

        Assert.Equal([GlobalId.Encode("Person", person.Id)], anonymous["data"]!["searchExperts"]!["edges"].Arr().Select(e => e!["node"]!["id"].Str()));
    }

    public void Dispose() => factory.Dispose();
}

/// <summary>The local issuer must never be trusted in production by accident.</summary>
public sealed class LocalIssuerGuardTests
{
    [Fact]
    public void ProductionWithoutEntraIdRefusesToStartAndSaysWhy()
    {
        using var factory = new ApiFactory { Environment = "Production", DemoPeople = 10 };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("AllowLocalIssuerInProduction", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(factory.Logged, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Critical && e.Message.Contains("Refusing to start", StringComparison.Ordinal));
    }
}

/// <summary>With Entra ID configured, the same pipeline trusts Entra's tokens only.</summary>
public sealed class EntraIdModeTests
{
    [Fact]
    public async Task WithEntraIdConfiguredLocalTokensAreNotTrustedAndTheTokenVerbDeclines()
    {
        using var entra = ApiFactory.EntraId();
        using var local = new ApiFactory { DemoPeople = 20 };
        var person = (await local.Store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 10), CancellationToken.None)).Items.First(p => p.Email is not null);

        var response = await entra.QueryAsync("{ me { id } }", token: local.TokenFor(person));

        Assert.Equal("UNAUTHENTICATED", response.ErrorCode());
        Assert.Null(entra.Services.GetService(typeof(LocalIssuer)));
        Assert.Equal(1, await TokenCommand.RunAsync(["token", "--person", person.Id.ToString()], entra.Services, CancellationToken.None));
    }
}
