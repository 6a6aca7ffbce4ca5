using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

public abstract partial class StoreContract
{
    [StoreFact]
    public async Task OfTwentySimultaneousUpdatesFromOneVersionExactlyOneWinsAndTheRestConflict()
    {
        var person = Someone();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                return await Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>($"Attempt {i}") }, person.Version, person.Id, Now, Ct);
            }
            catch (VersionConflictException conflict)
            {
                Assert.Equal(person.Version + 1, conflict.CurrentVersion);
                return null;
            }
        })));

        var winner = Assert.Single(outcomes, o => o is not null)!;
        Assert.Equal(person.Version + 1, winner.Version);
        Assert.Equal(winner, (await Store.GetPeopleAsync([person.Id], Admin, Ct))[person.Id]);
    }

    [StoreFact]
    public async Task FiftySimultaneousUnconditionalWritesToOneProfileAreAllKept()
    {
        var person = Someone();
        var newSkills = Network.Skills.Where(s => !Network.PersonSkills.Any(h => h.PersonId == person.Id && h.SkillId == s.Id)).Take(25).ToList();
        Assert.Equal(25, newSkills.Count);
        var headlines = Enumerable.Range(0, 25).Select(i => $"Headline {i}").ToList();

        await Task.WhenAll([
            .. newSkills.Select(s => Task.Run(() => Store.SetSkillAsync(person.Id, new SkillClaim(s.Id, SkillLevel.Practitioner, null, 1), person.Id, Now, Ct))),
            .. headlines.Select(h => Task.Run(() => Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>(h) }, null, person.Id, Now, Ct))),
        ]);

        var stored = (await Store.GetPeopleAsync([person.Id], Admin, Ct))[person.Id];
        Assert.Equal(person.Version + 50, stored.Version);
        Assert.Contains(stored.Headline, headlines);
        Assert.Superset(newSkills.Select(s => s.Id).ToHashSet(), (await SkillsOfAsync(person.Id)).Select(s => s.SkillId).ToHashSet());
        var trail = await Store.GetAuditTrailAsync(person.Id, 50, Ct);
        Assert.Equal((25, 25), (trail.Count(e => e.Action == "SET_SKILL"), trail.Count(e => e.Action == "UPDATE_PROFILE")));
    }

    [StoreFact]
    public async Task LinkingASignInChangesNothingTheReadModelsHoldAndLeavesTheSequenceAlone()
    {
        var person = Someone();
        var sequence = await Store.GetChangeSequenceAsync(Ct);

        await Store.LinkIdentityAsync(person.Id, "entra-link-only", Now, Ct);

        Assert.Equal(sequence, await Store.GetChangeSequenceAsync(Ct));
        Assert.Equal(person.Id, await Store.FindPersonIdByExternalIdAsync("entra-link-only", Ct));
    }

    [StoreFact]
    public async Task EveryKindOfCommittedWriteMovesTheChangeSequenceOn()
    {
        var person = Someone();
        var colleague = Someone(skip: 1);
        var skill = Network.Skills.First(s => !Network.PersonSkills.Any(h => h.PersonId == person.Id && h.SkillId == s.Id)).Id;
        var project = ProjectWithout(person.Id);
        var sequence = await Store.GetChangeSequenceAsync(Ct);
        Project? created = null;
        // Linking an identity is left out: it changes nothing a read model holds, so it leaves the sequence alone (StoreContract.ChangeFeed).
        Func<Task>[] writes =
        [
            () => Store.CreateProfileAsync(new SignedInIdentity("entra-sequence", null, false, "Seq Newcomer", new HashSet<string>()), Now, Ct),
            () => Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>("Sequenced") }, null, person.Id, Now, Ct),
            () => Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct),
            () => Store.SetSkillAsync(person.Id, new SkillClaim(skill, SkillLevel.Expert, null, 3), person.Id, Now, Ct),
            () => Store.EndorseSkillAsync(colleague.Id, person.Id, skill, Now, Ct),
            () => Store.VerifySkillAsync(person.Id, skill, colleague.Id, Now, Ct),
            () => Store.RemoveSkillAsync(person.Id, skill, person.Id, Now, Ct),
            () => Store.JoinAsync(new Contribution(person.Id, project.Id, ContributionRole.Member, null, null), Now),
            () => Store.RemoveContributionAsync(person.Id, project.Id, person.Id, Now, Ct),
            async () => created = await Store.CreateProjectAsync(new ProjectDraft("Sequenced project", null, ProjectStatus.Planned, null, null, null, null, []), person.Id, Now, Ct),
            () => Store.UpdateProjectAsync(created!.Id, NoProjectChanges with { Title = Change.To("Sequenced project, renamed") }, person.Id, Now, Ct),
            () => Store.UpsertOrganisationAsync(new OrganisationDraft(null, "ZZ7", "Sequenced Trust", OrganisationType.Other, null), null, Now, Ct),
            () => Store.ImportPeopleAsync([new PersonImport("seq.importee@nhs.net", "Seq Importee", null, null, null, null, null)], null, Now, Ct),
            () => Store.DeletePersonAsync(colleague.Id, Now, Ct),
            () => ReplaceNetworkAsync(Network),
        ];

        foreach (var write in writes)
        {
            await write();
            var next = await Store.GetChangeSequenceAsync(Ct);
            Assert.True(next > sequence, $"Write {Array.IndexOf(writes, write)} left the sequence at {sequence}.");
            sequence = next;
        }
    }
}
