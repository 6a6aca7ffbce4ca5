using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Who sees whom, on every surface where a person can appear: callers (anonymous, another member, the person
/// themself, a network manager, an admin) × the person's visibility (PUBLIC, NETWORK, PRIVATE) × surfaces
/// (person, node, people, search, counts, project contributors, organisation staff, similar experts, teams, email).
/// The rule: PUBLIC to anyone, NETWORK to signed-in members, PRIVATE to the person and admins; email to the person and admins
/// (and to an inviter whose invitation the person accepted: InvitationConsentTests).
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Network network) : IClassFixture<AuthorizationMatrixTests.Network>
{
    public static TheoryData<string, Visibility> Cases
    {
        get
        {
            var data = new TheoryData<string, Visibility>();
            foreach (var caller in new[] { "anonymous", "member", "self", "network manager", "admin" })
            {
                foreach (var visibility in Enum.GetValues<Visibility>())
                {
                    data.Add(caller, visibility);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EverySurfaceShowsAPersonExactlyWhenTheRuleSays(string caller, Visibility visibility)
    {
        await network.EnsureAsync();
        var target = network.Targets[visibility];
        var token = await network.TokenAsync(caller, target);
        var shouldSee = visibility == Visibility.Public || (visibility == Visibility.Network && caller != "anonymous") || caller is "self" or "admin";
        var id = GlobalId.Encode("Person", target.Id);
        var api = network.Factory;

        var direct = await api.QueryAsync("query($id: ID!) { person(id: $id) { id email } node(id: $id) { id } }", new { id }, token);
        Assert.Equal(shouldSee, direct["data"]!["person"] is not null);
        Assert.Equal(shouldSee, direct["data"]!["node"] is not null);
        if (shouldSee)
        {
            Assert.Equal(caller is "self" or "admin", direct["data"]!["person"]!["email"] is not null);
        }

        Assert.Equal(shouldSee, (await AllPeopleAsync(token)).Contains(id));

        var search = await api.QueryAsync("query($q: String) { searchExperts(query: $q, first: 100) { edges { node { id } } } }", new { q = target.DisplayName }, token);
        Assert.Equal(shouldSee, search["data"]!["searchExperts"]!["edges"].Arr().Any(e => e!["node"]!["id"].Str() == id));

        var project = GlobalId.Encode("Project", network.ProjectOf[visibility]);
        var contributors = await api.QueryAsync("query($p: ID!) { project(id: $p) { contributors { person { id } } } }", new { p = project }, token);
        Assert.Equal(shouldSee, contributors["data"]!["project"]!["contributors"].Arr().Any(c => c!["person"]!["id"].Str() == id));

        var employer = GlobalId.Encode("Organisation", network.EmployerOf[visibility]);
        var staff = await api.QueryAsync("query($o: ID!) { organisation(id: $o) { people(first: 100) { id } } }", new { o = employer }, token);
        Assert.Equal(shouldSee, staff["data"]!["organisation"]!["people"].Arr().Any(p => p!["id"].Str() == id));

        var similar = await api.QueryAsync("query($id: ID!) { similarExperts(personId: $id, first: 5) { node { id } } }", new { id }, token);
        Assert.Equal(shouldSee ? null : "NOT_FOUND", similar.ErrorCode());

        // The collaboration graph: members only; a hidden person is neither a centre nor a node of anyone's neighbourhood.
        var around = await api.QueryAsync("query($id: ID!) { collaborationNetwork(around: $id, hops: 1) { nodes { person { id } } } }", new { id }, token);
        Assert.Equal(caller == "anonymous" ? "UNAUTHENTICATED" : shouldSee ? null : "NOT_FOUND", around.ErrorCode());
        if (caller != "anonymous")
        {
            var colleagues = await network.Factory.Store.GetContributionsToProjectsAsync([network.ProjectOf[visibility]], Viewers.Admin, CancellationToken.None);
            var colleague = colleagues[network.ProjectOf[visibility]].Select(c => c.PersonId).FirstOrDefault(p => p != target.Id && network.IsPublic(p));
            Assert.NotEqual(Guid.Empty, colleague); // the fixture picks a project with a PUBLIC colleague, so this check always runs
            var theirs = await api.QueryAsync("query($id: ID!) { collaborationNetwork(around: $id, hops: 1, limit: 1000) { nodes { person { id } } } }",
                new { id = GlobalId.Encode("Person", colleague) }, token);
            Assert.Equal(shouldSee, theirs["data"]!["collaborationNetwork"]!["nodes"].Arr().Any(n => n!["person"]!["id"].Str() == id));
        }
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("member")]
    [InlineData("network manager")]
    [InlineData("admin")]
    public async Task CountsAndListsNeverIncludeAnyoneTheCallerMayNotSee(string caller)
    {
        await network.EnsureAsync();
        var token = await network.TokenAsync(caller, null);
        var everyone = (await network.Factory.Store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 10_000), CancellationToken.None)).Items;
        var visible = everyone.Count(p => p.Visibility == Visibility.Public || (p.Visibility == Visibility.Network && caller != "anonymous") || caller == "admin");

        var response = await network.Factory.QueryAsync("""
            { people { totalCount } searchExperts { totalCount facets { organisationTypes { count } domains { count } } } }
            """, token: token);
        var withTeam = await network.Factory.QueryAsync("query($s: [ID!]!) { assembleTeam(skillIds: $s, size: 20) { members { person { visibility } } } }",
            new { s = network.CommonSkills }, token);

        Assert.Equal(visible, response["data"]!["people"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(visible, response["data"]!["searchExperts"]!["totalCount"]!.GetValue<int>());
        Assert.True(response["data"]!["searchExperts"]!["facets"]!["organisationTypes"].Arr().Sum(f => f!["count"]!.GetValue<int>()) >= visible);
        Assert.All(response["data"]!["searchExperts"]!["facets"]!["domains"].Arr(), f => Assert.InRange(f!["count"]!.GetValue<int>(), 1, visible));
        Assert.NotEmpty(withTeam["data"]!["assembleTeam"]!["members"].Arr());
        Assert.All(withTeam["data"]!["assembleTeam"]!["members"].Arr(), m =>
            Assert.True(m!["person"]!["visibility"].Str() == "PUBLIC" || (caller != "anonymous" && m["person"]!["visibility"].Str() == "NETWORK") || caller == "admin"));
    }

    private async Task<HashSet<string>> AllPeopleAsync(string? token)
    {
        var ids = new HashSet<string>();
        string? after = null;
        do
        {
            var page = (await network.Factory.QueryAsync("query($after: String) { people(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }", new { after }, token))["data"]!["people"]!;
            ids.UnionWith(page["nodes"].Arr().Select(n => n!["id"].Str()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"].Str() : null;
        }
        while (after is not null);

        return ids;
    }

    /// <summary>A seeded service with one person of each visibility who has a project, an employer and skills.</summary>
    public sealed class Network : IDisposable
    {
        public ApiFactory Factory { get; } = new() { DemoPeople = 300 };

        public Dictionary<Visibility, Person> Targets { get; } = [];

        public Dictionary<Visibility, Guid> ProjectOf { get; } = [];

        public Dictionary<Visibility, Guid> EmployerOf { get; } = [];

        public string[] CommonSkills { get; private set; } = [];

        private HashSet<Guid> publicPeople = [];

        public bool IsPublic(Guid person) => publicPeople.Contains(person);

        private readonly Dictionary<string, string> tokens = [];
        private List<Person> others = [];

        public async Task<string?> TokenAsync(string caller, Person? target)
        {
            if (caller == "anonymous")
            {
                return null;
            }

            await EnsureAsync();
            var key = caller == "self" ? "self:" + target!.Id : caller;
            if (!tokens.TryGetValue(key, out var token))
            {
                token = caller switch
                {
                    "self" => Factory.TokenFor(target!),
                    "member" => Factory.TokenFor(others[0]),
                    "network manager" => Factory.TokenFor(others[1], Roles.NetworkManager),
                    _ => Factory.TokenFor(others[2], Roles.Admin),
                };
                await Factory.QueryAsync("{ me { id } }", token: token); // links the sign-in to the profile
                tokens[key] = token;
            }

            return token;
        }

        public async Task EnsureAsync()
        {
            if (Targets.Count > 0)
            {
                return;
            }

            var store = Factory.Store;
            var admin = Viewers.Admin;
            var people = (await store.ListPeopleAsync(admin, new PageRequest(0, 10_000), CancellationToken.None)).Items;
            var contributions = await store.GetContributionsOfPeopleAsync([.. people.Select(p => p.Id)], CancellationToken.None);
            var employments = await store.GetEmploymentsOfPeopleAsync([.. people.Select(p => p.Id)], CancellationToken.None);
            var isPublic = people.Where(p => p.Visibility == Visibility.Public).Select(p => p.Id).ToHashSet();
            var publicContributors = contributions.SelectMany(c => c.Value).Where(c => isPublic.Contains(c.PersonId)).ToLookup(c => c.ProjectId, c => c.PersonId);
            // A project of the target's with a PUBLIC colleague, whose neighbourhood the target may or may not appear in.
            Guid? SharedProject(Guid person) => contributions.TryGetValue(person, out var own)
                ? own.Where(c => publicContributors[c.ProjectId].Any(p => p != person)).Select(c => (Guid?)c.ProjectId).FirstOrDefault()
                : null;
            foreach (var visibility in Enum.GetValues<Visibility>())
            {
                var target = people.First(p => p.Visibility == visibility && p.Email is not null && SharedProject(p.Id) is not null
                    && employments.TryGetValue(p.Id, out var jobs) && jobs.Any(j => j.Until is null));
                Targets[visibility] = target;
                ProjectOf[visibility] = SharedProject(target.Id)!.Value;
                EmployerOf[visibility] = employments[target.Id].First(j => j.Until is null).OrganisationId;
            }

            others = [.. people.Where(p => p.Visibility == Visibility.Public && p.Email is not null && !Targets.ContainsValue(p)).Take(3)];
            publicPeople = [.. people.Where(p => p.Visibility == Visibility.Public).Select(p => p.Id)];
            var skills = await store.GetAllSkillsAsync(CancellationToken.None);
            CommonSkills = [.. skills.Where(s => s.Key is "statistical-process-control" or "systems-thinking" or "lean").Select(s => GlobalId.Encode("Skill", s.Id))];
        }

        public void Dispose() => Factory.Dispose();
    }
}
