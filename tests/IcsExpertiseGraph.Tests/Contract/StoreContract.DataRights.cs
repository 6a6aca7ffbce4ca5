using System.Text.Json;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

public abstract partial class StoreContract
{
    [StoreFact]
    public async Task ImportingPeopleCreatesUpdatesOrLeavesEachByEmailAndASecondRunChangesNothing()
    {
        var renamed = Someone();
        var same = Someone(Visibility.Network);
        var employer = Network.Organisations.First(o => o.OdsCode is not null);
        PersonImport[] rows =
        [
            new("nia.importee@nhs.net", "Nia Importee", "QI lead", null, null, employer.OdsCode!.ToLowerInvariant(), "Analyst"),
            new(renamed.Email!.ToUpperInvariant(), "Renamed Person", null, null, Visibility.Private, null, null),
            new(same.Email!, same.DisplayName, null, null, Visibility.Public, null, null),
        ];

        var first = await Store.ImportPeopleAsync(rows, null, Now, Ct);
        var afterFirst = await FingerprintAsync();
        var second = await Store.ImportPeopleAsync(rows, null, Now, Ct);

        Assert.Equal(new ImportSummary(1, 1, 1), first);
        Assert.Equal(new ImportSummary(0, 0, 3), second);
        var created = (await Store.FindExpertCandidatesAsync(Text("importee"), Admin, Ct)).Single().PersonId;
        var people = await Store.GetPeopleAsync([created, renamed.Id, same.Id], Admin, Ct);
        Assert.Equal(("Nia Importee", "QI lead", "nia.importee@nhs.net", Visibility.Network), (people[created].DisplayName, people[created].Headline, people[created].Email, people[created].Visibility));
        Assert.Equal(new Employment(created, employer.Id, "Analyst", DateOnly.FromDateTime(Now.UtcDateTime), null, true),
            Assert.Single(Of(await Store.GetEmploymentsOfPeopleAsync([created], Ct), created)));
        Assert.Equal(renamed with { DisplayName = "Renamed Person", Version = renamed.Version + 1, UpdatedAt = Now }, people[renamed.Id]);
        Assert.Equal(same, people[same.Id]);
        Assert.Equal("IMPORT_CREATE", (await Store.GetAuditTrailAsync(created, 1, Ct))[0].Action);
        // The second run left the data as the first did (only the change sequence may move).
        Assert.Equal(afterFirst.Split('\n').Skip(1), (await FingerprintAsync()).Split('\n').Skip(1));
    }

    [StoreFact]
    public async Task AnImportWithAnUnknownOrganisationIsRefusedWholeNamingTheRow()
    {
        PersonImport[] rows =
        [
            new("first.row@nhs.net", "First Row", null, null, null, null, null),
            new("second.row@nhs.net", "Second Row", null, null, null, "NOPE1", "Analyst"),
        ];

        await AssertRefusedAndUnchangedAsync<RuleViolationException>(() => Store.ImportPeopleAsync(rows, null, Now, Ct), "rows[1].organisationOdsCode");
    }

    [StoreFact]
    public async Task AnExportHoldsEverythingHeldAboutThePerson()
    {
        var person = Network.People.First(p => p.Email is not null && Network.Contributions.Any(c => c.PersonId == p.Id) && Network.Employments.Count(e => e.PersonId == p.Id) > 1);
        await Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>("Measurement lead") }, null, person.Id, Now, Ct);
        var asked = ProjectWithout(person.Id);
        await Store.RequestToJoinAsync(new Contribution(person.Id, asked.Id, ContributionRole.Coach, null, null), Now, Ct);

        using var export = JsonDocument.Parse(await Store.ExportPersonAsync(person.Id, Ct));

        var sections = export.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string> { "person", "skills", "employments", "contributions", "joinRequests", "endorsements", "auditTrail" }, new HashSet<string>(sections));
        var request = Assert.Single(export.RootElement.GetProperty("joinRequests").EnumerateArray());
        Assert.Equal((asked.Title, "REQUEST", "COACH"), (request.GetProperty("project").GetString(), request.GetProperty("kind").GetString(), request.GetProperty("role").GetString()));
        var texts = StringsIn(export.RootElement);
        Assert.Contains(person.DisplayName, texts);
        Assert.Contains(person.Email!, texts);
        Assert.Contains("Measurement lead", texts);
        Assert.Contains("UPDATE_PROFILE", texts);
        Assert.All(Network.PersonSkills.Where(s => s.PersonId == person.Id), s => Assert.Contains(Network.Skills.Single(k => k.Id == s.SkillId).Name, texts));
        Assert.All(Network.Employments.Where(e => e.PersonId == person.Id), e => Assert.Contains(Network.Organisations.Single(o => o.Id == e.OrganisationId).Name, texts));
        Assert.All(Network.Contributions.Where(c => c.PersonId == person.Id), c => Assert.Contains(Network.Projects.Single(p => p.Id == c.ProjectId).Title, texts));
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.ExportPersonAsync(Guid.NewGuid(), Ct), "id");
    }

    [StoreFact]
    public async Task AnExportListsTheEndorsementsThePersonGaveAndReceivedNamingOnlyThoseNotPrivate()
    {
        var person = Network.People.First(p => Network.Endorsements.Any(e => e.EndorserId == p.Id) && Network.Endorsements.Any(e => e.EndorseeId == p.Id));
        string NameOf(Guid id) => Network.People.Single(p => p.Id == id) is { Visibility: not Visibility.Private } other ? other.DisplayName : "a member whose profile is private";
        string SkillOf(Guid id) => Network.Skills.Single(s => s.Id == id).Name;
        var expected = Network.Endorsements.Where(e => e.EndorserId == person.Id).Select(e => ("GIVEN", NameOf(e.EndorseeId), SkillOf(e.SkillId)))
            .Concat(Network.Endorsements.Where(e => e.EndorseeId == person.Id).Select(e => ("RECEIVED", NameOf(e.EndorserId), SkillOf(e.SkillId))));

        using var export = JsonDocument.Parse(await Store.ExportPersonAsync(person.Id, Ct));

        var listed = export.RootElement.GetProperty("endorsements").EnumerateArray()
            .Select(e => (e.GetProperty("direction").GetString()!, e.GetProperty("otherPerson").GetString()!, e.GetProperty("skill").GetString()!));
        Assert.Equal(expected.Order(), listed.Order());
    }

    [StoreFact]
    public async Task DeletingSomeoneWithNoContributionsLeavesNoFormerMemberBehind()
    {
        var person = Network.People.First(p => !Network.Contributions.Any(c => c.PersonId == p.Id));
        var total = (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount;

        await Store.DeletePersonAsync(person.Id, Now, Ct);

        var people = await Store.ListPeopleAsync(Admin, Everything, Ct);
        Assert.Equal(total - 1, people.TotalCount);
        Assert.DoesNotContain(people.Items, p => p.DisplayName == "Former member");
    }

    [StoreFact]
    public async Task DeletingAPersonErasesThemButKeepsTheirProjectsWholeUnderAHiddenFormerMember()
    {
        var given = Network.Endorsements[0];
        var person = Network.People.Single(p => p.Id == given.EndorserId);
        var claim = Network.PersonSkills.First(s => s.PersonId != person.Id
            && !Network.Endorsements.Any(e => e.EndorserId == person.Id && e.EndorseeId == s.PersonId && e.SkillId == s.SkillId));
        var contributions = Network.Contributions.Where(c => c.PersonId == person.Id).ToList();
        await Store.LinkIdentityAsync(person.Id, "entra-leaving", Now, Ct);
        await Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>("About to leave") }, null, person.Id, Now, Ct);
        await Store.EndorseSkillAsync(person.Id, claim.PersonId, claim.SkillId, Now, Ct);
        var total = (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount;

        await Store.DeletePersonAsync(person.Id, Now.AddHours(1), Ct);

        Assert.Empty(await Store.GetPeopleAsync([person.Id], Admin, Ct));
        Assert.Empty(Of(await Store.GetSkillsOfPeopleAsync([person.Id], Ct), person.Id));
        Assert.Empty(Of(await Store.GetEmploymentsOfPeopleAsync([person.Id], Ct), person.Id));
        Assert.Null(await Store.FindPersonIdByExternalIdAsync("entra-leaving", Ct));
        Assert.DoesNotContain(person.Id, (await Store.FindExpertCandidatesAsync(NoCriteria, Admin, Ct)).Select(c => c.PersonId));

        var projects = contributions.Select(c => c.ProjectId).ToList();
        var toProjects = (await Store.GetContributionsToProjectsAsync(projects, Admin, Ct)).Values.SelectMany(c => c).ToList();
        var former = Assert.Single(toProjects.Select(c => c.PersonId).Except(Network.Contributions.Select(c => c.PersonId)).Distinct());
        // Nobody leads through the placeholder: a lead's contribution is kept as a member's.
        Assert.Equal(contributions.Select(c => c with { PersonId = former, Role = c.Role == ContributionRole.Lead ? ContributionRole.Member : c.Role }).OrderBy(c => c.ProjectId),
            toProjects.Where(c => c.PersonId == former).OrderBy(c => c.ProjectId));
        var formerMember = (await Store.GetPeopleAsync([former], Admin, Ct))[former];
        Assert.Equal(("Former member", Visibility.Private, null, null), (formerMember.DisplayName, formerMember.Visibility, formerMember.Email, formerMember.ExternalId));
        Assert.DoesNotContain(former, (await Store.GetContributionsToProjectsAsync(projects, Member, Ct)).Values.SelectMany(c => c).Select(c => c.PersonId));
        Assert.Equal(total, (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount);

        var holdings = (await Store.LoadSearchSourceAsync(Ct)).Holdings;
        Assert.Equal(Network.Backing(given.EndorseeId, given.SkillId).Endorsements - 1, holdings.Single(h => h.PersonId == given.EndorseeId && h.Skill.SkillId == given.SkillId).Skill.Endorsements);
        Assert.Equal(Network.Backing(claim.PersonId, claim.SkillId).Endorsements, holdings.Single(h => h.PersonId == claim.PersonId && h.Skill.SkillId == claim.SkillId).Skill.Endorsements);

        // The trail keeps the fact of the deletion and nothing the person said or did under their name.
        var trail = await Store.GetAuditTrailAsync(person.Id, 50, Ct);
        Assert.Equal(("DELETE_PROFILE", (Guid?)null), (trail[0].Action, trail[0].ActorId));
        Assert.All(trail, e => Assert.Equal((null, null), (e.Before, e.After)));
        Assert.All(trail, e => Assert.NotEqual(person.Id, e.ActorId));
        Assert.All(await Store.GetAuditTrailAsync(claim.PersonId, 50, Ct), e => Assert.NotEqual(person.Id, e.ActorId));
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.ExportPersonAsync(person.Id, Ct), "id");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.DeletePersonAsync(person.Id, Now, Ct), "id");
    }

    private static HashSet<string> StringsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => [.. element.EnumerateObject().SelectMany(p => StringsIn(p.Value))],
        JsonValueKind.Array => [.. element.EnumerateArray().SelectMany(StringsIn)],
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };
}
