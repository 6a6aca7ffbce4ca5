using System.Text.RegularExpressions;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>
/// The known network every contract test starts from (small, so the suite stays quick), and the answers the
/// contract expects, worked out from the snapshot rather than from any store.
/// </summary>
internal static partial class ContractNetwork
{
    public static readonly DateOnly AsOf = new(2026, 11, 1);

    private static readonly Lazy<NetworkSnapshot> Shared = new(() => Generate(seed: 17, people: 120));

    public static NetworkSnapshot Snapshot => Shared.Value;

    public static NetworkSnapshot Generate(int seed, int people) => new NetworkGenerator(seed, AsOf).Generate(people);

    /// <summary>The stores decide "current" against today's date: an employment without an end, or ending today or later.</summary>
    public static bool IsCurrent(Employment employment) =>
        employment.Until is null || employment.Until >= DateOnly.FromDateTime(DateTime.UtcNow);

    public static HashSet<Guid> VisibleTo(this NetworkSnapshot network, Viewer viewer) =>
        [.. network.People.Where(p => viewer.CanSee(p.Id, p.Visibility)).Select(p => p.Id)];

    /// <summary>
    /// People whose name, headline, bio or held skills' names and aliases have a word starting with the prefix:
    /// a term matches the start of a word, case-insensitively.
    /// </summary>
    public static HashSet<Guid> TextMatches(this NetworkSnapshot network, string prefix)
    {
        var skillText = network.Skills.ToDictionary(s => s.Id, s => string.Join(' ', [s.Name, .. s.Aliases]));
        var skillsByPerson = network.PersonSkills.ToLookup(s => s.PersonId, s => skillText[s.SkillId]);
        return [.. network.People
            .Where(p => Words().Split(string.Join(' ', [p.DisplayName, p.Headline, p.Bio, .. skillsByPerson[p.Id]]))
                .Any(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Id)];
    }

    public static Skill Skill(this NetworkSnapshot network, string key) => network.Skills.Single(s => s.Key == key);

    /// <summary>Endorsements of the holding and contributions of its holder to projects that used the skill.</summary>
    public static (int Endorsements, int ProjectEvidence) Backing(this NetworkSnapshot network, Guid personId, Guid skillId) =>
        (network.Endorsements.Count(e => e.EndorseeId == personId && e.SkillId == skillId),
         network.Contributions.Count(c => c.PersonId == personId && network.ProjectMethods.Contains((c.ProjectId, skillId))));

    /// <summary>
    /// The name order of lists: case-insensitive (ASCII lower-cased, compared ordinally), then the id's text.
    /// Both stores can state this exactly (SQLite COLLATE NOCASE, Cypher toLower).
    /// </summary>
    public static (string, string) NameOrder(string name, Guid id) => (name.ToLowerInvariant(), id.ToString("D"));

    /// <summary>Skill names order case-insensitively, as lists do (they are unique regardless of case).</summary>
    public static readonly IComparer<string> CaseInsensitive = Comparer<string>.Create(
        (a, b) => string.CompareOrdinal(a.ToLowerInvariant(), b.ToLowerInvariant()));

    public static readonly IComparer<(string, string)> Ordinal = Comparer<(string, string)>.Create(
        (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var first and not 0 ? first : string.CompareOrdinal(a.Item2, b.Item2));

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Words();
}
