using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Neo4j;
using Microsoft.Extensions.Logging;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// PROTOCOL TESTS of the Neo4j adapter's wiring, against a scripted fake of the Query API that answers each .cypher
/// statement with a plausible row: every store operation sends statements from the files with exactly the parameters
/// each file declares, every write runs in one explicit transaction opened by begin-write and committed (a refused one
/// rolled back) that records what it changed as its own last statement (record-changes), and every statement file is used. They prove the adapter and its files agree, not that the Cypher
/// behaves on a server: that is the contract suite's job against a real Neo4j (NEO4J_URI).
/// </summary>
public sealed partial class Neo4jAdapterWiringTests
{
    private static readonly Guid PersonId = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
    private static readonly Guid OtherId = Guid.Parse("0190a1b2-0000-7000-8000-000000000002");
    private static readonly Guid SkillId = Guid.Parse("0190a1b2-0000-7000-8000-000000000003");
    private static readonly Guid ProjectId = Guid.Parse("0190a1b2-0000-7000-8000-000000000004");
    private static readonly Guid OrganisationId = Guid.Parse("0190a1b2-0000-7000-8000-000000000005");
    private static readonly Guid IcsId = Guid.Parse("0190a1b2-0000-7000-8000-000000000006");
    private static readonly Guid InvitationId = Guid.Parse("0190a1b2-0000-7000-8000-000000000007");
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly CypherStatements Cypher = new();

    [Fact]
    public async Task EveryStoreOperationSendsFileStatementsWithTheirDeclaredParametersInWellFormedTransactions()
    {
        var server = new ScriptedQueryApi();
        var store = Connect(server);
        var viewer = new Viewer(PersonId, true, false);
        var none = CancellationToken.None;

        await store.MigrateAsync(none);
        Assert.True(await store.IsReachableAsync(none));
        Assert.True(await store.IsEmptyAsync(none));
        Assert.Equal(7, await store.GetChangeSequenceAsync(none));
        var people = await store.GetPeopleAsync([PersonId], viewer, none);
        Assert.Equal("Ada Lovelace", people[PersonId].DisplayName);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), people[PersonId].CreatedAt);
        Assert.Null(people[PersonId].Headline);
        await store.GetOrganisationsAsync([OrganisationId], none);
        await store.GetIntegratedCareSystemsAsync([IcsId], none);
        await store.GetPlacesAsync([Guid.NewGuid()], none);
        Assert.Equal("Flow", (await store.GetProjectsAsync([ProjectId], none))[ProjectId].Title);
        await store.GetAllSkillsAsync(none);
        await store.GetSkillsOfPeopleAsync([PersonId], none);
        await store.GetEmploymentsOfPeopleAsync([PersonId], none);
        await store.GetContributionsOfPeopleAsync([PersonId], none);
        await store.GetContributionsToProjectsAsync([ProjectId], viewer, none);
        await store.GetCurrentStaffAsync([OrganisationId], viewer, none);
        await store.GetMethodsOfProjectsAsync([ProjectId], none);
        await store.GetPlacesServedByOrganisationsAsync([OrganisationId], none);
        await store.GetPlacesOfIntegratedCareSystemsAsync([IcsId], none);
        Assert.Equal(0, (await store.ListPeopleAsync(viewer, new PageRequest(0, 10), none)).TotalCount);
        await store.ListOrganisationsAsync(new OrganisationFilter([IcsId], [OrganisationType.AcuteTrust], "royal"), new PageRequest(0, 10), none);
        await store.ListIntegratedCareSystemsAsync(new PageRequest(0, 10), none);
        await store.ListProjectsAsync(new ProjectFilter([ProjectStatus.Active], [OrganisationId], [SkillId]), new PageRequest(0, 10), none);
        await store.FindExpertCandidatesAsync(new ExpertCriteria(["lean", "a+b"], [SkillId], [SkillId], SkillLevel.Expert, [QualityDomain.QualityImprovement],
            [IcsId], [Guid.NewGuid()], [OrganisationType.AcuteTrust], true, true), viewer, none);
        await store.LoadSearchSourceAsync(none);
        await store.LoadCollaborationSourceAsync(none);
        var scope = new SourceScope(new HashSet<Guid> { PersonId }, new HashSet<Guid> { OrganisationId }, new HashSet<Guid> { ProjectId });
        await store.LoadSearchSourceAsync(scope, none);
        await store.LoadCollaborationSourceAsync(scope, none);
        var batch = await store.ReadChangesAsync(7, 100, none);
        Assert.Equal((7L, 0L, 7L, 0), (batch.Latest, batch.PrunedThrough, batch.Through, batch.Entries.Count));
        await store.FindPersonIdByExternalIdAsync("oid-1", none);
        await store.GetAuditTrailAsync(PersonId, 50, none);

        Assert.Null(await store.LinkProfileAsync(new SignedInIdentity("oid-2", "new@nhs.test", true, "New Person", new HashSet<string>()), Now, none));
        await store.CreateProfileAsync(new SignedInIdentity("oid-2", "new@nhs.test", true, "New Person", new HashSet<string>()), Now, none);
        Assert.Null(await store.GetErasureAsync("oid-2", none));
        await store.RecordManagerRoleAsync(new Viewer(PersonId, true, false, IsNetworkManager: true), Now, none);
        server.ManagerRecorded = true;
        await store.RecordManagerRoleAsync(new Viewer(PersonId, true, false), Now, none);
        server.ManagerRecorded = false;
        await store.LinkIdentityAsync(PersonId, "oid-3", Now, none);
        var changes = new ProfileChanges(Change.To("Ada L"), Change.To<string?>("Improvement lead"), default, default, Change.To<string?>("ada@nhs.test"),
            default, default, default, default, default);
        await store.UpdateProfileAsync(PersonId, changes, 3, PersonId, Now, none);
        await store.ConfirmProfileAsync(PersonId, PersonId, Now, none);
        await store.SetSkillAsync(PersonId, new SkillClaim(SkillId, SkillLevel.Expert, SkillEvidence.Project, 4), PersonId, Now, none);
        await store.RemoveSkillAsync(PersonId, SkillId, PersonId, Now, none);
        server.Holding = true;
        await store.EndorseSkillAsync(OtherId, PersonId, SkillId, Now, none);
        await store.VerifySkillAsync(PersonId, SkillId, OtherId, Now, none);
        var lead = new Viewer(PersonId, true, false);
        Assert.Equal(JoinRequestKind.Request, (await store.RequestToJoinAsync(new Contribution(PersonId, ProjectId, ContributionRole.Member, new DateOnly(2026, 1, 1), null), Now, none)).Kind);
        Assert.Equal(JoinRequestKind.Addition, (await store.AddToProjectAsync(new Contribution(OtherId, ProjectId, ContributionRole.Coach, null, null), lead, Now, none)).Kind);
        server.JoinPending = "REQUEST";
        await store.DecideJoinRequestAsync(ProjectId, OtherId, JoinDecision.Approve, lead, Now, none);
        server.JoinPending = null;
        server.JoinContributes = true;
        await store.HandOverLeadAsync(ProjectId, OtherId, ContributionRole.Sponsor, lead, Now, none);
        server.JoinLeads = "[]";
        await store.AssignLeadAsync(ProjectId, OtherId, new Viewer(PersonId, true, false, IsNetworkManager: true), Now, none);
        server.JoinLeads = ScriptedQueryApi.BothLead;
        server.JoinContributes = false;
        Assert.Equal(PersonId, Assert.Single(await store.GetJoinRequestsOfPersonAsync(PersonId, none)).PersonId);
        Assert.Equal(OtherId, Assert.Single(await store.GetJoinRequestsAwaitingAsync(lead, 10, none)).PersonId);
        await store.RemoveContributionAsync(PersonId, ProjectId, PersonId, Now, none);
        await store.CreateProjectAsync(new ProjectDraft("Flow", "Faster discharge", ProjectStatus.Active, new DateOnly(2026, 1, 1), null, null, OrganisationId, [SkillId]), PersonId, Now, none);
        await store.UpdateProjectAsync(ProjectId, new ProjectChanges(Change.To("Flow 2"), default, default, default, default, default, default, Change.To<IReadOnlyList<Guid>>([SkillId])), PersonId, Now, none);
        await store.UpsertOrganisationAsync(new OrganisationDraft(null, "RXX", "Royal Test", OrganisationType.AcuteTrust, IcsId), OtherId, Now, none);
        await store.UpsertOrganisationAsync(new OrganisationDraft(OrganisationId, null, "Royal Test", OrganisationType.AcuteTrust, null), OtherId, Now, none);
        Assert.Equal(new ImportSummary(2, 0, 0), await store.ImportPeopleAsync(
            [new PersonImport("a@nhs.test", "A", null, null, null, "RXX", "Nurse"), new PersonImport("b@nhs.test", "B", "QI", null, Visibility.Public, null, null)], OtherId, Now, none));
        var invitation = await store.CreateInvitationAsync(OtherId, new InvitationDraft(PersonId, "Design the ICS quality system", IcsId, [SkillId], 12, "Hello", Now.AddDays(7)),
            new InvitationPolicy(20), Now, none);
        Assert.Equal(InvitationStatus.Sent, invitation.Status);
        Assert.Equal(InvitationStatus.Accepted, (await store.RespondToInvitationAsync(InvitationId, PersonId, InvitationResponse.Accept, "Yes", Now, none)).Status);
        server.InvitationStatus = "ACCEPTED";
        Assert.Equal(ProjectId, (await store.LinkInvitationToProjectAsync(InvitationId, PersonId, ProjectId, Now, none)).ProjectId);
        server.InvitationStatus = "SENT";
        Assert.Equal(InvitationStatus.Withdrawn, (await store.WithdrawInvitationAsync(InvitationId, OtherId, Now, none)).Status);
        Assert.Equal(1, await store.ExpireInvitationsAsync(Now.AddDays(8), none));
        Assert.Equal(InvitationId, Assert.Single(await store.GetInvitationsOfPersonAsync(PersonId, InvitationSide.Received, 10, none)).Id);
        Assert.Single(await store.GetInvitationsForSystemAsync(IcsId, none));
        Assert.Equal([PersonId], await store.GetAcceptedInviteesAsync(OtherId, [PersonId], none));
        var claimed = Assert.Single(await store.ClaimOutboxAsync(10, Now, Now.AddMinutes(2), none));
        Assert.Equal(("ada@nhs.test", NotificationKind.InvitationReceived), (claimed.RecipientEmail, claimed.Kind));
        await store.MarkOutboxSentAsync(claimed.Id, Now, none);
        await store.MarkOutboxFailedAsync(claimed, "421 later", Now.AddMinutes(1), none);
        Assert.Equal(2, await store.PruneChangesAsync(5, none));
        Assert.Single(await store.GetNotificationsAsync(PersonId, 10, none));
        Assert.Contains("Ada Lovelace", await store.ExportPersonAsync(PersonId, none), StringComparison.Ordinal);
        server.Linked = true;
        await store.DeletePersonAsync(PersonId, Now, none);
        var network = new NetworkGenerator(3, new DateOnly(2026, 11, 1)).Generate(300);
        var systems = network.IntegratedCareSystems;
        await store.ImportAsync(network with { IntegratedCareSystems = [systems[0] with { SuccessorId = systems[1].Id }, .. systems.Skip(1)] }, replaceExisting: true, null, none);

        Assert.All(server.Statements, s => Assert.True(s.Declared.SetEquals(s.Sent),
            $"{s.Name}: declares [{string.Join(", ", s.Declared.Order())}] but was sent [{string.Join(", ", s.Sent.Order())}]"));
        Assert.Empty(Cypher.Names.Except(server.Statements.Select(s => s.Name)).Order());
        Assert.All(server.Transactions.Where(t => t.Statements.Contains("begin-write")), t =>
        {
            Assert.Equal("begin-write", t.Statements[0]);
            Assert.Single(t.Statements, s => s == "begin-write");
            Assert.True(t.Committed, $"a write ({string.Join(", ", t.Statements)}) was not committed");
            Assert.True(!t.Statements.Contains("record-changes") || t.Statements.IndexOf("record-changes") == t.Statements.Count - 1,
                $"a write ({string.Join(", ", t.Statements)}) recorded its changes before its last statement, or twice");
        });
        // The feed is only ever written inside a write's own transaction.
        Assert.Equal(server.Statements.Count(s => s.Name == "record-changes"), server.Transactions.Sum(t => t.Statements.Count(s => s == "record-changes")));
        Assert.All(server.Transactions.Where(t => t.Statements.Contains("record-changes")), t => Assert.Equal("begin-write", t.Statements[0]));
        Assert.Equal(Cypher.Schema.Count + 1, server.Statements.Count(s => s.Name is "schema" or "await-indexes"));
    }

    [Fact]
    public async Task ARefusedWriteIsRolledBackAndNeverCommitted()
    {
        var server = new ScriptedQueryApi();
        var store = Connect(server);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            store.EndorseSkillAsync(OtherId, PersonId, SkillId, Now, CancellationToken.None));

        Assert.Equal("skillId", error.Field);
        var transaction = Assert.Single(server.Transactions);
        Assert.False(transaction.Committed);
        Assert.True(transaction.RolledBack);
        Assert.DoesNotContain("record-changes", transaction.Statements);
    }

    [Theory]
    [InlineData(true, 4, 3)]
    // As a version guard of ">=" would on a server: the profile moved on to 5 between the read and the write, and the
    // statement wrote anyway, reporting 6; the C# check refuses it and rolls it back.
    [InlineData(false, 6, 5)]
    public async Task AStaleVersionIsAConflictEvenWhenOnlyTheStatementOrTheVersionItReportsNoticesIt(bool versionMovedOn, long written, long current)
    {
        var server = new ScriptedQueryApi { VersionMovedOn = versionMovedOn, WrittenVersion = written };
        var store = Connect(server);
        var changes = new ProfileChanges(Change.To("Ada L"), default, default, default, default, default, default, default, default, default);

        var error = await Assert.ThrowsAsync<VersionConflictException>(() => store.UpdateProfileAsync(PersonId, changes, 3, PersonId, Now, CancellationToken.None));

        Assert.Equal(current, error.CurrentVersion);
        var transaction = Assert.Single(server.Transactions);
        Assert.False(transaction.Committed);
        Assert.True(transaction.RolledBack);
    }

    [Theory]
    [InlineData("lean", "skillText:lean*^8 OR headline:lean*^6 OR displayName:lean*^4 OR bio:lean*^1")]
    [InlineData("-SPC~2", "skillText:spc*^8 OR headline:spc*^6 OR displayName:spc*^4 OR bio:spc*^1 OR skillText:2*^8 OR headline:2*^6 OR displayName:2*^4 OR bio:2*^1")]
    [InlineData("[a TO b]\\", "skillText:a*^8 OR headline:a*^6 OR displayName:a*^4 OR bio:a*^1 OR skillText:to*^8 OR headline:to*^6 OR displayName:to*^4 OR bio:to*^1 OR skillText:b*^8 OR headline:b*^6 OR displayName:b*^4 OR bio:b*^1")]
    [InlineData("\"*\"", "")]
    public void SearchTermsBecomeBoostedPrefixQueriesOfPlainWordsOnly(string term, string expected) =>
        Assert.Equal(expected, Neo4jExpertiseStore.FullTextQuery([term]));

    private static Neo4jExpertiseStore Connect(ScriptedQueryApi server) =>
        new(new Neo4jQueryClient(new HttpClient(server), Options), Cypher, Options);

    private static readonly Neo4jOptions Options = new() { Uri = new Uri("http://neo4j.test:7474"), FirstRetryDelay = TimeSpan.FromMilliseconds(1) };

    /// <summary>A fake Query API that knows the adapter's statements by their text and answers each with a plausible row.</summary>
    private sealed partial class ScriptedQueryApi : HttpMessageHandler
    {
        private readonly Dictionary<string, string> names = Cypher.Names.ToDictionary(n => Cypher[n], n => n, StringComparer.Ordinal);
        private readonly Dictionary<string, Transaction> open = [];

        public List<(string Name, HashSet<string> Declared, HashSet<string> Sent, JsonObject Parameters)> Statements { get; } = [];

        public List<Transaction> Transactions { get; } = [];

        public bool Holding { get; set; }

        /// <summary>The change sequence and pruning mark read-change-sequence answers with.</summary>
        public long Sequence { get; set; } = 7;

        public long PrunedThrough { get; set; }

        /// <summary>The (:Change) nodes read-changes answers from, as the statement would: after, through, in order, limited.</summary>
        public List<(long Sequence, string Kind, Guid Id)> Feed { get; } = [];

        public bool VersionMovedOn { get; init; }

        /// <summary>The version update-profile, confirm-profile and touch-person say they wrote (the scripted person is at 3).</summary>
        public long WrittenVersion { get; set; } = 4;

        /// <summary>The status the scripted invitation is stored in.</summary>
        public string InvitationStatus { get; set; } = "SENT";

        /// <summary>Whether the person the fake answers with has a sign-in linked (an erasure then remembers it).</summary>
        public bool Linked { get; set; }

        /// <summary>Both scripted people lead the scripted project (get-join-facts and get-join-requests-awaiting answer with these leads).</summary>
        public static readonly string BothLead = $$"""[{"id":"{{PersonId}}","visibility":"NETWORK"},{"id":"{{OtherId}}","visibility":"PUBLIC"}]""";

        public string JoinLeads { get; set; } = BothLead;

        /// <summary>Whether get-manager-record reports the person as a recorded network manager.</summary>
        public bool ManagerRecorded { get; set; }

        /// <summary>The kind of the pending contribution get-join-facts reports for the person it is asked about, if any.</summary>
        public string? JoinPending { get; set; }

        /// <summary>Whether get-join-facts reports that the person it is asked about contributes (as a member).</summary>
        public bool JoinContributes { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            Transaction? transaction = null;
            string? opened = null;
            if (path.EndsWith("/query/v2/tx", StringComparison.Ordinal))
            {
                // A transaction opens with its first statement.
                opened = "tx" + Transactions.Count;
                Transactions.Add(transaction = open[opened] = new Transaction());
            }
            else if (path.Contains("/tx/", StringComparison.Ordinal))
            {
                transaction = open[path.Split("/tx/")[1].Split('/')[0]];
            }

            if (request.Method == HttpMethod.Delete)
            {
                transaction!.RolledBack = true;
                return Answer("{}");
            }

            if (path.EndsWith("/commit", StringComparison.Ordinal))
            {
                Assert.Equal("", await request.Content!.ReadAsStringAsync(cancellationToken));
                transaction!.Committed = true;
                return Answer("""{"data":{"fields":[],"values":[]}}""");
            }

            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            var text = body["statement"]!.GetValue<string>();
            var parameters = body["parameters"]!.AsObject();
            var name = names.GetValueOrDefault(text) ?? (Cypher.Schema.Contains(text) ? "schema" : throw new InvalidOperationException("Unknown statement: " + text));
            var declared = DeclaredParameter().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
            Statements.Add((name, name == "schema" ? [] : declared, [.. parameters.Select(p => p.Key)], parameters));
            transaction?.Statements.Add(name);
            if (name == "record-changes")
            {
                Assert.NotNull(transaction);
                transaction.Changes.AddRange(parameters["changes"]!.AsArray().Select(c => (c!["kind"]!.GetValue<string>(), Guid.Parse(c["id"]!.GetValue<string>()))));
            }

            var (fields, values) = Rows(name, parameters);
            var rows = Reshape(name == "schema" ? fields : CypherText.ReturnColumns(text), fields, values);
            return Answer(opened is null ? rows : rows[..^1] + ",\"transaction\":{\"id\":\"" + opened + "\"}}");
        }

        /// <summary>The fake's values for a statement, named as the C# reading them expects (<see cref="Reshape"/> answers with the file's own columns).</summary>
        private (string[] Fields, string[] Rows) Rows(string name, JsonObject parameters)
        {
            var person = $$"""{"id":"ID","displayName":"Ada Lovelace","email":"ada@nhs.test",{{(Linked ? "\"externalId\":\"oid-1\"," : "")}}"visibility":"NETWORK","availabilityStatus":"OPEN","openToCrossOrganisation":true,"version":3,"createdAt":"2026-01-02T03:04:05.123456789Z","updatedAt":"2026-01-02T03:04:05Z"}"""
                .Replace("ID", parameters["id"]?.GetValue<string>() ?? PersonId.ToString(), StringComparison.Ordinal);
            var ids = parameters["ids"]?.AsArray().Select(i => i!.GetValue<string>()).ToList() ?? [];
            return name switch
            {
                "read-change-sequence" => Data(["value", "prunedThrough"], $"[{Sequence},{PrunedThrough}]"),
                "begin-write" => Data(["value"], $"[{Sequence}]"),
                "record-changes" => Data(["value", "recorded"], $"[{Sequence + 1},{parameters["changes"]!.AsArray().Count}]"),
                "read-changes" => Data(["sequence", "kind", "id"], [.. Feed
                    .Where(c => c.Sequence > parameters["after"]!.GetValue<long>() && c.Sequence <= parameters["through"]!.GetValue<long>())
                    .Take((int)Math.Min(parameters["limit"]!.GetValue<long>(), int.MaxValue)).Select(c => $"[{c.Sequence},\"{c.Kind}\",\"{c.Id}\"]")]),
                "prune-changes" => Data(["removed"], "[2]"),
                "scoped-contributions" => Data(["personId", "projectId"], $"[\"{PersonId}\",\"{ProjectId}\"]"),
                "update-project" => Data(["contributors"], parameters["replaceMethods"]!.GetValue<bool>() ? $"[[\"{PersonId}\",\"{OtherId}\"]]" : "[[]]"),
                "delete-person" => Data(["endorsed"], $"[[\"{OtherId}\",\"{OtherId}\"]]"),
                "count-network" => Data(["total"], "[0]"),
                "get-person" => Data(["person"], $"[{person}]"),
                "get-people" => Data(["person"], $"[{person.Replace(OtherId.ToString(), PersonId.ToString(), StringComparison.Ordinal)}]"),
                "get-projects" => Data(["id", "title", "aim", "status", "startDate", "endDate", "outcomeSummary", "hostOrganisationId"], $"""["{ProjectId}","Flow",null,"ACTIVE","2026-01-01",null,null,null]"""),
                "get-organisations" => Data(["id", "odsCode", "name", "type", "integratedCareSystemId"], $"""["{ids[0]}","RXX","Royal Test","ACUTE_TRUST",null]"""),
                "get-integrated-care-systems" => Data(["id", "odsCode", "name", "nhsRegion", "validFrom", "validTo", "successorId"], $"""["{IcsId}","QWE","Test ICS","London","2022-07-01",null,null]"""),
                "find-skills" => Data(["id"], [.. ids.Select(i => $"[\"{i}\"]")]),
                "get-holding" when Holding => Data(["level", "evidence", "years", "verified"], """[3,"PROJECT",4,true]"""),
                "remove-skill" => Data(["removed"], "[1]"),
                "endorse-skill" => Data(["created"], "[1]"),
                "add-contribution" => Data(["created"], "[1]"),
                "verify-skill" => Data(["verified"], "[1]"),
                "remove-contribution" => Data(["removed"], "[1]"),
                "get-project-leads" => Data(["ledByPerson"], "[1]"),
                "get-manager-record" => Data(["manager", "admin"], $"[{(ManagerRecorded ? "true" : "false")},false]"),
                "get-network-managers" => Data(["id", "admin"], $"[\"{OtherId}\",false]"),
                "get-join-facts" => Data(["leads", "contribution", "pending"], $"[{JoinLeads},{(JoinContributes ? Contribution(parameters) : "null")},{(JoinPending is { } kind ? Pending(parameters, kind) : "null")}]"),
                "create-pending-contribution" => Data(["request"], $"[{Pending(parameters, parameters["kind"]!.GetValue<string>())}]"),
                "delete-pending-contribution" => Data(["removed"], "[1]"),
                "set-contribution-role" => Data(["updated"], "[1]"),
                "get-join-requests-of-person" => Data(["request"], $"[{Pending(parameters, "ADDITION")}]"),
                "get-join-requests-awaiting" => Data(["request", "leads", "personVisibility"], $"[{Pending(new JsonObject { ["personId"] = OtherId.ToString() }, "REQUEST")},{JoinLeads},\"PUBLIC\"]"),
                "get-project-contributor" => Data(["contributes"], "[1]"),
                "update-profile" when !VersionMovedOn => Data(["version"], $"[{WrittenVersion}]"),
                "touch-person" or "confirm-profile" => Data(["version"], $"[{WrittenVersion}]"),
                "count-contributions" => Data(["contributions"], "[1]"),
                "find-organisations-by-ods-codes" => Data(["odsCode"], [.. parameters["odsCodes"]!.AsArray().Select(c => $"[\"{c}\"]")]),
                "import-people" => Data(["index", "id", "outcome"], [.. parameters["rows"]!.AsArray().Select(r => $"[{r!["index"]},\"{r["id"]}\",\"CREATED\"]")]),
                "get-invitation-facts" => Data(["invitee", "systemName", "shareOrganisation", "knownSkills", "openToSamePerson", "sentInLastDay"],
                    $"[{person.Replace(PersonId.ToString(), parameters["inviteeId"]!.GetValue<string>(), StringComparison.Ordinal)},\"Test ICS\",false,1,0,0]"),
                "get-invitations" or "get-invitations-of-person" or "get-invitations-for-system" => Data(["invitation"], $$"""[{"id":"{{InvitationId}}","inviterId":"{{OtherId}}","inviteeId":"{{PersonId}}","icsId":"{{IcsId}}","purpose":"Design","skillIds":["{{SkillId}}"],"hoursRequested":12,"respondBy":"2026-12-03T09:00:00Z","status":"{{InvitationStatus}}","sentAt":"2026-11-26T09:00:00Z"}]"""),
                "find-expired-invitations" => Data(["id"], $"[\"{InvitationId}\"]"),
                "get-accepted-invitees" => Data(["id"], $"[\"{PersonId}\"]"),
                "claim-outbox" or "get-notifications" => Data(["message"], $$"""[{"id":"{{Guid.Empty}}","kind":"INVITATION_RECEIVED","invitationId":"{{InvitationId}}","recipientId":"{{PersonId}}","recipientEmail":"ada@nhs.test","subject":"Invited","body":"Please help","createdAt":"2026-11-26T09:00:00Z","attempts":1,"gaveUp":false}]"""),
                "list-people" or "list-organisations" or "list-projects" or "list-integrated-care-systems" => Data(["total", "page"], "[0,[]]"),
                _ => Data([], []),
            };
        }

        private static (string[] Fields, string[] Rows) Data(string[] fields, params string[] rows) => (fields, rows);

        private static string Contribution(JsonObject parameters) =>
            $$"""{"personId":"{{parameters["personId"]}}","projectId":"{{ProjectId}}","role":"MEMBER","from":"2026-01-01","to":null}""";

        private static string Pending(JsonObject parameters, string kind) =>
            $$"""{"personId":"{{parameters["personId"]}}","projectId":"{{ProjectId}}","role":"MEMBER","from":null,"to":null,"kind":"{{kind}}","requestedAt":"2026-11-26T09:00:00Z","personName":"Ada Lovelace"}""";

        /// <summary>
        /// The answer a server would give: the columns the statement's RETURN names, in its order, each with the fake's value
        /// of that name (null when the fake has none). A column renamed in a .cypher file then reaches the C# under its new
        /// name, and the C# that reads the old one fails here, as it would against a server.
        /// </summary>
        private static string Reshape(IReadOnlyList<string> columns, string[] fields, string[] rows) =>
            JsonSerializer.Serialize(new
            {
                data = new
                {
                    fields = columns,
                    values = rows.Select(r => JsonNode.Parse(r)!.AsArray()).Select(row =>
                        new JsonArray([.. columns.Select(c => Array.IndexOf(fields, c) is var i and >= 0 ? row[i]?.DeepClone() : null)])),
                },
            });

        private static HttpResponseMessage Answer(string json) =>
            new(HttpStatusCode.Accepted) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        [GeneratedRegex(@"^//\s*@param\s+(\w+)", RegexOptions.Multiline)]
        private static partial Regex DeclaredParameter();
    }

    private sealed class Transaction
    {
        public List<string> Statements { get; } = [];

        /// <summary>What record-changes was sent: (kind, id) in order.</summary>
        public List<(string Kind, Guid Id)> Changes { get; } = [];

        public bool Committed { get; set; }

        public bool RolledBack { get; set; }
    }
}

/// <summary>What an operator sees when the configured Neo4j cannot be reached at start.</summary>
public sealed class Neo4jUnavailableAtStartTests
{
    [Fact]
    public async Task TheServiceStartsLogsOneClearLineWithoutAStackTraceAndHealthzFails()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port nobody listens on: connections are refused
        using var factory = new ApiFactory();
        factory.Settings["Storage:Provider"] = "Neo4j";
        factory.Settings["Storage:Neo4j:Uri"] = $"http://127.0.0.1:{port}";
        factory.Settings["Storage:Neo4j:MaxRetries"] = "0";
        using var client = factory.CreateClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var errors = factory.Logged.Where(l => l.Level >= LogLevel.Error).ToList();
        var line = Assert.Single(errors);
        Assert.Contains("store is unavailable", line.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line.Message, StringComparison.Ordinal);
        Assert.Null(line.Exception);
    }
}
