using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The read models follow the store's change feed instead of rebuilding: after every kind of write, the snapshot this
/// instance made by applying the change answers exactly as a model built whole from the store would, and no rebuild
/// happened on the way.
/// </summary>
public sealed class LiveReadModelTests : IDisposable
{
    private static readonly Viewer Admin = Viewers.Admin;
    private static readonly Viewer Member = Viewers.Member;
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly ProjectChanges NoProjectChanges = new(default, default, default, default, default, default, default, default);

    private readonly ApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private IExpertiseStore Store => factory.Store;

    [Fact]
    public async Task ModelsThatFollowTheFeedAnswerAsModelsBuiltWholeAfterEveryKindOfWrite()
    {
        var index = factory.Services.GetRequiredService<ExpertIndexHost>();
        var graph = factory.Services.GetRequiredService<CollaborationGraphHost>();
        await index.GetAsync(Ct);
        await graph.GetAsync(Ct);
        var people = (await Store.ListPeopleAsync(Admin, new PageRequest(0, 1000), Ct)).Items;
        var projects = (await Store.ListProjectsAsync(ProjectFilter.None, new PageRequest(0, 1000), Ct)).Items;
        var contributions = await Store.GetContributionsToProjectsAsync([.. projects.Select(p => p.Id)], Admin, Ct);
        var busy = projects.First(p => contributions.TryGetValue(p.Id, out var c) && c.Count >= 3 && c.Count(x => x.Role == ContributionRole.Lead) == 1);
        var team = contributions[busy.Id].Select(c => c.PersonId).ToHashSet();
        var (joiner, leaver, other, endorser) = (people.First(p => !team.Contains(p.Id)), contributions[busy.Id].First(c => c.Role != ContributionRole.Lead).PersonId, people[7], people[8]);
        var skills = (await Store.GetAllSkillsAsync(Ct)).ToList();
        var held = (await Store.GetSkillsOfPeopleAsync([other.Id], Ct))[other.Id];
        var skillOf = held[0].SkillId;
        var newSkill = skills.First(s => !held.Any(h => h.SkillId == s.Id));
        var icsId = (await Store.ListIntegratedCareSystemsAsync(new PageRequest(0, 1), Ct)).Items[0].Id;
        // An employer of several people, moved to another ICS and made another type: everyone working there moves in the facets.
        var employerId = (await Store.GetEmploymentsOfPeopleAsync([.. people.Select(p => p.Id)], Ct)).Values.SelectMany(e => e)
            .Where(e => e.Until is null).GroupBy(e => e.OrganisationId).OrderByDescending(g => g.Count()).First().Key;
        var employer = (await Store.GetOrganisationsAsync([employerId], Ct))[employerId];
        var otherIcs = (await Store.ListIntegratedCareSystemsAsync(new PageRequest(0, 50), Ct)).Items.First(i => i.Id != employer.IntegratedCareSystemId).Id;
        Project? created = null;
        var deleted = people.First(p => p.Id != leaver && contributions.Values.Any(list => list.Any(c => c.PersonId == p.Id)) && p.Id != joiner.Id && p.Id != other.Id && p.Id != endorser.Id);

        (string What, Func<Task> Write)[] writes =
        [
            ("headline with a new word", () => Store.UpdateProfileAsync(other.Id, ProfileEdits.None with { Headline = Change.To<string?>("Zymurgy and flow coaching") }, null, other.Id, Now, Ct)),
            // The words of skills' aliases: the phrase postings (who has them all, each word's frequency and holders) follow.
            ("headline naming skills", () => Store.UpdateProfileAsync(other.Id, ProfileEdits.None with { Headline = Change.To<string?>("Capacity planning, population health and populations' healthcare") }, null, other.Id, Now, Ct)),
            ("seen by members only", () => Store.UpdateProfileAsync(other.Id, ProfileEdits.None with { Visibility = Change.To(Visibility.Network) }, null, other.Id, Now, Ct)),
            ("hidden", () => Store.UpdateProfileAsync(people[3].Id, ProfileEdits.None with { Visibility = Change.To(Visibility.Private) }, null, people[3].Id, Now, Ct)),
            ("unavailable, closed", () => Store.UpdateProfileAsync(people[4].Id, ProfileEdits.None with { AvailabilityStatus = Change.To(AvailabilityStatus.NotAvailable), OpenToCrossOrganisation = Change.To(false) }, null, people[4].Id, Now, Ct)),
            ("confirmed", () => Store.ConfirmProfileAsync(people[5].Id, people[5].Id, Now, Ct)),
            ("skill added", () => Store.SetSkillAsync(other.Id, new SkillClaim(newSkill.Id, SkillLevel.Coach, SkillEvidence.Publication, 9), other.Id, Now, Ct)),
            ("endorsed", () => Store.EndorseSkillAsync(endorser.Id, other.Id, newSkill.Id, Now, Ct)),
            ("verified", () => Store.VerifySkillAsync(other.Id, newSkill.Id, null, Now, Ct)),
            // Held still, but no longer strongly: out of the skill's column of strong holders, which searches place first.
            ("skill weakened", () => Store.SetSkillAsync(other.Id, new SkillClaim(newSkill.Id, SkillLevel.Awareness, null, 1), other.Id, Now, Ct)),
            ("skill strengthened again", () => Store.SetSkillAsync(other.Id, new SkillClaim(newSkill.Id, SkillLevel.Coach, SkillEvidence.Credential, 9), other.Id, Now, Ct)),
            ("skill removed", () => Store.RemoveSkillAsync(other.Id, skillOf, other.Id, Now, Ct)),
            ("asked to join a project", () => Store.RequestToJoinAsync(new Contribution(joiner.Id, busy.Id, ContributionRole.Member, null, null), Now, Ct)),
            ("joined a project", () => Store.ApproveAsync(busy.Id, joiner.Id, Now)),
            ("left a project", () => Store.RemoveContributionAsync(leaver, busy.Id, leaver, Now, Ct)),
            ("project created", async () => created = await Store.CreateProjectAsync(new ProjectDraft("Feed project", null, ProjectStatus.Active, null, null, null, null, [newSkill.Id]), other.Id, Now, Ct)),
            ("second member", () => Store.JoinAsync(new Contribution(endorser.Id, created!.Id, ContributionRole.Member, null, null), Now)),
            ("methods changed", () => Store.UpdateProjectAsync(busy.Id, NoProjectChanges with { MethodSkillIds = Change.To<IReadOnlyList<Guid>>([newSkill.Id, skillOf]), EndDate = Change.To<DateOnly?>(new DateOnly(2030, 1, 1)) }, contributions[busy.Id].Single(c => c.Role == ContributionRole.Lead).PersonId, Now, Ct)),
            ("organisation moved to another ICS and type", () => Store.UpsertOrganisationAsync(new OrganisationDraft(employer.Id, employer.OdsCode, employer.Name,
                employer.Type == OrganisationType.AcuteTrust ? OrganisationType.CommunityTrust : OrganisationType.AcuteTrust, otherIcs), null, Now, Ct)),
            ("organisation's type changed back", () => Store.UpsertOrganisationAsync(new OrganisationDraft(employer.Id, employer.OdsCode, employer.Name, employer.Type, otherIcs), null, Now, Ct)),
            ("organisation created", () => Store.UpsertOrganisationAsync(new OrganisationDraft(null, "ZZF01", "Feed Test Trust", OrganisationType.AcuteTrust, icsId), null, Now, Ct)),
            ("people imported", () => Store.ImportPeopleAsync([new PersonImport("feed.one@nhs.net", "Feed One", "Lean coach", null, Visibility.Public, "ZZF01", "Coach")], null, Now, Ct)),
            ("new member", () => Store.CreateProfileAsync(new SignedInIdentity("feed-newcomer", null, false, "Feed Newcomer", new HashSet<string>()), Now, Ct)),
            ("erased", () => Store.DeletePersonAsync(deleted.Id, Now, Ct)),
        ];

        foreach (var (what, write) in writes)
        {
            await write();
            await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);
            var sequence = await Store.GetChangeSequenceAsync(Ct);
            var followed = await index.GetAsync(Ct);
            var followedGraph = await graph.GetAsync(Ct);
            Assert.Equal(sequence, followed.Sequence);
            Assert.Equal(sequence, followedGraph.Sequence);
            var taxonomy = new SkillTaxonomy(await Store.GetAllSkillsAsync(Ct));
            AssertSameAnswers(what, new ExpertIndex(await Store.LoadSearchSourceAsync(Ct), taxonomy), followed, taxonomy, icsId);
            AssertSameGraph(what, new CollaborationGraph(await Store.LoadCollaborationSourceAsync(Ct)), followedGraph);
        }

        Assert.DoesNotContain(factory.Logged, l => l.Message.Contains("rebuilds whole", StringComparison.Ordinal));
    }

    private static void AssertSameAnswers(string what, ExpertIndex whole, ExpertIndex followed, SkillTaxonomy taxonomy, Guid icsId)
    {
        var skill = taxonomy.All[0].Id;
        ExpertCriteria[] questions =
        [
            Criteria([], []),
            Criteria(["zymurgy"], []),
            Criteria(["improvement"], []),
            Criteria(["lean", "coach"], []),
            Criteria([], [.. taxonomy.WithDescendants(skill)]),
            Criteria(["feed"], []) with { IntegratedCareSystemIds = [icsId] },
            Criteria([], []) with { AvailableOnly = true, OpenToCrossOrganisation = true, OrganisationTypes = [OrganisationType.AcuteTrust] },
            // The search's bit columns (holders, visibility, availability, openness, domains) follow the feed too.
            Criteria([], []) with { Domains = [QualityDomain.QualityImprovement, QualityDomain.SystemsThinking] },
            Criteria(["improvement"], []) with { SkillIds = [.. taxonomy.WithDescendants(skill)], OpenToCrossOrganisation = false },
            Criteria(["lean"], [.. taxonomy.WithDescendants(skill)]) with { AvailableOnly = true },
            Criteria([], []) with { Phrases = [["capacity", "planning"]] },
            Criteria(["feed"], []) with { Phrases = [["population", "health"], ["strategy", "deployment"]] },
        ];
        Assert.Equal(whole.PeopleCount, followed.PeopleCount);
        foreach (var viewer in new[] { Admin, Member, Viewer.Anonymous })
        {
            foreach (var question in questions)
            {
                Assert.True(Describe(whole.FindCandidates(question, viewer)) == Describe(followed.FindCandidates(question, viewer)),
                    $"After '{what}', {string.Join(' ', question.Terms)} as {viewer} answers differently from a whole rebuild.");
                var concepts = question.ConceptSkillIds.Count == 0 ? [] : new[] { taxonomy.ConceptFor([taxonomy.Find(skill)!], taxonomy.Find(skill)!.Name, ConceptSource.Name) };
                Assert.Equal(DescribeSearch(whole.Search(question, new ExpertRanker(taxonomy, concepts, Now), viewer, 25)),
                    DescribeSearch(followed.Search(question, new ExpertRanker(taxonomy, concepts, Now), viewer, 25, facets: true)));
            }
        }

        // Every skill asked for on its own, for a short page: ranked from its strong holders first when they are enough, so
        // a holding made stronger or weaker (added, endorsed, verified, removed) must move its holder between the columns.
        foreach (var asked in taxonomy.All)
        {
            var question = Criteria([], [.. taxonomy.WithDescendants(asked.Id)]);
            var concept = new[] { taxonomy.ConceptFor([asked], asked.Name, ConceptSource.Name) };
            foreach (var page in new[] { 1, 5 })
            {
                Assert.True(DescribeSearch(whole.Search(question, new ExpertRanker(taxonomy, concept, Now), Member, page), page)
                    == DescribeSearch(followed.Search(question, new ExpertRanker(taxonomy, concept, Now), Member, page), page),
                    $"After '{what}', a search for {asked.Name} (first {page}) answers differently from a whole rebuild.");
            }
        }

        Assert.Equal(whole.Organisations.OrderBy(o => o.Id), followed.Organisations.OrderBy(o => o.Id));
        Assert.Equal(whole.EveryoneByName(null, 5000).Select(p => p.Id), followed.EveryoneByName(null, 5000).Select(p => p.Id));
    }

    [Fact]
    public async Task AnInstanceBehindThePrunedFeedRebuildsWholeOnceAndSaysWhy()
    {
        using var quiet = Quiet();
        var index = quiet.Services.GetRequiredService<ExpertIndexHost>();
        var before = await index.GetAsync(Ct);
        var person = (await quiet.Store.ListPeopleAsync(Admin, new PageRequest(0, 1), Ct)).Items[0];

        await quiet.Store.UpdateProfileAsync(person.Id, ProfileEdits.None with { Headline = Change.To<string?>("Quokka wrangling") }, null, person.Id, Now, Ct);
        await quiet.Store.UpdateProfileAsync(person.Id, ProfileEdits.None with { Bio = Change.To<string?>("Second change") }, null, person.Id, Now, Ct);
        await quiet.Store.PruneChangesAsync(await quiet.Store.GetChangeSequenceAsync(Ct), Ct);
        var after = await index.CatchUpAsync(Ct);

        Assert.Equal(before.Sequence + 2, after.Sequence);
        Assert.Contains(after.FindCandidates(Criteria(["quokka"], []), Admin), c => c.PersonId == person.Id);
        Assert.Single(quiet.Logged, l => l.Message.Contains("Search index rebuilds whole: this instance fell behind the pruned change feed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChangeOfAnUnknownKindIsLoggedAndTheModelRebuildsWholeInsteadOfServingHalfOfIt()
    {
        using var quiet = Quiet();
        var index = quiet.Services.GetRequiredService<ExpertIndexHost>();
        await index.GetAsync(Ct);
        var person = (await quiet.Store.ListPeopleAsync(Admin, new PageRequest(0, 1), Ct)).Items[0];
        await quiet.Store.UpdateProfileAsync(person.Id, ProfileEdits.None with { Headline = Change.To<string?>("Axolotl husbandry") }, null, person.Id, Now, Ct);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={quiet.DatabasePath}"))
        {
            await connection.OpenAsync(Ct);
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE change_log SET kind = 'TELEPORTATION' WHERE sequence = (SELECT value FROM change_sequence)";
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        var after = await index.CatchUpAsync(Ct);

        Assert.Equal(await quiet.Store.GetChangeSequenceAsync(Ct), after.Sequence);
        Assert.Contains(after.FindCandidates(Criteria(["axolotl"], []), Admin), c => c.PersonId == person.Id);
        Assert.Single(quiet.Logged, l => l.Message.Contains("Search index rebuilds whole: a change of a kind this build does not know", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACountNeverDisagreesWithThePageItCameWith()
    {
        using var quiet = Quiet();
        const string Query = "query { searchExperts(query: \"improvement\", first: 5) { totalCount edges { node { id } } } }";
        var before = (await quiet.QueryAsync(Query))["data"]!["searchExperts"]!;
        var first = GlobalId.Parse(before["edges"].Arr()[0]!["node"]!["id"].Str(), "Person", "id");

        // Hidden through the store itself, as another instance would: this instance's snapshot has not seen it yet.
        await quiet.Store.UpdateProfileAsync(first, ProfileEdits.None with { Visibility = Change.To(Visibility.Private) }, null, first, Now, Ct);
        var after = (await quiet.QueryAsync(Query))["data"]!["searchExperts"]!;

        var ids = after["edges"].Arr().Select(e => e!["node"]!["id"].Str()).ToList();
        Assert.DoesNotContain(GlobalId.Encode("Person", first), ids);
        Assert.Equal(5, ids.Count);
        Assert.Equal(before["totalCount"]!.GetValue<int>() - 1, after["totalCount"]!.GetValue<int>());
    }

    /// <summary>A service that looks at the feed only when asked (or after its own writes), so a test decides when it catches up.</summary>
    private static ApiFactory Quiet()
    {
        var quiet = new ApiFactory { CapturedLevel = Microsoft.Extensions.Logging.LogLevel.Information };
        quiet.Settings["ReadModels:PollInterval"] = "01:00:00";
        return quiet;
    }

    private static ExpertCriteria Criteria(string[] terms, Guid[] concept) =>
        new(terms, concept.ToHashSet(), [], null, [], [], [], [], false, null);

    private static string Describe(IReadOnlyList<ExpertCandidate> candidates) => string.Join('\n', candidates
        .OrderBy(c => c.PersonId)
        .Select(c => $"{c.PersonId} {c.TextRelevance:F9} {c.Availability} {c.OpenToCrossOrganisation} {c.LastConfirmedAt:O} "
            + string.Join(',', c.Skills.OrderBy(s => s.SkillId).Select(s => $"{s.SkillId}:{s.Level}:{s.Verified}:{s.Endorsements}:{s.ProjectEvidence}:{s.Evidence}"))
            + " @ " + string.Join(',', c.CurrentOrganisationIds)));

    /// <summary>A search's counts, its first page in order with scores and groups, and its facets (counted with the search, or after it).</summary>
    private static string DescribeSearch(ISearchMatches matches, int page = 25)
    {
        var facets = matches.Facets();
        // How many were placed too: who is placed first follows each skill's strong holders, which the feed keeps up to date.
        return $"{matches.Count} found, {matches.SkillHolders} holders, {matches.Placed} placed\n"
            + string.Join('\n', matches.Top(page).Select(r => $"{r.Candidate.PersonId} {r.Score:F9} {r.Group} {r.Met} {r.Explicit}"))
            + "\ndomains " + string.Join(',', facets.Domains.Select(f => $"{f.Value}:{f.Count}"))
            + "\nskills " + string.Join(',', facets.Skills.Select(f => $"{f.Value.Id}:{f.Count}"))
            + "\nsystems " + string.Join(',', facets.IntegratedCareSystems.Select(f => $"{f.Value}:{f.Count}"))
            + "\ntypes " + string.Join(',', facets.OrganisationTypes.Select(f => $"{f.Value}:{f.Count}"));
    }

    private static void AssertSameGraph(string what, CollaborationGraph whole, CollaborationGraph followed)
    {
        Assert.Equal(whole.LinkCount, followed.LinkCount);
        for (var p = 0; p < whole.PeopleCount; p++)
        {
            var id = whole.PersonId(p);
            var q = followed.Position(id) ?? throw new Xunit.Sdk.XunitException($"After '{what}', {id} is missing from the followed graph.");
            Assert.Equal(whole.VisibilityOf(p), followed.VisibilityOf(q));
            Assert.Equal(whole.OrganisationId(p), followed.OrganisationId(q));
            Assert.Equal(whole.SystemOf(p), followed.SystemOf(q));
            Assert.True(Around(whole, p) == Around(followed, q), $"After '{what}', {id}'s links differ from a whole rebuild.");
        }

        Assert.Equal(whole.PeopleIn(null).Count(), followed.PeopleIn(null).Count());
    }

    /// <summary>A person's links in drawing order: neighbour, weight and projects (most recent first).</summary>
    private static string Around(CollaborationGraph graph, int person)
    {
        var neighbours = graph.Neighbours(person).ToArray();
        var links = graph.LinksOf(person).ToArray();
        return string.Join('\n', neighbours.Select((n, i) => $"{graph.PersonId(n)} {graph.Weight(links[i])} {string.Join(',', graph.ProjectsOf(links[i]))}"));
    }
}
