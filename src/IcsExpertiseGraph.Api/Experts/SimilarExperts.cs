using System.Globalization;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQL;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// People whose skill profile is closest to someone's: cosine similarity of level-weighted skill vectors
/// (80%) and of quality-domain vectors (20%), over the visible people who share at least one skill.
/// Ties break on evidence, then id.
/// </summary>
public sealed class SimilarExperts(ExpertSearch search, IExpertiseStore store)
{
    /// <summary>Share of the score from exact skill overlap; the rest comes from working in the same domains.</summary>
    private const double SkillWeight = 0.8;
    private const double DomainWeight = 0.2;

    public async Task<IReadOnlyList<ExpertMatch>> FindAsync(Guid personId, int first, Viewer viewer, CancellationToken cancellationToken)
    {
        var taxonomy = await search.TaxonomyAsync(cancellationToken);
        if ((await store.GetPeopleAsync([personId], viewer, cancellationToken)).Count == 0)
        {
            throw new NotFoundError("personId", "There is no person with that id that you may see.");
        }

        var held = (await store.GetSkillsOfPeopleAsync([personId], cancellationToken)).GetValueOrDefault(personId) ?? [];
        var profile = held.Select(s => new CandidateSkill(s.SkillId, s.Level, s.Evidence, s.Verified, 0, 0)).ToList();
        var shared = profile.Select(s => s.SkillId).ToHashSet();
        if (shared.Count == 0)
        {
            return [];
        }

        var criteria = new ExpertCriteria([], shared, [], null, [], [], [], [], false, null);
        var (candidates, _) = await search.FindAsync(criteria, viewer, cancellationToken);
        var targetSkills = Vector(profile);
        var targetDomains = Domains(profile, taxonomy);
        return [.. candidates
            .Where(c => c.PersonId != personId)
            .Select(c => Compare(c, targetSkills, targetDomains, shared, taxonomy))
            .OrderByDescending(m => m.Match.Score)
            .ThenByDescending(m => m.Evidence)
            .ThenBy(m => m.Match.PersonId)
            .Take(first)
            .Select(m => m.Match)];
    }

    private static (ExpertMatch Match, double Evidence) Compare(
        ExpertCandidate other, Dictionary<Guid, double> targetSkills, Dictionary<QualityDomain, double> targetDomains, HashSet<Guid> shared, SkillTaxonomy taxonomy)
    {
        var skills = ExpertRanker.Round(SkillWeight * Cosine(targetSkills, Vector(other.Skills)));
        var domains = ExpertRanker.Round(DomainWeight * Cosine(targetDomains, Domains(other.Skills, taxonomy)));
        var common = other.Skills.Where(s => shared.Contains(s.SkillId)).OrderByDescending(s => s.Strength).ToList();
        var reasons = new List<ScoreReason>();
        if (skills > 0)
        {
            reasons.Add(new ScoreReason(ScoreSignal.SharedSkills,
                string.Create(CultureInfo.InvariantCulture, $"Shares {common.Count} skills: ") + string.Join(", ", common.Select(s => $"{taxonomy.Find(s.SkillId)?.Name} ({EnumText.Name(s.Level)})")),
                skills));
        }

        if (domains > 0)
        {
            reasons.Add(new ScoreReason(ScoreSignal.SharedDomains, "Works in the same quality domains: " + string.Join(", ",
                Domains(other.Skills, taxonomy).Keys.Where(targetDomains.ContainsKey).Select(d => EnumText.Name(d))), domains));
        }

        var matched = common.Select(s => new MatchedSkill(s.SkillId, s.Level, s.Verified, s.Evidence, null)).ToList();
        var evidence = common.Sum(s => ExpertRanker.EvidenceValue(s.Evidence) + (s.Verified ? 1 : 0) + Math.Min(s.Endorsements, 8) / 8.0);
        return (new ExpertMatch(other.PersonId, ExpertRanker.Round(skills + domains), matched, reasons), evidence);
    }

    private static Dictionary<Guid, double> Vector(IReadOnlyList<CandidateSkill> skills) =>
        skills.GroupBy(s => s.SkillId).ToDictionary(g => g.Key, g => g.Max(s => ExpertRanker.LevelValue(s.Level)));

    private static Dictionary<QualityDomain, double> Domains(IReadOnlyList<CandidateSkill> skills, SkillTaxonomy taxonomy) =>
        skills.Select(s => (Skill: taxonomy.Find(s.SkillId), s.Level)).Where(s => s.Skill is not null)
            .GroupBy(s => s.Skill!.Domain).ToDictionary(g => g.Key, g => g.Sum(s => ExpertRanker.LevelValue(s.Level)));

    private static double Cosine<TKey>(Dictionary<TKey, double> a, Dictionary<TKey, double> b) where TKey : notnull
    {
        var dot = a.Sum(p => b.TryGetValue(p.Key, out var v) ? p.Value * v : 0);
        var norms = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return norms == 0 ? 0 : dot / norms;
    }
}
