using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// What the Cypher decides, held to the C# rules without a server (issue 20, item 3): the visibility guard of every
/// statement that takes a viewer is <see cref="Viewer.CanSee"/>, case by case; the version guard of every statement
/// that takes an expected version is equality; every RETURN names its columns plainly (the fake answers with them);
/// and a versioned write whose statement reports any version but the next is refused and rolled back by the C#.
/// </summary>
public sealed partial class Neo4jAdapterWiringTests
{
    private static readonly Guid Target = Guid.Parse("0190a1b2-0000-7000-8000-0000000000aa");

    public static TheoryData<string> StatementsTakingAViewer() => [.. Cypher.Names.Where(n => Cypher[n].Contains("$viewerMember", StringComparison.Ordinal)).Order()];

    [Theory]
    [MemberData(nameof(StatementsTakingAViewer))]
    public void TheVisibilityGuardOfAStatementIsViewerCanSeeForEveryKindOfViewer(string statement)
    {
        var guard = CypherText.GuardMentioning(Cypher[statement], "$viewerMember");
        var variable = System.Text.RegularExpressions.Regex.Match(guard, @"(\w+)\.visibility").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(variable), $"{statement}: its guard reads no one's visibility: {guard}");
        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            foreach (var (member, admin, self) in new[] { (false, false, false), (true, false, false), (true, false, true), (true, true, false), (false, true, false) })
            {
                var viewer = new Viewer(self ? Target : OtherId, member, admin);
                var values = new Dictionary<string, object?>
                {
                    [variable + ".visibility"] = EnumText.Name(visibility), [variable + ".id"] = Target.ToString(),
                    ["$viewerMember"] = member, ["$viewerAdmin"] = admin, ["$viewerSelf"] = viewer.PersonId.ToString(),
                };
                Assert.True(viewer.CanSee(Target, visibility) == CypherText.Evaluate(guard, values),
                    $"{statement}: for a {visibility} person and a viewer (member {member}, admin {admin}, self {self}) the guard says {!viewer.CanSee(Target, visibility)}: {guard}");
            }
        }
    }

    [Fact]
    public void TheVersionGuardOfEveryStatementTakingAnExpectedVersionPassesOnlyTheVersionReadOrNone()
    {
        var versioned = Cypher.Names.Where(n => Cypher[n].Contains("@param expectedVersion", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(versioned);
        foreach (var statement in versioned)
        {
            var guard = CypherText.GuardMentioning(Cypher[statement], "= $expectedVersion");
            foreach (var expected in new long?[] { null, 2, 3, 4 })
            {
                var passes = CypherText.Evaluate(guard, new Dictionary<string, object?> { ["p.version"] = 3L, ["$expectedVersion"] = expected });
                Assert.True(passes == (expected is null or 3), $"{statement}: a profile at version 3 and an expected version {expected?.ToString() ?? "null"}: the guard says {passes}: {guard}");
            }
        }
    }

    [Fact]
    public void EveryStatementNamesEachColumnItReturns()
    {
        // The fake Query API answers with these names; a column that is an expression (not a plain name) would be a name
        // no C# reads, so every returned column is aliased or a plain variable.
        Assert.All(Cypher.Names, name => Assert.All(CypherText.ReturnColumns(Cypher[name]), column =>
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(column, @"^\w+$"), $"{name} returns a column named '{column}'; name it with AS.")));
        Assert.Equal(["value", "prunedThrough"], CypherText.ReturnColumns("MATCH (c) // RETURN x\nRETURN c.value AS value, coalesce(c.p, 0) AS prunedThrough ORDER BY value"));
        Assert.Equal(["total", "page"], CypherText.ReturnColumns("CALL () { MATCH (p) RETURN count(p) AS total }\nCALL () { RETURN collect(p {.*}) AS page }\nRETURN total, page"));
        Assert.Empty(CypherText.ReturnColumns("MATCH (p {id: $id}) SET p.returned = 'RETURN x'"));
    }

    [Fact]
    public async Task EveryOtherVersionedWriteChecksTheVersionItGotBackToo()
    {
        var none = CancellationToken.None;
        Func<Neo4jExpertiseStoreCall>[] writes =
        [
            () => s => s.ConfirmProfileAsync(PersonId, PersonId, Now, none),
            () => s => s.SetSkillAsync(PersonId, new SkillClaim(SkillId, SkillLevel.Expert, SkillEvidence.Project, 4), PersonId, Now, none),
            () => s => s.RemoveSkillAsync(PersonId, SkillId, PersonId, Now, none),
            () => s => s.HandOverLeadAsync(ProjectId, OtherId, ContributionRole.Member, new Viewer(PersonId, true, false), Now, none),
        ];
        foreach (var write in writes)
        {
            var server = new ScriptedQueryApi { Holding = true, JoinContributes = true };
            await write()(Connect(server)); // reports 4 after reading 3: written and committed
            Assert.True(Assert.Single(server.Transactions).Committed);

            var moved = new ScriptedQueryApi { Holding = true, JoinContributes = true, WrittenVersion = 5 };
            await Assert.ThrowsAsync<VersionConflictException>(() => write()(Connect(moved)));
            var transaction = Assert.Single(moved.Transactions);
            Assert.False(transaction.Committed);
            Assert.True(transaction.RolledBack);
        }
    }

    private delegate Task Neo4jExpertiseStoreCall(Api.Storage.Neo4j.Neo4jExpertiseStore store);
}
