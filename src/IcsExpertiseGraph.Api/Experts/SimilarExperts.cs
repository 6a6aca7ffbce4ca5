using System.Globalization;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
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
            throw new NotFoundException("personId", "There is no person with that id that you may see.");
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
        var targetSkillNorm = Norm(targetSkills.Values);
        var targetDomainNorm = Norm(targetDomains.Values);

        // Score everyone with plain loops; reasons are written only for the few returned.
        var scored = new List<(ExpertCandidate Candidate, double Score, double Evidence)>(candidates.Count);
        Span<double> domains = stackalloc double[Enum.GetValues<QualityDomain>().Length];
        foreach (var candidate in candidates)
        {
            if (candidate.PersonId == personId)
            {
                continue;
            }

            domains.Clear();
            double dot = 0, norm = 0, evidence = 0;
            foreach (var holding in candidate.Skills)
            {
                var level = ExpertRanker.LevelValue(holding.Level);
                norm += level * level;
                if (taxonomy.Find(holding.SkillId) is { } skill)
                {
                    domains[(int)skill.Domain] += level;
                }

                if (targetSkills.TryGetValue(holding.SkillId, out var theirs))
                {
                    dot += level * theirs;
                    evidence += ExpertRanker.EvidenceValue(holding.Evidence) + (holding.Verified ? 1 : 0) + (Math.Min(holding.Endorsements, 8) / 8.0);
                }
            }

            double domainDot = 0, domainNorm = 0;
            for (var d = 0; d < domains.Length; d++)
            {
                domainDot += domains[d] * targetDomains.GetValueOrDefault((QualityDomain)d);
                domainNorm += domains[d] * domains[d];
            }

            var score = ExpertRanker.Round(SkillWeight * Cosine(dot, targetSkillNorm, Math.Sqrt(norm)))
                + ExpertRanker.Round(DomainWeight * Cosine(domainDot, targetDomainNorm, Math.Sqrt(domainNorm)));
            scored.Add((candidate, ExpertRanker.Round(score), evidence));
        }

        return [.. scored
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Evidence)
            .ThenBy(s => s.Candidate.PersonId)
            .Take(first)
            .Select(s => Explain(s.Candidate, targetSkills, targetDomains, targetSkillNorm, targetDomainNorm, taxonomy))];
    }

    /// <summary>The same arithmetic as the scoring loop, with the shared skills and domains written out.</summary>
    private static ExpertMatch Explain(
        ExpertCandidate other, Dictionary<Guid, double> targetSkills, Dictionary<QualityDomain, double> targetDomains,
        double targetSkillNorm, double targetDomainNorm, SkillTaxonomy taxonomy)
    {
        var theirSkills = Vector(other.Skills);
        var theirDomains = Domains(other.Skills, taxonomy);
        var skills = ExpertRanker.Round(SkillWeight * Cosine(theirSkills.Sum(p => p.Value * targetSkills.GetValueOrDefault(p.Key)), targetSkillNorm, Norm(theirSkills.Values)));
        var domains = ExpertRanker.Round(DomainWeight * Cosine(theirDomains.Sum(p => p.Value * targetDomains.GetValueOrDefault(p.Key)), targetDomainNorm, Norm(theirDomains.Values)));
        var common = other.Skills.Where(s => targetSkills.ContainsKey(s.SkillId)).OrderByDescending(s => s.Strength).ToList();
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
                theirDomains.Keys.Where(targetDomains.ContainsKey).Select(d => EnumText.Name(d))), domains));
        }

        var matched = common.Select(s => new MatchedSkill(s.SkillId, s.Level, s.Verified, s.Evidence, null)).ToList();
        return new ExpertMatch(other.PersonId, ExpertRanker.Round(skills + domains), matched, reasons);
    }

    private static Dictionary<Guid, double> Vector(IReadOnlyList<CandidateSkill> skills) =>
        skills.GroupBy(s => s.SkillId).ToDictionary(g => g.Key, g => g.Max(s => ExpertRanker.LevelValue(s.Level)));

    private static Dictionary<QualityDomain, double> Domains(IReadOnlyList<CandidateSkill> skills, SkillTaxonomy taxonomy) =>
        skills.Select(s => (Skill: taxonomy.Find(s.SkillId), s.Level)).Where(s => s.Skill is not null)
            .GroupBy(s => s.Skill!.Domain).ToDictionary(g => g.Key, g => g.Sum(s => ExpertRanker.LevelValue(s.Level)));

    private static double Norm(IEnumerable<double> values) => Math.Sqrt(values.Sum(v => v * v));

    private static double Cosine(double dot, double normA, double normB) => normA == 0 || normB == 0 ? 0 : dot / (normA * normB);
}
