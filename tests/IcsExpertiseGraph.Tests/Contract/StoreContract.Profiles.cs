using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

public abstract partial class StoreContract
{
    protected static ProfileChanges NoChanges { get; } = new(default, default, default, default, default, default, default, default, default, default);

    private static SignedInIdentity Identity(string externalId, string? email, bool verified, string? name = null) =>
        new(externalId, email, verified, name, new HashSet<string>());

    [StoreFact]
    public async Task ASignInFindsTheProfileAlreadyLinkedToIt()
    {
        var person = Someone();
        await Store.LinkIdentityAsync(person.Id, "entra-linked", Now, Ct);
        var total = (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount;

        var signedIn = (await Store.LinkProfileAsync(Identity("entra-linked", "someone.else@nhs.net", verified: true), Now, Ct))!;

        Assert.Equal(person.Id, signedIn.Id);
        Assert.Equal("entra-linked", signedIn.ExternalId);
        Assert.Equal(total, (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount);
        Assert.Equal(person.Id, await Store.FindPersonIdByExternalIdAsync("entra-linked", Ct));
        Assert.Null(await Store.FindPersonIdByExternalIdAsync("entra-nobody", Ct));
    }

    [StoreFact]
    public async Task AVerifiedEmailLinksTheUnlinkedProfileThatHasItWhateverItsCase()
    {
        var person = Someone(Visibility.Network);
        var total = (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount;

        var signedIn = (await Store.LinkProfileAsync(Identity("entra-by-email", person.Email!.ToUpperInvariant(), verified: true), Now, Ct))!;

        Assert.Equal(person.Id, signedIn.Id);
        Assert.Equal(person with { ExternalId = "entra-by-email", UpdatedAt = signedIn.UpdatedAt }, signedIn);
        Assert.Equal(total, (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount);
        Assert.Equal(person.Id, await Store.FindPersonIdByExternalIdAsync("entra-by-email", Ct));
        Assert.Equal("LINK_IDENTITY", (await Store.GetAuditTrailAsync(person.Id, 10, Ct))[0].Action);
    }

    [StoreFact]
    public async Task ASignInWithoutAProfileGetsNoneUntilItAsksAndThenAPrivateOne()
    {
        var person = Someone();
        var linked = Someone(skip: 1);
        await Store.LinkIdentityAsync(linked.Id, "entra-taken", Now, Ct);
        var total = (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount;
        var unverifiedIdentity = Identity("entra-unverified", person.Email, verified: false, "Pat Unverified");
        var newcomerIdentity = Identity("entra-newcomer", "dana.newcomer@nhs.net", verified: true, "Dana Newcomer");
        var otherIdentity = Identity("entra-other", linked.Email, verified: true, "Sam Other");

        Assert.Null(await Store.LinkProfileAsync(unverifiedIdentity, Now, Ct));
        Assert.Null(await Store.LinkProfileAsync(newcomerIdentity, Now, Ct));
        Assert.Null(await Store.LinkProfileAsync(otherIdentity, Now, Ct));
        Assert.Equal(total, (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount);

        var unverified = await Store.CreateProfileAsync(unverifiedIdentity, Now, Ct);
        var newcomer = await Store.CreateProfileAsync(newcomerIdentity, Now, Ct);
        var emailOfALinkedProfile = await Store.CreateProfileAsync(otherIdentity, Now, Ct);

        Assert.NotEqual(person.Id, unverified.Id);
        Assert.Null(unverified.Email);
        Assert.Null((await Store.GetPeopleAsync([person.Id], Admin, Ct))[person.Id].ExternalId);
        Assert.Equal(("Dana Newcomer", "dana.newcomer@nhs.net", Visibility.Private, "entra-newcomer", 1L),
            (newcomer.DisplayName, newcomer.Email, newcomer.Visibility, newcomer.ExternalId, newcomer.Version));
        Assert.NotEqual(linked.Id, emailOfALinkedProfile.Id);
        Assert.Null(emailOfALinkedProfile.Email);
        Assert.Equal(total + 3, (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount);
        Assert.Empty(await Store.GetPeopleAsync([newcomer.Id], Member, Ct));
        Assert.Equal(newcomer, (await Store.GetPeopleAsync([newcomer.Id], Admin, Ct))[newcomer.Id]);
        Assert.Equal(newcomer.Id, await Store.FindPersonIdByExternalIdAsync("entra-newcomer", Ct));
        Assert.Equal("CREATE_PROFILE", Assert.Single(await Store.GetAuditTrailAsync(newcomer.Id, 10, Ct)).Action);
        Assert.Equal(newcomer.Id, (await Store.LinkProfileAsync(Identity("entra-newcomer", null, false), Now, Ct))!.Id);
        var twice = await Assert.ThrowsAsync<DuplicateException>(() => Store.CreateProfileAsync(newcomerIdentity, Now, Ct));
        Assert.Equal("me", twice.Field);
        Assert.Equal(total + 3, (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount);
    }

    [StoreFact]
    public async Task AnErasureIsRememberedForItsSignInOnlyAndTheNewestWins()
    {
        var person = Someone(skip: 2);
        var unlinked = Someone(skip: 3);
        await Store.LinkIdentityAsync(person.Id, "entra-erased", Now, Ct);
        Assert.Null(await Store.GetErasureAsync("entra-erased", Ct));

        await Store.DeletePersonAsync(person.Id, Now, Ct);
        await Store.DeletePersonAsync(unlinked.Id, Now, Ct);

        Assert.Equal(Now, await Store.GetErasureAsync("entra-erased", Ct));
        Assert.Null(await Store.GetErasureAsync("local:" + unlinked.Id.ToString("D"), Ct));
        Assert.Null(await Store.GetErasureAsync("entra-someone-else", Ct));
        // The same sign-in may start again, explicitly; erasing that profile too moves the erasure on.
        var again = await Store.CreateProfileAsync(Identity("entra-erased", person.Email, verified: true, "Back Again"), Now.AddHours(1), Ct);
        Assert.Equal(Visibility.Private, again.Visibility);
        await Store.DeletePersonAsync(again.Id, Now.AddHours(2), Ct);
        Assert.Equal(Now.AddHours(2), await Store.GetErasureAsync("entra-erased", Ct));
    }

    [StoreFact]
    public async Task LinkingAnIdentityKeepsALinkThatExists()
    {
        var person = Someone();

        var first = await Store.LinkIdentityAsync(person.Id, "entra-first", Now, Ct);
        var second = await Store.LinkIdentityAsync(person.Id, "entra-second", Now, Ct);

        Assert.Equal("entra-first", first.ExternalId);
        Assert.Equal("entra-first", second.ExternalId);
        Assert.Equal(person.Id, await Store.FindPersonIdByExternalIdAsync("entra-first", Ct));
        Assert.Null(await Store.FindPersonIdByExternalIdAsync("entra-second", Ct));
        // The link made is in the person's trail, once: the second call linked nothing.
        var link = Assert.Single(await Store.GetAuditTrailAsync(person.Id, 50, Ct), e => e.Action == "LINK_IDENTITY");
        Assert.Equal((person.Id, Now), (link.ActorId, link.At));
    }

    [StoreFact]
    public async Task AProfileUpdateChangesOnlyWhatItNamesAndMovesTheVersionOn()
    {
        var person = Network.People.First(p => p.Bio is not null && p.Orcid is not null && p.Availability.Terms is not null);

        var updated = await Store.UpdateProfileAsync(person.Id, NoChanges with
        {
            Headline = Change.To<string?>("Improvement coach for the system"),
            Bio = Change.To<string?>(null),
            AvailabilityStatus = Change.To(AvailabilityStatus.Limited),
            HoursPerMonth = Change.To<int?>(6),
        }, expectedVersion: person.Version, person.Id, Now, Ct);

        var expected = person with
        {
            Headline = "Improvement coach for the system",
            Bio = null,
            Availability = person.Availability with { Status = AvailabilityStatus.Limited, HoursPerMonth = 6 },
            Version = person.Version + 1,
            UpdatedAt = Now,
        };
        Assert.Equal(expected, updated);
        Assert.Equal(expected, (await Store.GetPeopleAsync([person.Id], Admin, Ct))[person.Id]);
        Assert.Contains(person.Id, (await Store.FindExpertCandidatesAsync(Text("improvement", "coach"), Admin, Ct)).Select(c => c.PersonId));
    }

    [StoreFact]
    public async Task AnEmailAnotherProfileHoldsIsRefused()
    {
        var person = Someone();
        var other = Someone(skip: 1);

        await AssertRefusedAndUnchangedAsync<DuplicateException>(
            () => Store.UpdateProfileAsync(person.Id, NoChanges with { Email = Change.To<string?>(other.Email!.ToUpperInvariant()) }, null, person.Id, Now, Ct), "email");
    }

    [StoreFact]
    public async Task AStaleExpectedVersionIsRefusedWithTheCurrentVersion()
    {
        var person = Someone();
        await Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>("first") }, null, person.Id, Now, Ct);

        var conflict = await AssertRefusedAndUnchangedAsync<VersionConflictException>(
            () => Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>("second") }, person.Version, person.Id, Now, Ct), "expectedVersion");
        var current = await Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>("third") }, person.Version + 1, person.Id, Now, Ct);

        Assert.Equal(person.Version + 1, conflict.CurrentVersion);
        Assert.Equal(("third", person.Version + 2), (current.Headline, current.Version));
    }

    [StoreFact]
    public async Task WritesToSomeoneWhoIsNotThereAreNotFound()
    {
        var nobody = Guid.NewGuid();
        var skill = Network.Skills[0].Id;

        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.UpdateProfileAsync(nobody, NoChanges, null, nobody, Now, Ct), "id");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.ConfirmProfileAsync(nobody, nobody, Now, Ct), "id");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.SetSkillAsync(nobody, new SkillClaim(skill, SkillLevel.Expert, null, null), nobody, Now, Ct), "id");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.EndorseSkillAsync(Someone().Id, nobody, skill, Now, Ct), "personId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.VerifySkillAsync(nobody, skill, null, Now, Ct), "personId");
    }

    [StoreFact]
    public async Task ConfirmingAProfileRecordsWhenAndMovesTheVersionOn()
    {
        var person = Someone();

        var confirmed = await Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct);

        Assert.Equal(person with { LastConfirmedAt = Now, Version = person.Version + 1, UpdatedAt = Now }, confirmed);
        Assert.Equal(Now, (await Store.FindExpertCandidatesAsync(NoCriteria, Admin, Ct)).Single(c => c.PersonId == person.Id).LastConfirmedAt);
    }

    [StoreFact]
    public async Task ASkillClaimIsAddedOrReplacedAndOnlyAChangedClaimLosesItsVerification()
    {
        var verified = Network.PersonSkills.First(s => s.Verified);
        var hoshin = Network.Skill("hoshin-kanri");
        var learner = Network.People.First(p => p.Id != verified.PersonId && !Network.TextMatches("hoshin").Contains(p.Id));
        var version = await VersionOfAsync(verified.PersonId);

        await Store.SetSkillAsync(verified.PersonId, new SkillClaim(verified.SkillId, verified.Level, verified.Evidence, verified.Years), verified.PersonId, Now, Ct);
        var unchanged = (await SkillsOfAsync(verified.PersonId)).Single(s => s.SkillId == verified.SkillId);
        await Store.SetSkillAsync(verified.PersonId, new SkillClaim(verified.SkillId, verified.Level, verified.Evidence, verified.Years + 1), verified.PersonId, Now, Ct);
        var changed = (await SkillsOfAsync(verified.PersonId)).Single(s => s.SkillId == verified.SkillId);
        var added = await Store.SetSkillAsync(learner.Id, new SkillClaim(hoshin.Id, SkillLevel.Practitioner, SkillEvidence.Training, 2), learner.Id, Now, Ct);

        Assert.Equal(verified, unchanged);
        Assert.Equal(verified with { Years = verified.Years + 1, Verified = false }, changed);
        Assert.Equal(version + 2, await VersionOfAsync(verified.PersonId));
        Assert.Equal(learner.Version + 1, added.Version);
        var claim = (await SkillsOfAsync(learner.Id)).Single(s => s.SkillId == hoshin.Id);
        Assert.Equal((SkillLevel.Practitioner, SkillEvidence.Training, 2, false), (claim.Level, claim.Evidence, claim.Years, claim.Verified));
        Assert.Contains(learner.Id, (await Store.FindExpertCandidatesAsync(Text("hoshin"), Admin, Ct)).Select(c => c.PersonId));
        await AssertRefusedAndUnchangedAsync<NotFoundException>(
            () => Store.SetSkillAsync(learner.Id, new SkillClaim(Guid.NewGuid(), SkillLevel.Expert, null, null), learner.Id, Now, Ct), "skillId");
    }

    [StoreFact]
    public async Task RemovingASkillTakesItsEndorsementsWithIt()
    {
        var endorsement = Network.Endorsements[0];
        var claim = Network.PersonSkills.Single(s => s.PersonId == endorsement.EndorseeId && s.SkillId == endorsement.SkillId);
        Assert.True(Network.Backing(claim.PersonId, claim.SkillId).Endorsements > 0);

        await Store.RemoveSkillAsync(claim.PersonId, claim.SkillId, claim.PersonId, Now, Ct);
        var afterRemoval = await SkillsOfAsync(claim.PersonId);
        await Store.SetSkillAsync(claim.PersonId, new SkillClaim(claim.SkillId, claim.Level, claim.Evidence, claim.Years), claim.PersonId, Now, Ct);
        var holding = (await Store.FindExpertCandidatesAsync(NoCriteria, Admin, Ct)).Single(c => c.PersonId == claim.PersonId).Skills.Single(s => s.SkillId == claim.SkillId);

        Assert.DoesNotContain(afterRemoval, s => s.SkillId == claim.SkillId);
        Assert.Equal(Network.PersonSkills.Count(s => s.PersonId == claim.PersonId) - 1, afterRemoval.Count);
        Assert.Equal(0, holding.Endorsements);
        var notHeld = Network.Skills.First(s => !Network.PersonSkills.Any(h => h.PersonId == claim.PersonId && h.SkillId == s.Id));
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.RemoveSkillAsync(claim.PersonId, notHeld.Id, claim.PersonId, Now, Ct), "skillId");
    }

    [StoreFact]
    public async Task RemovingASkillMovesTheVersionOnAndASearchForItNoLongerFindsThePerson()
    {
        var hoshin = Network.Skill("hoshin-kanri");
        var person = Network.People.First(p => !Network.TextMatches("hoshin").Contains(p.Id));
        await Store.SetSkillAsync(person.Id, new SkillClaim(hoshin.Id, SkillLevel.Practitioner, null, null), person.Id, Now, Ct);
        Assert.Contains(person.Id, (await Store.FindExpertCandidatesAsync(Text("hoshin"), Admin, Ct)).Select(c => c.PersonId));
        var version = await VersionOfAsync(person.Id);

        var removed = await Store.RemoveSkillAsync(person.Id, hoshin.Id, person.Id, Now.AddHours(1), Ct);

        Assert.Equal((version + 1, Now.AddHours(1)), (removed.Version, removed.UpdatedAt));
        Assert.DoesNotContain(person.Id, (await Store.FindExpertCandidatesAsync(Text("hoshin"), Admin, Ct)).Select(c => c.PersonId));
    }

    [StoreFact]
    public async Task SkillWritesNamingASkillThatIsNotThereAreRefusedNamingTheSkillAfterThePerson()
    {
        var claim = Network.PersonSkills[0];
        var endorser = Network.People.First(p => p.Id != claim.PersonId).Id;
        var unknown = Guid.NewGuid();
        var nobody = Guid.NewGuid();

        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.RemoveSkillAsync(claim.PersonId, unknown, claim.PersonId, Now, Ct), "skillId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.EndorseSkillAsync(endorser, claim.PersonId, unknown, Now, Ct), "skillId");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.VerifySkillAsync(claim.PersonId, unknown, endorser, Now, Ct), "skillId");
        // Someone who is not there is what a write to them is refused for, whatever skill it names.
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.SetSkillAsync(nobody, new SkillClaim(unknown, SkillLevel.Expert, null, null), nobody, Now, Ct), "id");
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.RemoveSkillAsync(nobody, unknown, nobody, Now, Ct), "id");
    }

    [StoreFact]
    public async Task EndorsementsAreOfOthersOfHeldSkillsAndOnlyOnce()
    {
        var endorser = Someone();
        var claim = Network.PersonSkills.First(s => s.PersonId != endorser.Id
            && !Network.Endorsements.Any(e => e.EndorserId == endorser.Id && e.EndorseeId == s.PersonId && e.SkillId == s.SkillId));
        var notHeld = Network.Skills.First(s => !Network.PersonSkills.Any(h => h.PersonId == claim.PersonId && h.SkillId == s.Id));
        var ownSkill = Network.PersonSkills.First(s => s.PersonId == endorser.Id).SkillId;
        var before = Network.Backing(claim.PersonId, claim.SkillId).Endorsements;

        await AssertRefusedAndUnchangedAsync<RuleViolationException>(() => Store.EndorseSkillAsync(endorser.Id, endorser.Id, ownSkill, Now, Ct), "personId");
        await AssertRefusedAndUnchangedAsync<RuleViolationException>(() => Store.EndorseSkillAsync(endorser.Id, claim.PersonId, notHeld.Id, Now, Ct), "skillId");
        var endorsee = await Store.EndorseSkillAsync(endorser.Id, claim.PersonId, claim.SkillId, Now, Ct);
        await AssertRefusedAndUnchangedAsync<DuplicateException>(() => Store.EndorseSkillAsync(endorser.Id, claim.PersonId, claim.SkillId, Now, Ct), "skillId");

        Assert.Equal(claim.PersonId, endorsee.Id);
        var holding = (await Store.LoadSearchSourceAsync(Ct)).Holdings.Single(h => h.PersonId == claim.PersonId && h.Skill.SkillId == claim.SkillId);
        Assert.Equal(before + 1, holding.Skill.Endorsements);
        var trail = await Store.GetAuditTrailAsync(claim.PersonId, 1, Ct);
        Assert.Equal(("ENDORSE_SKILL", endorser.Id), (trail[0].Action, trail[0].ActorId));
    }

    [StoreFact]
    public async Task VerifyingAClaimMarksItVerifiedAndAClaimNotMadeCannotBe()
    {
        var claim = Network.PersonSkills.First(s => !s.Verified);
        var notHeld = Network.Skills.First(s => !Network.PersonSkills.Any(h => h.PersonId == claim.PersonId && h.SkillId == s.Id));
        var manager = Someone().Id;

        var person = await Store.VerifySkillAsync(claim.PersonId, claim.SkillId, manager, Now, Ct);

        Assert.Equal(claim with { Verified = true }, (await SkillsOfAsync(claim.PersonId)).Single(s => s.SkillId == claim.SkillId));
        Assert.Equal(Network.People.Single(p => p.Id == claim.PersonId).Version + 1, person.Version);
        var trail = await Store.GetAuditTrailAsync(claim.PersonId, 1, Ct);
        Assert.Equal(("VERIFY_SKILL", manager), (trail[0].Action, trail[0].ActorId));
        await AssertRefusedAndUnchangedAsync<NotFoundException>(() => Store.VerifySkillAsync(claim.PersonId, notHeld.Id, manager, Now, Ct), "skillId");
    }

    [StoreFact]
    public async Task TheAuditTrailListsWhatHappenedToAProfileNewestFirstKeepingOnlyTheFieldsThatChanged()
    {
        var person = Network.People.First(p => p.Visibility == Visibility.Public && p.Bio is not null && p.Headline is not null);
        var colleague = Someone(skip: 3).Id;
        var skill = Network.Skills.First(s => !Network.PersonSkills.Any(h => h.PersonId == person.Id && h.SkillId == s.Id)).Id;

        await Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>("Lead for measurement") }, null, person.Id, Now, Ct);
        await Store.SetSkillAsync(person.Id, new SkillClaim(skill, SkillLevel.Expert, SkillEvidence.Project, 4), person.Id, Now.AddMinutes(1), Ct);
        await Store.ConfirmProfileAsync(person.Id, person.Id, Now.AddMinutes(2), Ct);
        await Store.EndorseSkillAsync(colleague, person.Id, skill, Now.AddMinutes(3), Ct);
        await Store.VerifySkillAsync(person.Id, skill, colleague, Now.AddMinutes(4), Ct);
        await Store.RemoveSkillAsync(person.Id, skill, person.Id, Now.AddMinutes(5), Ct);

        // The six newest events: a store may keep older ones (from before the network was imported) too.
        var trail = await Store.GetAuditTrailAsync(person.Id, 6, Ct);
        var lastTwo = await Store.GetAuditTrailAsync(person.Id, 2, Ct);

        Assert.Equal(["REMOVE_SKILL", "VERIFY_SKILL", "ENDORSE_SKILL", "CONFIRM_PROFILE", "SET_SKILL", "UPDATE_PROFILE"], trail.Select(e => e.Action));
        Assert.Equal(trail.Take(2), lastTwo);
        Assert.Equal(trail.Select(e => e.At).OrderDescending(), trail.Select(e => e.At));
        Assert.Equal(trail.Select(e => e.Id).OrderDescending(), trail.Select(e => e.Id));
        Assert.Equal(new Guid?[] { person.Id, colleague, colleague, person.Id, person.Id, person.Id }, trail.Select(e => e.ActorId));
        Assert.All(trail, e => Assert.Equal((person.Id, "Person"), (e.SubjectId, e.SubjectType)));
        var update = trail[^1];
        Assert.Contains("Lead for measurement", update.After, StringComparison.Ordinal);
        Assert.Contains(person.Headline!, update.Before, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Bio!, update.Before + update.After, StringComparison.Ordinal);
    }
}
