using System.Globalization;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>The signals a score is made of, each reported as a reason with its contribution.</summary>
public enum ScoreSignal
{
    Text,
    SkillLevel,
    Evidence,
    Verification,
    Endorsements,
    ProjectEvidence,
    Freshness,
    Availability,

    /// <summary>similarExperts: overlap of the two people's skills, weighted by level.</summary>
    SharedSkills,

    /// <summary>similarExperts: overlap of the quality domains the two people work in.</summary>
    SharedDomains,
}

public sealed record ScoreReason(ScoreSignal Signal, string Detail, double Contribution);

/// <summary>The holding that answered one concept; ForSkillId is the asked-for skill when a narrower one answered it.</summary>
public sealed record MatchedSkill(Guid SkillId, SkillLevel Level, bool Verified, SkillEvidence? Evidence, Guid? ForSkillId);

/// <summary>A scored person, with the skills that matched and reasons whose contributions add up to the score.</summary>
public sealed record ExpertMatch(Guid PersonId, double Score, IReadOnlyList<MatchedSkill> MatchedSkills, IReadOnlyList<ScoreReason> Explanation);

public sealed record RankedCandidate(ExpertCandidate Candidate, double Score, double EvidenceStrength);

/// <summary>
/// The one store-independent ranking. Each signal is a number in 0..1 times its weight; contributions are
/// rounded to four places and the score is their sum, so an explanation always adds up. Concepts are what
/// the searcher asked for (skills named in the query or the filter, or domains); each is answered by the
/// person's strongest holding of it or of anything narrower. With no concepts the person's three strongest
/// holdings stand in, so an empty search ranks everyone by the depth and evidence of their expertise.
/// Ties break on evidence strength, then on the person's id.
/// </summary>
public sealed class ExpertRanker(SkillTaxonomy taxonomy, IReadOnlyList<Concept> concepts, DateTimeOffset now)
{
    /// <summary>Weights, in one place. Skill depth dominates; everything else refines the order.</summary>
    private static class Weights
    {
        /// <summary>How well the typed words match name, headline, bio and skill names (0..1 from the index).</summary>
        public const double Text = 1.0;

        /// <summary>Mean depth over the concepts asked for: awareness 0.25, practitioner 0.5, expert 0.8, coach 1.</summary>
        public const double SkillLevel = 3.0;

        /// <summary>What backs each claim: credential or publication 1, project 0.7, training 0.4, none 0.</summary>
        public const double Evidence = 0.6;

        /// <summary>Share of the matched claims a network manager has verified.</summary>
        public const double Verification = 0.4;

        /// <summary>Colleagues' endorsements of the matched skills; eight or more count fully (log scale).</summary>
        public const double Endorsements = 0.4;

        /// <summary>Projects the person worked on that used the matched skill; three or more count fully.</summary>
        public const double ProjectEvidence = 0.5;

        /// <summary>A profile confirmed today counts fully, halving every year since.</summary>
        public const double Freshness = 0.3;

        /// <summary>Open 1, limited 0.6, not available 0.</summary>
        public const double Availability = 0.3;

        /// <summary>Willing to help organisations other than their own.</summary>
        public const double OpenToCrossOrganisation = 0.1;

        /// <summary>A narrower skill answers a broader request (value stream mapping for Lean) at 90%.</summary>
        public const double NarrowerMatch = 0.9;

        public const int ProfileSkills = 3;
    }

    private const int SignalCount = 8;

    /// <summary>For each skill, which concepts (as bits) it answers: one lookup per holding, however many concepts.</summary>
    private readonly Dictionary<Guid, ulong> answers = ConceptBits(concepts);

    private static Dictionary<Guid, ulong> ConceptBits(IReadOnlyList<Concept> concepts)
    {
        var bits = new Dictionary<Guid, ulong>();
        for (var c = 0; c < concepts.Count && c < 64; c++)
        {
            foreach (var skill in concepts[c].SkillIds)
            {
                bits[skill] = bits.GetValueOrDefault(skill) | (1UL << c);
            }
        }

        return bits;
    }

    public IReadOnlyList<Concept> Concepts => concepts;

    /// <summary>Scores every candidate; best first.</summary>
    public IReadOnlyList<RankedCandidate> Rank(IReadOnlyList<ExpertCandidate> candidates)
    {
        var ranked = new RankedCandidate[candidates.Count];
        Span<double> contributions = stackalloc double[SignalCount];
        for (var i = 0; i < candidates.Count; i++)
        {
            Assess(candidates[i], contributions, null);
            ranked[i] = new RankedCandidate(candidates[i], Sum(contributions),
                contributions[(int)ScoreSignal.Evidence] + contributions[(int)ScoreSignal.Verification]
                + contributions[(int)ScoreSignal.Endorsements] + contributions[(int)ScoreSignal.ProjectEvidence]);
        }

        // Score and evidence are four-decimal numbers, so one integer key orders by both; equal keys then go by id.
        var keys = new long[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            keys[i] = -((long)Math.Round(ranked[i].Score * 10_000) * 1_000_000 + (long)Math.Round(ranked[i].EvidenceStrength * 10_000));
        }

        Array.Sort(keys, ranked);
        for (var start = 0; start < ranked.Length;)
        {
            var end = start + 1;
            while (end < ranked.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(ranked, start, end - start, ById.Instance);
            }

            start = end;
        }

        return ranked;
    }

    /// <summary>The same assessment as <see cref="Rank"/>, with the matched skills and a reason for each signal that counted.</summary>
    public ExpertMatch Explain(ExpertCandidate candidate)
    {
        var contributions = new double[SignalCount];
        var answers = new List<(Concept? Concept, CandidateSkill? Holding)>();
        Assess(candidate, contributions, answers);
        var held = answers.Where(a => a.Holding is not null).Select(a => (a.Concept, Holding: a.Holding!)).ToList();

        var reasons = new List<ScoreReason>();
        void Add(ScoreSignal signal, string detail)
        {
            if (contributions[(int)signal] != 0)
            {
                reasons.Add(new ScoreReason(signal, detail, contributions[(int)signal]));
            }
        }

        Add(ScoreSignal.Text, "The words searched for appear in their name, headline, bio or skills.");
        Add(ScoreSignal.SkillLevel, string.Join("; ", answers.Select(a => a.Holding is null
            ? $"{a.Concept!.Label}: not held"
            : $"{a.Concept?.Label ?? Name(a.Holding.SkillId)}: {EnumText.Name(a.Holding.Level)}{Via(a.Concept, a.Holding)}")));
        Add(ScoreSignal.Evidence, string.Join("; ", held.Where(h => h.Holding.Evidence is not null)
            .Select(h => $"{EnumText.Name(h.Holding.Evidence!.Value).ToLowerInvariant()} for {Name(h.Holding.SkillId)}")));
        Add(ScoreSignal.Verification, "Verified by a network manager: " + string.Join(", ", held.Where(h => h.Holding.Verified).Select(h => Name(h.Holding.SkillId))));
        Add(ScoreSignal.Endorsements, string.Join("; ", held.Where(h => h.Holding.Endorsements > 0)
            .Select(h => Plural(h.Holding.Endorsements, "endorsement") + " for " + Name(h.Holding.SkillId))));
        Add(ScoreSignal.ProjectEvidence, string.Join("; ", held.Where(h => h.Holding.ProjectEvidence > 0)
            .Select(h => Plural(h.Holding.ProjectEvidence, "project") + " used " + Name(h.Holding.SkillId))));
        Add(ScoreSignal.Freshness, candidate.LastConfirmedAt is { } confirmed
            ? $"Profile confirmed {Plural(Math.Max(0, (int)(now - confirmed).TotalDays), "day")} ago."
            : "Profile never confirmed.");
        Add(ScoreSignal.Availability, $"Availability {EnumText.Name(candidate.Availability)}"
            + (candidate.OpenToCrossOrganisation ? ", open to work with other organisations." : "."));

        var matched = held.Select(h => new MatchedSkill(h.Holding.SkillId, h.Holding.Level, h.Holding.Verified, h.Holding.Evidence,
            h.Concept is { } c && !c.IsRoot(h.Holding.SkillId) && c.Roots.Count == 1 ? c.Roots[0].Id : null))
            .DistinctBy(m => m.SkillId).ToList();
        return new ExpertMatch(candidate.PersonId, Sum(contributions), matched, reasons);
    }

    private void Assess(ExpertCandidate candidate, Span<double> contributions, List<(Concept?, CandidateSkill?)>? answers)
    {
        double level = 0, evidence = 0, verified = 0, endorsements = 0, projects = 0;
        var count = 0;
        if (concepts.Count > 0)
        {
            Span<int> strongest = stackalloc int[Math.Min(concepts.Count, 64)];
            strongest.Fill(-1);
            var skills = candidate.Skills;
            for (var h = 0; h < skills.Count; h++)
            {
                if (!this.answers.TryGetValue(skills[h].SkillId, out var bits))
                {
                    continue;
                }

                for (var c = 0; c < strongest.Length; c++)
                {
                    if ((bits & (1UL << c)) != 0 && (strongest[c] < 0 || Stronger(skills[h], skills[strongest[c]])))
                    {
                        strongest[c] = h;
                    }
                }
            }

            for (var c = 0; c < strongest.Length; c++)
            {
                var concept = concepts[c];
                var best = strongest[c] < 0 ? null : skills[strongest[c]];
                answers?.Add((concept, best));
                count++;
                if (best is not null)
                {
                    var narrower = concept.Source is not (ConceptSource.Word or ConceptSource.Domain) && !concept.IsRoot(best.SkillId);
                    level += LevelValue(best.Level) * (narrower ? Weights.NarrowerMatch : 1);
                    Accumulate(best, ref evidence, ref verified, ref endorsements, ref projects);
                }
            }
        }
        else
        {
            // The strongest few holdings, picked without sorting: this runs for everyone on an empty search.
            Span<int> top = stackalloc int[Weights.ProfileSkills];
            var taken = 0;
            var skills = candidate.Skills;
            for (var h = 0; h < skills.Count; h++)
            {
                var at = taken < top.Length ? taken++ : top.Length;
                while (at > 0 && Stronger(skills[h], skills[top[at - 1]]))
                {
                    if (at < top.Length)
                    {
                        top[at] = top[at - 1];
                    }

                    at--;
                }

                if (at < top.Length)
                {
                    top[at] = h;
                }
            }

            foreach (var h in top[..taken])
            {
                var holding = skills[h];
                answers?.Add((null, holding));
                count++;
                level += LevelValue(holding.Level);
                Accumulate(holding, ref evidence, ref verified, ref endorsements, ref projects);
            }
        }

        var mean = count == 0 ? 0 : 1.0 / count;
        contributions[(int)ScoreSignal.Text] = Round(Weights.Text * candidate.TextRelevance);
        contributions[(int)ScoreSignal.SkillLevel] = Round(Weights.SkillLevel * level * mean);
        contributions[(int)ScoreSignal.Evidence] = Round(Weights.Evidence * evidence * mean);
        contributions[(int)ScoreSignal.Verification] = Round(Weights.Verification * verified * mean);
        contributions[(int)ScoreSignal.Endorsements] = Round(Weights.Endorsements * endorsements * mean);
        contributions[(int)ScoreSignal.ProjectEvidence] = Round(Weights.ProjectEvidence * projects * mean);
        contributions[(int)ScoreSignal.Freshness] = Round(candidate.LastConfirmedAt is { } confirmed
            ? Weights.Freshness * Math.Pow(0.5, Math.Max(0, (now - confirmed).TotalDays) / 365.0)
            : 0);
        contributions[(int)ScoreSignal.Availability] = Round(
            (Weights.Availability * candidate.Availability switch { AvailabilityStatus.Open => 1.0, AvailabilityStatus.Limited => 0.6, _ => 0 })
            + (candidate.OpenToCrossOrganisation ? Weights.OpenToCrossOrganisation : 0));
    }

    private static void Accumulate(CandidateSkill holding, ref double evidence, ref double verified, ref double endorsements, ref double projects)
    {
        evidence += EvidenceValue(holding.Evidence);
        verified += holding.Verified ? 1 : 0;
        endorsements += Math.Min(1, Math.Log2(1 + holding.Endorsements) / Math.Log2(9));
        projects += Math.Min(1, holding.ProjectEvidence / 3.0);
    }

    internal static CandidateSkill? Strongest(IReadOnlyList<CandidateSkill> holdings, IReadOnlySet<Guid> wanted)
    {
        CandidateSkill? best = null;
        for (var i = 0; i < holdings.Count; i++)
        {
            if (wanted.Contains(holdings[i].SkillId) && (best is null || Stronger(holdings[i], best)))
            {
                best = holdings[i];
            }
        }

        return best;
    }

    /// <summary>The stronger claim; equal ones go by skill id, so the choice never depends on order.</summary>
    private static bool Stronger(CandidateSkill a, CandidateSkill b) =>
        a.Strength > b.Strength || (a.Strength == b.Strength && a.SkillId.CompareTo(b.SkillId) < 0);

    private sealed class ById : IComparer<RankedCandidate>
    {
        public static readonly ById Instance = new();

        public int Compare(RankedCandidate? x, RankedCandidate? y) => x!.Candidate.PersonId.CompareTo(y!.Candidate.PersonId);
    }

    internal static double LevelValue(SkillLevel level) => level switch
    {
        SkillLevel.Coach => 1.0,
        SkillLevel.Expert => 0.8,
        SkillLevel.Practitioner => 0.5,
        _ => 0.25,
    };

    internal static double EvidenceValue(SkillEvidence? evidence) => evidence switch
    {
        SkillEvidence.Credential or SkillEvidence.Publication => 1.0,
        SkillEvidence.Project => 0.7,
        SkillEvidence.Training => 0.4,
        _ => 0,
    };

    internal static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static double Sum(ReadOnlySpan<double> contributions)
    {
        var sum = 0.0;
        foreach (var c in contributions)
        {
            sum += c;
        }

        return Round(sum);
    }

    private string Name(Guid skillId) => taxonomy.Find(skillId)?.Name ?? "a skill";

    private string Via(Concept? concept, CandidateSkill holding) =>
        concept is null || concept.IsRoot(holding.SkillId) ? "" : $" (as {Name(holding.SkillId)})";

    private static string Plural(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
