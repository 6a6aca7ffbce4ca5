using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The change feed's wiring: what each write sends to record-changes (the same entries the embedded store records for
/// that operation), that it does so as the last statement of its own transaction, and how the adapter reads the feed
/// and loads a scope. Against the scripted fake, so the statements' results on a server are the contract suite's job.
/// </summary>
public sealed partial class Neo4jAdapterWiringTests
{
    [Fact]
    public async Task EachWriteRecordsWhatItChangedAsTheLastStatementOfItsOwnTransaction()
    {
        var server = new ScriptedQueryApi { Holding = true };
        var store = Connect(server);
        var none = CancellationToken.None;
        var person = ("PERSON", PersonId);

        Assert.Equal([person], await ChangesRecordedByAsync(server, () =>
            store.UpdateProfileAsync(PersonId, new ProfileChanges(Change.To("Ada L"), default, default, default, default, default, default, default, default, default), 3, PersonId, Now, none)));
        Assert.Equal([person], await ChangesRecordedByAsync(server, () => store.ConfirmProfileAsync(PersonId, PersonId, Now, none)));
        Assert.Equal([person], await ChangesRecordedByAsync(server, () =>
            store.SetSkillAsync(PersonId, new SkillClaim(SkillId, SkillLevel.Expert, SkillEvidence.Project, 4), PersonId, Now, none)));
        Assert.Equal([person], await ChangesRecordedByAsync(server, () => store.RemoveSkillAsync(PersonId, SkillId, PersonId, Now, none)));
        Assert.Equal([person], await ChangesRecordedByAsync(server, () => store.EndorseSkillAsync(OtherId, PersonId, SkillId, Now, none)));
        Assert.Equal([person], await ChangesRecordedByAsync(server, () => store.VerifySkillAsync(PersonId, SkillId, OtherId, Now, none)));
        var lead = new Viewer(PersonId, true, false);
        server.JoinPending = "REQUEST";
        Assert.Equal([("PERSON", OtherId)], await ChangesRecordedByAsync(server, () => store.DecideJoinRequestAsync(ProjectId, OtherId, JoinDecision.Approve, lead, Now, none)));
        // Declining changes nothing a read model holds.
        Assert.Empty(await ChangesRecordedByAsync(server, () => store.DecideJoinRequestAsync(ProjectId, OtherId, JoinDecision.Decline, lead, Now, none)));
        server.JoinPending = null;
        server.JoinContributes = true;
        Assert.Equal([("PERSON", OtherId), person], await ChangesRecordedByAsync(server, () => store.HandOverLeadAsync(ProjectId, OtherId, ContributionRole.Member, lead, Now, none)));
        server.JoinLeads = "[]";
        Assert.Equal([("PERSON", OtherId)], await ChangesRecordedByAsync(server, () =>
            store.AssignLeadAsync(ProjectId, OtherId, new Viewer(PersonId, true, false, IsNetworkManager: true), Now, none)));
        server.JoinLeads = ScriptedQueryApi.BothLead;
        server.JoinContributes = false;
        Assert.Equal([person], await ChangesRecordedByAsync(server, () => store.RemoveContributionAsync(PersonId, ProjectId, PersonId, Now, none)));

        var created = await ChangesRecordedByAsync(server, () =>
            store.CreateProjectAsync(new ProjectDraft("Flow", null, ProjectStatus.Active, null, null, null, null, []), PersonId, Now, none));
        Assert.Equal(2, created.Count);
        Assert.Equal((person, "PROJECT"), (created[0], created[1].Kind));
        // New methods are evidence for every contributor (the statement returns them).
        Assert.Equal([person, ("PERSON", OtherId), ("PROJECT", ProjectId)], await ChangesRecordedByAsync(server, () =>
            store.UpdateProjectAsync(ProjectId, new ProjectChanges(default, default, default, default, default, default, default, Change.To<IReadOnlyList<Guid>>([SkillId])), PersonId, Now, none)));
        Assert.Equal([("PROJECT", ProjectId)], await ChangesRecordedByAsync(server, () =>
            store.UpdateProjectAsync(ProjectId, new ProjectChanges(Change.To("Flow 2"), default, default, default, default, default, default, default), PersonId, Now, none)));
        Assert.Equal([("ORGANISATION", OrganisationId)], await ChangesRecordedByAsync(server, () =>
            store.UpsertOrganisationAsync(new OrganisationDraft(OrganisationId, null, "Royal Test", OrganisationType.AcuteTrust, null), OtherId, Now, none)));
        Assert.Equal(["PERSON", "PERSON"], (await ChangesRecordedByAsync(server, () => store.ImportPeopleAsync(
            [new PersonImport("a@nhs.test", "A", null, null, null, null, null), new PersonImport("b@nhs.test", "B", null, null, null, null, null)], OtherId, Now, none))).Select(c => c.Kind));
        Assert.Equal([person], await ChangesRecordedByAsync(server, () => store.LinkInvitationToProjectAsync(InvitationId, PersonId, ProjectId, Now, none), "ACCEPTED"));

        // Erasure: the person goes, the people they endorsed lose an endorsement (once each), the former member gains their contributions.
        var erased = await ChangesRecordedByAsync(server, () => store.DeletePersonAsync(PersonId, Now, none));
        Assert.Equal([("PERSON_REMOVED", PersonId), ("PERSON", OtherId)], erased.Take(2));
        Assert.Equal("PERSON", Assert.Single(erased.Skip(2)).Kind);

        Assert.Equal([("NETWORK", Guid.Empty)], await ChangesRecordedByAsync(server, () =>
            store.ImportAsync(new NetworkGenerator(3, new DateOnly(2026, 11, 1)).Generate(50), replaceExisting: true, null, none)));
    }

    [Fact]
    public async Task AWriteThatChangesNothingTheReadModelsHoldRecordsNothingAndLeavesTheSequenceAlone()
    {
        var server = new ScriptedQueryApi();
        var store = Connect(server);
        var none = CancellationToken.None;

        Assert.Empty(await ChangesRecordedByAsync(server, () => store.LinkIdentityAsync(PersonId, "oid-3", Now, none)));
        // A pending contribution is no contribution: asking, and a lead's addition, change nothing the read models hold.
        Assert.Empty(await ChangesRecordedByAsync(server, () => store.RequestToJoinAsync(new Contribution(PersonId, ProjectId, ContributionRole.Member, null, null), Now, none)));
        Assert.Empty(await ChangesRecordedByAsync(server, () => store.AddToProjectAsync(new Contribution(OtherId, ProjectId, ContributionRole.Member, null, null), new Viewer(PersonId, true, false), Now, none)));
        Assert.Empty(await ChangesRecordedByAsync(server, () => store.CreateInvitationAsync(OtherId,
            new InvitationDraft(PersonId, "Design the ICS quality system", IcsId, [SkillId], 12, "Hello", Now.AddDays(7)), new InvitationPolicy(20), Now, none)));
        Assert.Empty(await ChangesRecordedByAsync(server, () => store.RespondToInvitationAsync(InvitationId, PersonId, InvitationResponse.Decline, null, Now, none)));
        Assert.Empty(await ChangesRecordedByAsync(server, () => store.ClaimOutboxAsync(10, Now, Now.AddMinutes(2), none)));
        Assert.Empty(await ChangesRecordedByAsync(server, () => store.PruneChangesAsync(3, none)));

        Assert.DoesNotContain(server.Statements, s => s.Name == "record-changes");
    }

    [Fact]
    public async Task TheFeedIsReadInWholeSequencesUpToTheSequenceReadFirstWithThePruningMarkReadLast()
    {
        var server = new ScriptedQueryApi { Sequence = 10, PrunedThrough = 7 };
        server.Feed.AddRange([(8, "PERSON", PersonId), (8, "PROJECT", ProjectId), (9, "PERSON", OtherId), (9, "PERSON", PersonId), (9, "PERSON_REMOVED", IcsId), (10, "ORGANISATION", OrganisationId)]);
        var store = Connect(server);
        var none = CancellationToken.None;

        // Five read for four: sequence 9 may go on past the limit, so the batch ends at 8.
        var first = await store.ReadChangesAsync(7, 4, none);
        Assert.Equal((10L, 7L, 8L), (first.Latest, first.PrunedThrough, first.Through));
        Assert.Equal([new ChangeEntry(8, ChangeKind.Person, PersonId), new ChangeEntry(8, ChangeKind.Project, ProjectId)], first.Entries);

        // A sequence larger than the limit on its own comes whole.
        var second = await store.ReadChangesAsync(8, 2, none);
        Assert.Equal(9, second.Through);
        Assert.Equal([ChangeKind.Person, ChangeKind.Person, ChangeKind.PersonRemoved], second.Entries.Select(e => e.Kind));

        var last = await store.ReadChangesAsync(9, 100, none);
        Assert.Equal(10, last.Through);
        Assert.Equal([new ChangeEntry(10, ChangeKind.Organisation, OrganisationId)], last.Entries);

        var reads = server.Transactions.Select(t => string.Join(" ", t.Statements)).ToList();
        Assert.Equal("read-change-sequence read-changes read-change-sequence", reads[0]);
        Assert.Equal("read-change-sequence read-changes read-changes read-change-sequence", reads[1]);
        Assert.All(server.Statements.Where(s => s.Name == "read-changes"), s => Assert.True(s.Parameters["through"]!.GetValue<long>() <= 10));
    }

    [Fact]
    public async Task AScopedLoadSeeksTheIdsItNamesAndReadsWholeTheKindsItLeavesWhole()
    {
        var server = new ScriptedQueryApi();
        var store = Connect(server);
        var named = Guid.Parse("0190a1b2-0000-7000-8000-000000000008");
        var scope = new SourceScope(new HashSet<Guid> { PersonId }, null, new HashSet<Guid> { named });

        await store.LoadSearchSourceAsync(scope, CancellationToken.None);
        await store.LoadCollaborationSourceAsync(scope, CancellationToken.None);

        var sent = server.Statements.Select(s => s.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "scoped-people", "scoped-holdings", "scoped-current-employments", "scoped-contributions", "scoped-projects", "all-organisations", "all-places-served" }, sent);
        Assert.DoesNotContain("all-people", sent);
        Assert.DoesNotContain("all-projects", sent);
        Assert.All(server.Statements.Where(s => s.Name.StartsWith("scoped-", StringComparison.Ordinal) && s.Name != "scoped-projects"),
            s => Assert.Equal([PersonId.ToString()], s.Parameters["ids"]!.AsArray().Select(i => i!.GetValue<string>())));
        // Its projects: the one it names and the one its person contributes to.
        Assert.Equal([named.ToString(), ProjectId.ToString()], server.Statements.Single(s => s.Name == "scoped-projects").Parameters["ids"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task AScopedLoadThatLeavesProjectsWholeReadsAllProjects()
    {
        var server = new ScriptedQueryApi();
        var store = Connect(server);

        await store.LoadCollaborationSourceAsync(new SourceScope(new HashSet<Guid> { PersonId }, new HashSet<Guid>(), Projects: null), CancellationToken.None);

        var sent = server.Statements.Select(s => s.Name).ToHashSet();
        Assert.Contains("all-projects", sent);
        Assert.DoesNotContain("scoped-projects", sent);
    }

    /// <summary>Runs one write and returns what it recorded, checking it was one committed transaction with record-changes (if any) last.</summary>
    private static async Task<List<(string Kind, Guid Id)>> ChangesRecordedByAsync(ScriptedQueryApi server, Func<Task> write, string invitationStatus = "SENT")
    {
        server.InvitationStatus = invitationStatus;
        var before = server.Transactions.Count;
        await write();
        var transaction = Assert.Single(server.Transactions.Skip(before), t => t.Statements.Contains("begin-write"));
        Assert.True(transaction.Committed);
        Assert.Equal("begin-write", transaction.Statements[0]);
        if (transaction.Changes.Count > 0)
        {
            Assert.Equal("record-changes", transaction.Statements[^1]);
        }

        return transaction.Changes;
    }
}
