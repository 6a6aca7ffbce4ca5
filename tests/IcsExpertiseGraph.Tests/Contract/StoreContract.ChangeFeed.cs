using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>
/// The change feed: what each committed write records (one new sequence per write, one entry per thing changed), that
/// a refused write or one that changes nothing a read model holds records nothing, how the feed is read in whole
/// sequences and pruned, and that a scoped load returns exactly the scope's rows of a whole load.
/// </summary>
public abstract partial class StoreContract
{
    /// <summary>A new project led by one person with two more contributors (written through the store).</summary>
    private async Task<(Guid Project, Guid Lead, HashSet<Guid> Contributors)> TeamProjectAsync()
    {
        var team = Network.People.Where(p => p.Email is not null).Skip(5).Take(3).Select(p => p.Id).ToList();
        var project = await Store.CreateProjectAsync(new ProjectDraft("Team project", null, ProjectStatus.Active, null, null, null, null, []), team[0], Now, Ct);
        foreach (var member in team.Skip(1))
        {
            await Store.JoinAsync(new Contribution(member, project.Id, ContributionRole.Member, null, null), Now);
        }

        return (project.Id, team[0], [.. team]);
    }

    /// <summary>
    /// Runs one write and returns what the feed recorded for it, checking that it took exactly one new sequence (and
    /// the sequence the store reports), each entry under it, each thing once.
    /// </summary>
    private async Task<HashSet<(ChangeKind Kind, Guid Id)>> RecordedByAsync(Func<Task> write)
    {
        var before = await Store.GetChangeSequenceAsync(Ct);
        await write();
        var batch = await Store.ReadChangesAsync(before, 10_000, Ct);
        Assert.Equal((before + 1, before + 1), (batch.Latest, batch.Through));
        Assert.Equal(before + 1, await Store.GetChangeSequenceAsync(Ct));
        Assert.All(batch.Entries, e => Assert.Equal(before + 1, e.Sequence));
        var recorded = batch.Entries.Select(e => (e.Kind, e.Id)).ToHashSet();
        Assert.Equal(batch.Entries.Count, recorded.Count);
        return recorded;
    }

    /// <summary>Runs a write and checks it recorded nothing and left the sequence where it was.</summary>
    private async Task AssertRecordsNothingAsync(Func<Task> write)
    {
        var before = await Store.GetChangeSequenceAsync(Ct);
        await write();
        var batch = await Store.ReadChangesAsync(before, 10_000, Ct);
        Assert.Equal((before, before), (batch.Latest, batch.Through));
        Assert.Empty(batch.Entries);
    }

    [StoreFact]
    public async Task EachKindOfWriteRecordsWhatItChangedUnderOneNewSequence()
    {
        var person = Someone();
        var colleague = Someone(skip: 1);
        var skill = Network.Skills.First(s => !Network.PersonSkills.Any(h => h.PersonId == person.Id && h.SkillId == s.Id)).Id;
        var project = ProjectWithout(person.Id);
        var organisation = Network.Organisations[0];
        HashSet<(ChangeKind, Guid)> Changed(Guid id) => [(ChangeKind.Person, id)];

        Assert.Equal(Changed(person.Id), await RecordedByAsync(() =>
            Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>("Fed") }, null, person.Id, Now, Ct)));
        Assert.Equal(Changed(person.Id), await RecordedByAsync(() => Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct)));
        Assert.Equal(Changed(person.Id), await RecordedByAsync(() => Store.SetSkillAsync(person.Id, new SkillClaim(skill, SkillLevel.Practitioner, null, 2), person.Id, Now, Ct)));
        // An endorsement changes the endorsee (their counts), not the endorser.
        Assert.Equal(Changed(person.Id), await RecordedByAsync(() => Store.EndorseSkillAsync(colleague.Id, person.Id, skill, Now, Ct)));
        Assert.Equal(Changed(person.Id), await RecordedByAsync(() => Store.VerifySkillAsync(person.Id, skill, colleague.Id, Now, Ct)));
        Assert.Equal(Changed(person.Id), await RecordedByAsync(() => Store.RemoveSkillAsync(person.Id, skill, person.Id, Now, Ct)));
        // Asking to join changes nothing a read model holds; the approval makes the person a contributor.
        await AssertRecordsNothingAsync(() => Store.RequestToJoinAsync(new Contribution(person.Id, project.Id, ContributionRole.Member, null, null), Now, Ct));
        Assert.Equal(Changed(person.Id), await RecordedByAsync(() => Store.ApproveAsync(project.Id, person.Id, Now)));
        Assert.Equal(Changed(person.Id), await RecordedByAsync(() => Store.RemoveContributionAsync(person.Id, project.Id, person.Id, Now, Ct)));

        Project? created = null;
        var creation = await RecordedByAsync(async () =>
            created = await Store.CreateProjectAsync(new ProjectDraft("Fed project", null, ProjectStatus.Planned, null, null, null, null, []), person.Id, Now, Ct));
        Assert.Equal([(ChangeKind.Person, person.Id), (ChangeKind.Project, created!.Id)], creation);
        Assert.Equal([(ChangeKind.Project, created.Id)], await RecordedByAsync(() =>
            Store.UpdateProjectAsync(created.Id, NoProjectChanges with { Title = Change.To("Fed project, renamed") }, person.Id, Now, Ct)));
        // New methods are evidence for every contributor's skills: each contributor changes with the project.
        var (team, lead, contributors) = await TeamProjectAsync();
        Assert.Equal([(ChangeKind.Project, team), .. contributors.Select(c => (ChangeKind.Person, c))], await RecordedByAsync(() =>
            Store.UpdateProjectAsync(team, NoProjectChanges with { MethodSkillIds = Change.To<IReadOnlyList<Guid>>([skill]) }, lead, Now, Ct)));

        Assert.Equal([(ChangeKind.Organisation, organisation.Id)], await RecordedByAsync(() =>
            Store.UpsertOrganisationAsync(new OrganisationDraft(organisation.Id, null, "Renamed Trust", organisation.Type, null), null, Now, Ct)));
        Organisation? opened = null;
        var opening = await RecordedByAsync(async () =>
            opened = await Store.UpsertOrganisationAsync(new OrganisationDraft(null, "ZZ9", "Fed Trust", OrganisationType.Other, null), null, Now, Ct));
        Assert.Equal([(ChangeKind.Organisation, opened!.Id)], opening);

        Person? member = null;
        var signUp = await RecordedByAsync(async () =>
            member = await Store.CreateProfileAsync(new SignedInIdentity("entra-feed", null, false, "Fed Newcomer", new HashSet<string>()), Now, Ct));
        Assert.Equal(Changed(member!.Id), signUp);

        // An import records the people it created or updated, not those it left as they were.
        var renamed = Someone(skip: 2);
        var untouched = Someone(skip: 3);
        Assert.Equal(Changed(renamed.Id), await RecordedByAsync(() => Store.ImportPeopleAsync(
            [new PersonImport(renamed.Email!, renamed.DisplayName + " Jr", null, null, null, null, null),
             new PersonImport(untouched.Email!, untouched.DisplayName, untouched.Headline, untouched.Bio, null, null, null)],
            null, Now, Ct)));

        Assert.Equal([(ChangeKind.Network, Guid.Empty)], await RecordedByAsync(() => ReplaceNetworkAsync(Network)));
    }

    [StoreFact]
    public async Task ErasingAPersonRecordsTheRemovalThePeopleTheyEndorsedAndTheFormerMemberWhoKeepsTheirContributions()
    {
        var leaving = Network.People.First(p => Network.Endorsements.Any(e => e.EndorserId == p.Id) && Network.Contributions.Any(c => c.PersonId == p.Id));
        var endorsed = Network.Endorsements.Where(e => e.EndorserId == leaving.Id).Select(e => (ChangeKind.Person, e.EndorseeId)).ToHashSet();

        var recorded = await RecordedByAsync(() => Store.DeletePersonAsync(leaving.Id, Now, Ct));

        Assert.Contains((ChangeKind.PersonRemoved, leaving.Id), recorded);
        Assert.Superset(endorsed, recorded);
        var (kind, former) = Assert.Single(recorded.Except([(ChangeKind.PersonRemoved, leaving.Id), .. endorsed]));
        Assert.Equal(ChangeKind.Person, kind);
        Assert.Equal(Of(await Store.GetContributionsOfPeopleAsync([former], Ct), former).Select(c => c.ProjectId).Order(),
            Network.Contributions.Where(c => c.PersonId == leaving.Id).Select(c => c.ProjectId).Order());
    }

    [StoreFact]
    public async Task AWriteThatChangesNothingAReadModelHoldsRecordsNothing()
    {
        var person = Someone();
        var (inviter, invitee) = Pair(Invitable);
        var identity = new SignedInIdentity("entra-quiet", null, false, "Quiet Newcomer", new HashSet<string>());
        await Store.CreateProfileAsync(identity, Now, Ct);

        // Linking an identity changes nothing a read model holds; signing in again with a linked one changes nothing at all.
        await AssertRecordsNothingAsync(() => Store.LinkIdentityAsync(person.Id, "entra-person", Now, Ct));
        await AssertRecordsNothingAsync(() => Store.LinkProfileAsync(identity, Now, Ct));
        await AssertRecordsNothingAsync(() => Store.CreateInvitationAsync(inviter.Id, DraftFor(invitee), Generous, Now, Ct));
        await AssertRecordsNothingAsync(() => Store.ClaimOutboxAsync(10, Now, Now.AddMinutes(2), Ct));
        await AssertRecordsNothingAsync(() => Store.PruneChangesAsync(0, Ct));
    }

    [StoreFact]
    public async Task ARefusedWriteRecordsNothing()
    {
        var person = Someone();
        var held = Network.PersonSkills.First(h => h.PersonId == person.Id).SkillId;

        await AssertRecordsNothingAsync(() => Assert.ThrowsAsync<RuleViolationException>(() => Store.EndorseSkillAsync(person.Id, person.Id, held, Now, Ct)));
        await AssertRecordsNothingAsync(() => Assert.ThrowsAsync<VersionConflictException>(() =>
            Store.UpdateProfileAsync(person.Id, NoChanges with { Headline = Change.To<string?>("Stale") }, person.Version - 1, person.Id, Now, Ct)));
        await AssertRecordsNothingAsync(() => Assert.ThrowsAsync<NotFoundException>(() => Store.DeletePersonAsync(Guid.NewGuid(), Now, Ct)));
    }

    [StoreFact]
    public async Task TheFeedIsReadInWholeSequencesAndASequenceLargerThanTheLimitComesWholeOnItsOwn()
    {
        var (team, lead, contributors) = await TeamProjectAsync();
        var start = await Store.GetChangeSequenceAsync(Ct);
        var person = Someone();
        var methods = Network.Skills.Take(2).Select(s => s.Id).ToList();
        await Store.UpdateProjectAsync(team, NoProjectChanges with { MethodSkillIds = Change.To<IReadOnlyList<Guid>>(methods) }, lead, Now, Ct);
        await Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct);
        await Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct);
        var big = contributors.Count + 1;

        var alone = await Store.ReadChangesAsync(start, 2, Ct);
        var cut = await Store.ReadChangesAsync(start + 1, 1, Ct);
        var rest = await Store.ReadChangesAsync(start + 2, 100, Ct);
        var none = await Store.ReadChangesAsync(start + 3, 100, Ct);
        var all = await Store.ReadChangesAsync(start, big + 1, Ct);

        Assert.Equal((start + 3, start + 1, big), (alone.Latest, alone.Through, alone.Entries.Count));
        Assert.All(alone.Entries, e => Assert.Equal(start + 1, e.Sequence));
        Assert.Equal((start + 2, new ChangeEntry(start + 2, ChangeKind.Person, person.Id)), (cut.Through, Assert.Single(cut.Entries)));
        Assert.Equal((start + 3, new ChangeEntry(start + 3, ChangeKind.Person, person.Id)), (rest.Through, Assert.Single(rest.Entries)));
        Assert.Equal((start + 3, 0), (none.Through, none.Entries.Count));
        // Whole sequences only: the third would go past the limit, so this batch ends at the second.
        Assert.Equal((start + 2, big + 1), (all.Through, all.Entries.Count));
        Assert.Equal(all.Entries.Select(e => e.Sequence).Order(), all.Entries.Select(e => e.Sequence));
    }

    [StoreFact]
    public async Task ABatchWhoseSequencesFillTheLimitExactlyComesWholeAndALimitOfNoneIsRefused()
    {
        var person = Someone();
        var start = await Store.GetChangeSequenceAsync(Ct);
        await Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct);
        await Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct);

        var exact = await Store.ReadChangesAsync(start, 2, Ct);

        Assert.Equal((start + 2, 2), (exact.Through, exact.Entries.Count));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadChangesAsync(start, 0, Ct));
    }

    [StoreFact]
    public async Task PruningRemovesTheEntriesThroughASequenceAndRaisesTheMarkWithoutEverLoweringIt()
    {
        var person = Someone();
        // The feed as the import left it: one entry (a shared server's feed holds what earlier tests wrote before it).
        var imported = await Store.GetChangeSequenceAsync(Ct);
        await Store.PruneChangesAsync(imported - 1, Ct);
        await Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct);
        var kept = await Store.GetChangeSequenceAsync(Ct);
        await Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct);
        var before = await Store.ReadChangesAsync(0, 100_000, Ct);
        var dueToGo = before.Entries.Count(e => e.Sequence <= kept);

        var removed = await Store.PruneChangesAsync(kept, Ct);
        var after = await Store.ReadChangesAsync(0, 100_000, Ct);
        var again = await Store.PruneChangesAsync(kept - 1, Ct);
        var later = await Store.ReadChangesAsync(kept, 100, Ct);

        Assert.Equal(2, dueToGo); // the import's entry and the first confirmation
        Assert.Equal(dueToGo, removed);
        Assert.Equal(kept, after.PrunedThrough);
        Assert.Equal([new ChangeEntry(kept + 1, ChangeKind.Person, person.Id)], after.Entries);
        Assert.False(after.CanFollowFrom(kept - 1));
        Assert.True(after.CanFollowFrom(kept));
        Assert.Equal((0, kept), (again, later.PrunedThrough));
        Assert.Equal(after.Entries, later.Entries);
    }

    [StoreFact]
    public async Task AScopedLoadReturnsExactlyTheScopesRowsOfAWholeLoad()
    {
        var people = Network.People.Where(p => Network.Contributions.Any(c => c.PersonId == p.Id) && Network.PersonSkills.Any(h => h.PersonId == p.Id)).Take(3)
            .Select(p => p.Id).Append(Network.Employments.First(e => ContractNetwork.IsCurrent(e)).PersonId).ToHashSet();
        var organisations = Network.OrganisationPlaces.Select(s => s.OrganisationId).Distinct().Take(2).ToHashSet();
        var named = Network.Projects.First(p => !Network.Contributions.Any(c => c.ProjectId == p.Id && people.Contains(c.PersonId))).Id;
        var gone = Guid.NewGuid();
        var scope = new SourceScope(people.Append(gone).ToHashSet(), organisations, new HashSet<Guid> { named });
        var projects = Network.Contributions.Where(c => people.Contains(c.PersonId)).Select(c => c.ProjectId).Append(named).ToHashSet();

        var search = await Store.LoadSearchSourceAsync(Ct);
        var scopedSearch = await Store.LoadSearchSourceAsync(scope, Ct);
        var graph = await Store.LoadCollaborationSourceAsync(Ct);
        var scopedGraph = await Store.LoadCollaborationSourceAsync(scope, Ct);
        var nothing = new SourceScope(new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>());
        var emptySearch = await Store.LoadSearchSourceAsync(nothing, Ct);
        var emptyGraph = await Store.LoadCollaborationSourceAsync(nothing, Ct);

        Assert.Equal(search.Sequence, scopedSearch.Sequence);
        Assert.Equal(people, scopedSearch.People.Select(p => p.Id).ToHashSet());
        Assert.Equal(search.People.Where(p => people.Contains(p.Id)).ToHashSet(), scopedSearch.People.ToHashSet());
        Assert.NotEmpty(scopedSearch.Holdings);
        Assert.Equal(search.Holdings.Where(h => people.Contains(h.PersonId)).ToHashSet(), scopedSearch.Holdings.ToHashSet());
        // Each person's current employers come in the same order as in a whole load (primary first).
        Assert.NotEmpty(scopedSearch.CurrentEmployments);
        Assert.Equal(search.CurrentEmployments.Where(e => people.Contains(e.PersonId)).OrderBy(e => e.PersonId), scopedSearch.CurrentEmployments.OrderBy(e => e.PersonId));
        Assert.Equal(organisations, scopedSearch.Organisations.Select(o => o.Id).ToHashSet());
        Assert.Equal(search.Organisations.Where(o => organisations.Contains(o.Id)).ToHashSet(), scopedSearch.Organisations.ToHashSet());
        Assert.NotEmpty(scopedSearch.OrganisationPlaces);
        Assert.Equal(search.OrganisationPlaces.Where(s => organisations.Contains(s.OrganisationId)).ToHashSet(), scopedSearch.OrganisationPlaces.ToHashSet());

        Assert.Equal(graph.Sequence, scopedGraph.Sequence);
        Assert.Equal(graph.People.Where(p => people.Contains(p.Id)).ToHashSet(), scopedGraph.People.ToHashSet());
        Assert.Equal(graph.Organisations.Where(o => organisations.Contains(o.Id)).ToHashSet(), scopedGraph.Organisations.ToHashSet());
        Assert.Equal(graph.PrimaryEmployments.Where(e => people.Contains(e.PersonId)).ToHashSet(), scopedGraph.PrimaryEmployments.ToHashSet());
        // A scope's projects: those it names and those its people contribute to; its contributions: its people's.
        Assert.Equal(projects, scopedGraph.Projects.Select(p => p.Id).ToHashSet());
        Assert.Equal(graph.Projects.Where(p => projects.Contains(p.Id)).ToHashSet(), scopedGraph.Projects.ToHashSet());
        Assert.NotEmpty(scopedGraph.Contributions);
        Assert.Equal(graph.Contributions.Where(c => people.Contains(c.PersonId)).ToHashSet(), scopedGraph.Contributions.ToHashSet());

        Assert.Equal((0, 0, 0, 0, 0), (emptySearch.People.Count, emptySearch.Holdings.Count, emptySearch.CurrentEmployments.Count, emptySearch.Organisations.Count, emptySearch.OrganisationPlaces.Count));
        Assert.Equal((0, 0, 0, 0, 0), (emptyGraph.People.Count, emptyGraph.Organisations.Count, emptyGraph.PrimaryEmployments.Count, emptyGraph.Projects.Count, emptyGraph.Contributions.Count));
    }

    [StoreFact]
    public async Task AScopeThatNamesPeopleButLeavesProjectsWholeLoadsEveryProjectAndOnlyItsPeoplesContributions()
    {
        // SourceScope: a kind left null is read whole. Its people's projects alone would leave out every other project.
        var person = Network.Contributions[0].PersonId;
        var scope = new SourceScope(new HashSet<Guid> { person }, new HashSet<Guid>(), Projects: null);

        var graph = await Store.LoadCollaborationSourceAsync(Ct);
        var scopedGraph = await Store.LoadCollaborationSourceAsync(scope, Ct);

        Assert.True(scopedGraph.Projects.Count > Network.Contributions.Count(c => c.PersonId == person));
        Assert.Equal(graph.Projects.ToHashSet(), scopedGraph.Projects.ToHashSet());
        Assert.Equal(graph.Contributions.Where(c => c.PersonId == person).ToHashSet(), scopedGraph.Contributions.ToHashSet());
        Assert.Equal([person], scopedGraph.People.Select(p => p.Id));
    }
}
