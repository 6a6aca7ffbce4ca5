using System.Globalization;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

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
    private readonly Dictionary<Guid, ulong> answers = ConceptBits(concepts, (concept, _) => true);

    /// <summary>For each skill, the concepts that name it (rather than a broader skill it is narrower than).</summary>
    private readonly Dictionary<Guid, ulong> roots = ConceptBits(concepts, (concept, skill) => concept.IsRoot(skill));

    private static Dictionary<Guid, ulong> ConceptBits(IReadOnlyList<Concept> concepts, Func<Concept, Guid, bool> counts)
    {
        var bits = new Dictionary<Guid, ulong>();
        for (var c = 0; c < concepts.Count && c < 64; c++)
        {
            foreach (var skill in concepts[c].SkillIds.Where(skill => counts(concepts[c], skill)))
            {
                bits[skill] = bits.GetValueOrDefault(skill) | (1UL << c);
            }
        }

        return bits;
    }

    public IReadOnlyList<Concept> Concepts => concepts;

    /// <summary>
    /// The concepts (as bits) that place people, by how many of them they meet: the skills the query names; when it
    /// names none, the filter's skills and domains. A filter narrows a search that names skills, it adds no need of its own.
    /// </summary>
    public ulong TierMask { get; } = TierBits(concepts);

    private static ulong TierBits(IReadOnlyList<Concept> concepts)
    {
        ulong named = 0, all = 0;
        for (var c = 0; c < concepts.Count && c < 64; c++)
        {
            all |= 1UL << c;
            if (concepts[c].Source is not (ConceptSource.Filter or ConceptSource.Domain))
            {
                named |= 1UL << c;
            }
        }

        return named != 0 ? named : all;
    }

    /// <summary>The skills that answer at least one concept (any other skill's bits are zero).</summary>
    public IEnumerable<Guid> AnsweringSkills => answers.Keys;

    /// <summary>The concepts (as bits) a skill answers.</summary>
    public ulong AnswerBits(Guid skillId) => answers.GetValueOrDefault(skillId);

    /// <summary>The concepts (as bits) that name a skill itself.</summary>
    public ulong RootBits(Guid skillId) => roots.GetValueOrDefault(skillId);

    /// <summary>How many concepts the holdings meet, each by a distinct skill, and how many of those by the skill named.</summary>
    public (int Met, int Explicit) Coverage(IReadOnlyList<CandidateSkill> holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        Span<ulong> answerBits = holdings.Count <= 64 ? stackalloc ulong[holdings.Count] : new ulong[holdings.Count];
        Span<ulong> rootBits = holdings.Count <= 64 ? stackalloc ulong[holdings.Count] : new ulong[holdings.Count];
        for (var h = 0; h < holdings.Count; h++)
        {
            answerBits[h] = AnswerBits(holdings[h].SkillId) & TierMask;
            rootBits[h] = RootBits(holdings[h].SkillId) & TierMask;
        }

        return ConceptCoverage.Count(answerBits, rootBits);
    }

    /// <summary>
    /// Scores and orders every candidate (the store's path; the in-memory index scores only the best groups). Without
    /// the index the store cannot say whose name the query is, so nobody is put first for their name.
    /// </summary>
    public IReadOnlyList<RankedCandidate> Rank(IReadOnlyList<ExpertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ranked = new RankedCandidate[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var (met, named) = Coverage(candidates[i].Skills);
            ranked[i] = Score(candidates[i], GroupOf(met, candidates[i].TextRelevance > 0, nameMatch: false), met, named);
        }

        Array.Sort(ranked, RankedCandidate.Order);
        return ranked;
    }

    /// <summary>The group of someone who meets <paramref name="met"/> concepts and whose text did or did not match.</summary>
    public SearchGroup GroupOf(int met, bool textMatched, bool nameMatch) =>
        nameMatch ? SearchGroup.Name
        : met > 0 ? SearchGroup.Skills
        : textMatched || concepts.Count > 0 ? SearchGroup.Words
        : SearchGroup.Everyone;

    /// <summary>One candidate scored, in its place.</summary>
    public RankedCandidate Score(ExpertCandidate candidate, SearchGroup group, int met, int named)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        Span<double> contributions = stackalloc double[SignalCount];
        Assess(candidate, contributions, null);
        return new RankedCandidate(candidate, Sum(contributions),
            Round(contributions[(int)ScoreSignal.Evidence] + contributions[(int)ScoreSignal.Verification]
            + contributions[(int)ScoreSignal.Endorsements] + contributions[(int)ScoreSignal.ProjectEvidence]), group, met, named);
    }

    /// <summary>The same assessment as <see cref="Rank"/>, with the matched skills and a reason for each signal that counted.</summary>
    public ExpertMatch Explain(ExpertCandidate candidate, string? textDetail = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        Span<double> contributions = stackalloc double[SignalCount];
        var answers = new List<(Concept? Concept, CandidateSkill? Holding)>(Math.Max(concepts.Count, Weights.ProfileSkills));
        Assess(candidate, contributions, answers);
        var held = new List<(Concept? Concept, CandidateSkill Holding)>(answers.Count);
        foreach (var (concept, holding) in answers)
        {
            if (holding is not null)
            {
                held.Add((concept, holding));
            }
        }

        // A reason is written out only for a signal that contributed: most hits have no endorsements, some no evidence. The
        // details are written into one reused builder: a page of twenty hits would otherwise make hundreds of little strings.
        var reasons = new List<ScoreReason>(SignalCount);
        var text = Details.Value!;
        if (contributions[(int)ScoreSignal.Text] != 0)
        {
            reasons.Add(new ScoreReason(ScoreSignal.Text, textDetail ?? "The words searched for appear in their name, headline, bio or skills.",
                contributions[(int)ScoreSignal.Text]));
        }

        if (contributions[(int)ScoreSignal.SkillLevel] != 0)
        {
            text.Clear();
            foreach (var (concept, holding) in answers)
            {
                Separate(text, "; ");
                if (holding is null)
                {
                    text.Append(concept!.Label).Append(": not held");
                }
                else
                {
                    text.Append(concept?.Label ?? Name(holding.SkillId)).Append(": ").Append(EnumText.Name(holding.Level));
                    if (concept is not null && !concept.IsRoot(holding.SkillId))
                    {
                        text.Append(" (as ").Append(Name(holding.SkillId)).Append(')');
                    }
                }
            }

            reasons.Add(new ScoreReason(ScoreSignal.SkillLevel, text.ToString(), contributions[(int)ScoreSignal.SkillLevel]));
        }

        if (contributions[(int)ScoreSignal.Evidence] != 0)
        {
            text.Clear();
            foreach (var (_, holding) in held)
            {
                if (holding.Evidence is { } evidence)
                {
                    Separate(text, "; ");
                    text.Append(EvidenceWords[evidence]).Append(" for ").Append(Name(holding.SkillId));
                }
            }

            reasons.Add(new ScoreReason(ScoreSignal.Evidence, text.ToString(), contributions[(int)ScoreSignal.Evidence]));
        }

        if (contributions[(int)ScoreSignal.Verification] != 0)
        {
            text.Clear();
            foreach (var (_, holding) in held)
            {
                if (holding.Verified)
                {
                    Separate(text, ", ");
                    text.Append(Name(holding.SkillId));
                }
            }

            text.Insert(0, "Verified by a network manager: ");
            reasons.Add(new ScoreReason(ScoreSignal.Verification, text.ToString(), contributions[(int)ScoreSignal.Verification]));
        }

        if (contributions[(int)ScoreSignal.Endorsements] != 0)
        {
            reasons.Add(new ScoreReason(ScoreSignal.Endorsements, Counts(text, held, h => h.Endorsements, "endorsement", " for "),
                contributions[(int)ScoreSignal.Endorsements]));
        }

        if (contributions[(int)ScoreSignal.ProjectEvidence] != 0)
        {
            reasons.Add(new ScoreReason(ScoreSignal.ProjectEvidence, Counts(text, held, h => h.ProjectEvidence, "project", " used "),
                contributions[(int)ScoreSignal.ProjectEvidence]));
        }

        // Freshness counts only for a profile confirmed at some time (never confirmed adds nothing, so has no reason).
        if (contributions[(int)ScoreSignal.Freshness] != 0 && candidate.LastConfirmedAt is { } confirmed)
        {
            Plural(text.Clear().Append("Profile confirmed "), Math.Max(0, (int)(now - confirmed).TotalDays), "day").Append(" ago.");
            reasons.Add(new ScoreReason(ScoreSignal.Freshness, text.ToString(), contributions[(int)ScoreSignal.Freshness]));
        }

        if (contributions[(int)ScoreSignal.Availability] != 0)
        {
            text.Clear().Append("Availability ").Append(EnumText.Name(candidate.Availability))
                .Append(candidate.OpenToCrossOrganisation ? ", open to work with other organisations." : ".");
            reasons.Add(new ScoreReason(ScoreSignal.Availability, text.ToString(), contributions[(int)ScoreSignal.Availability]));
        }

        // Each skill once, as the first concept it answered has it.
        var matched = new List<MatchedSkill>(held.Count);
        foreach (var (concept, holding) in held)
        {
            if (!Lists(matched, holding.SkillId))
            {
                matched.Add(new MatchedSkill(holding.SkillId, holding.Level, holding.Verified, holding.Evidence,
                    concept is { } c && !c.IsRoot(holding.SkillId) && c.Roots.Count == 1 ? c.Roots[0].Id : null));
            }
        }

        return new ExpertMatch(candidate.PersonId, Sum(contributions), matched, reasons);
    }

    /// <summary>One builder per thread for the explanations' details.</summary>
    private static readonly ThreadLocal<System.Text.StringBuilder> Details = new(() => new System.Text.StringBuilder(256));

    /// <summary>Each kind of evidence as the explanations write it ("credential for Lean").</summary>
    private static readonly System.Collections.Frozen.FrozenDictionary<SkillEvidence, string> EvidenceWords =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<SkillEvidence>(), e => e, e => EnumText.Name(e).ToLowerInvariant());

    /// <summary>"3 endorsements for Lean; 1 endorsement for SPC": each held skill with a count above zero.</summary>
    private string Counts(System.Text.StringBuilder text, List<(Concept? Concept, CandidateSkill Holding)> held, Func<CandidateSkill, int> count, string noun, string link)
    {
        text.Clear();
        foreach (var (_, holding) in held)
        {
            if (count(holding) is > 0 and var n)
            {
                Separate(text, "; ");
                Plural(text, n, noun).Append(link).Append(Name(holding.SkillId));
            }
        }

        return text.ToString();
    }

    private static bool Lists(List<MatchedSkill> matched, Guid skillId)
    {
        foreach (var m in matched)
        {
            if (m.SkillId == skillId)
            {
                return true;
            }
        }

        return false;
    }

    private static void Separate(System.Text.StringBuilder text, string separator)
    {
        if (text.Length > 0)
        {
            text.Append(separator);
        }
    }

    private void Assess(ExpertCandidate candidate, Span<double> contributions, List<(Concept?, CandidateSkill?)>? answers)
    {
        var skills = candidate.Skills;
        Span<ulong> answerBits = skills.Count <= 64 ? stackalloc ulong[skills.Count] : new ulong[skills.Count];
        Span<ulong> rootBits = skills.Count <= 64 ? stackalloc ulong[skills.Count] : new ulong[skills.Count];
        for (var h = 0; h < skills.Count; h++)
        {
            answerBits[h] = AnswerBits(skills[h].SkillId);
            rootBits[h] = RootBits(skills[h].SkillId);
        }

        Assess(new Facts(skills, answerBits, rootBits, candidate.TextRelevance, candidate.LastConfirmedAt, candidate.Availability, candidate.OpenToCrossOrganisation),
            contributions, answers);
    }

    /// <summary>
    /// What the score is made from: the holdings, with the concepts each answers and names as bits (worked out by the
    /// caller: the in-memory index from skill positions, without a lookup by id), and the person's own signals.
    /// </summary>
    public readonly ref struct Facts(
        IReadOnlyList<CandidateSkill> skills, ReadOnlySpan<ulong> answerBits, ReadOnlySpan<ulong> rootBits, double text,
        DateTimeOffset? confirmed, AvailabilityStatus availability, bool open)
    {
        public IReadOnlyList<CandidateSkill> Skills { get; } = skills;

        public ReadOnlySpan<ulong> AnswerBits { get; } = answerBits;

        public ReadOnlySpan<ulong> RootBits { get; } = rootBits;

        public double Text { get; } = text;

        public DateTimeOffset? Confirmed { get; } = confirmed;

        public AvailabilityStatus Availability { get; } = availability;

        public bool Open { get; } = open;
    }

    /// <summary>The score and evidence strength of someone described by <paramref name="facts"/>, exactly as <see cref="Score"/> works them out.</summary>
    public (double Score, double Evidence) ScoreOf(in Facts facts)
    {
        Span<double> contributions = stackalloc double[SignalCount];
        Assess(facts, contributions, null);
        return (Sum(contributions), Round(contributions[(int)ScoreSignal.Evidence] + contributions[(int)ScoreSignal.Verification]
            + contributions[(int)ScoreSignal.Endorsements] + contributions[(int)ScoreSignal.ProjectEvidence]));
    }

    private void Assess(in Facts facts, Span<double> contributions, List<(Concept?, CandidateSkill?)>? answers)
    {
        double level = 0, evidence = 0, verified = 0, endorsements = 0, projects = 0;
        var count = 0;
        if (concepts.Count > 0)
        {
            Span<int> strongest = stackalloc int[Math.Min(concepts.Count, 64)];
            strongest.Fill(-1);
            var skills = facts.Skills;
            for (var h = 0; h < skills.Count; h++)
            {
                var bits = facts.AnswerBits[h];
                if (bits == 0)
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
                    var narrower = concept.Source is not (ConceptSource.Word or ConceptSource.Domain) && (facts.RootBits[strongest[c]] & (1UL << c)) == 0;
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
            var skills = facts.Skills;
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
        contributions[(int)ScoreSignal.Text] = Round(Weights.Text * facts.Text);
        contributions[(int)ScoreSignal.SkillLevel] = Round(Weights.SkillLevel * level * mean);
        contributions[(int)ScoreSignal.Evidence] = Round(Weights.Evidence * evidence * mean);
        contributions[(int)ScoreSignal.Verification] = Round(Weights.Verification * verified * mean);
        contributions[(int)ScoreSignal.Endorsements] = Round(Weights.Endorsements * endorsements * mean);
        contributions[(int)ScoreSignal.ProjectEvidence] = Round(Weights.ProjectEvidence * projects * mean);
        contributions[(int)ScoreSignal.Freshness] = Round(facts.Confirmed is { } confirmed
            ? Weights.Freshness * Math.Pow(0.5, Math.Max(0, (now - confirmed).TotalDays) / 365.0)
            : 0);
        contributions[(int)ScoreSignal.Availability] = Round(AvailabilityValue(facts.Availability, facts.Open));
    }

    private static double AvailabilityValue(AvailabilityStatus availability, bool open) =>
        (Weights.Availability * availability switch { AvailabilityStatus.Open => 1.0, AvailabilityStatus.Limited => 0.6, _ => 0 })
        + (open ? Weights.OpenToCrossOrganisation : 0);

    /// <summary>
    /// At most what one holding can add to a score (its level counted in full, as if asked for by name): a person's score
    /// is never above their best holding's bound plus what their own lasting signals and the text add
    /// (<see cref="StaticBound"/>, <see cref="TextBound"/>), which lets the index skip scoring people who cannot reach the page.
    /// </summary>
    public static double HoldingBound(CandidateSkill holding)
    {
        ArgumentNullException.ThrowIfNull(holding);
        double evidence = 0, verified = 0, endorsements = 0, projects = 0;
        Accumulate(holding, ref evidence, ref verified, ref endorsements, ref projects);
        return (Weights.SkillLevel * LevelValue(holding.Level)) + (Weights.Evidence * evidence) + (Weights.Verification * verified)
            + (Weights.Endorsements * endorsements) + (Weights.ProjectEvidence * projects);
    }

    /// <summary>
    /// The most a person's score can be without its text part, whatever is asked and whenever: their best holding, freshness
    /// at its full value, availability and openness, with a margin for rounding. Depends on the person alone, so the index
    /// works it out once when it takes the person in, not for every search.
    /// </summary>
    public static double StaticBound(IReadOnlyList<CandidateSkill> holdings, AvailabilityStatus availability, bool open)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        var best = 0.0;
        for (var h = 0; h < holdings.Count; h++)
        {
            best = Math.Max(best, HoldingBound(holdings[h]));
        }

        return AnsweringBound(best, availability != AvailabilityStatus.NotAvailable, open);
    }

    /// <summary>The most any one holding can add (<see cref="HoldingBound"/> of a verified coach with the strongest evidence).</summary>
    private const double MaxHoldingBound = Weights.SkillLevel + Weights.Evidence + Weights.Verification + Weights.Endorsements + Weights.ProjectEvidence;

    /// <summary>
    /// <see cref="HoldingBound"/> in a byte, rounded up (so <see cref="FromBoundByte"/> is never below it): small enough to
    /// keep beside each of a person's skill positions in the index.
    /// </summary>
    public static byte HoldingBoundByte(CandidateSkill holding) =>
        (byte)Math.Clamp(Math.Ceiling(HoldingBound(holding) / MaxHoldingBound * byte.MaxValue), 0, byte.MaxValue);

    /// <summary>The holding bound a <see cref="HoldingBoundByte"/> stands for: at least the exact one.</summary>
    public static double FromBoundByte(byte bound) => bound * (MaxHoldingBound / byte.MaxValue);

    /// <summary>
    /// A holding whose <see cref="HoldingBoundByte"/> is at least this is strong: it can add 3.0 or more of the 5.1 a holding
    /// can add (a coach, or an expert or practitioner with evidence behind the claim).
    /// The index keeps a column of each skill's strong holders, so a search can rank those first and pass over the rest
    /// while none of them can reach the page (<see cref="WeakBound"/>).
    /// </summary>
    public const byte StrongHoldingByte = 150;

    /// <summary>
    /// The most a person's score can be, without its text, when no holding of theirs that answers what is asked for is
    /// strong: <see cref="AnsweringBound(double, bool, bool)"/> of the strongest holding short of
    /// <see cref="StrongHoldingByte"/>, with availability and openness at their most.
    /// </summary>
    public static double WeakBound { get; } = AnsweringBound(FromBoundByte(StrongHoldingByte - 1), available: true, open: true);

    /// <summary>
    /// The most a person's score can be without its text when skills, domains or words standing for skills are asked for:
    /// each concept's part is what the person's strongest holding answering it adds, averaged over every concept asked, so
    /// no more than their strongest answering holding (<paramref name="bestAnswering"/>, from <see cref="HoldingBound"/>);
    /// freshness in full, availability and openness as in <see cref="StaticBound"/>, with the same margin for rounding.
    /// Far tighter than <see cref="StaticBound"/> for the many who hold something stronger that was not asked for.
    /// </summary>
    public static double AnsweringBound(double bestAnswering, bool available, bool open) =>
        bestAnswering + Weights.Freshness + (available ? Weights.Availability : 0) + (open ? Weights.OpenToCrossOrganisation : 0) + 0.001;

    /// <summary>A confirmation time as whole minutes since 1970, rounded up: what <see cref="AnsweringBound(ReadOnlySpan{byte}, AvailabilityStatus, bool, int)"/> reads.</summary>
    public static int ConfirmedMinute(DateTimeOffset? confirmed) => confirmed is { } at
        ? (int)Math.Clamp(Math.Ceiling((at - DateTimeOffset.UnixEpoch).TotalMinutes), int.MinValue + 1, int.MaxValue)
        : NeverConfirmed;

    /// <summary>The <see cref="ConfirmedMinute"/> of a profile never confirmed: freshness adds nothing.</summary>
    public const int NeverConfirmed = int.MinValue;

    /// <summary>How many concepts a score averages over (at most 64, one bit each).</summary>
    public int ConceptSlots => Math.Min(concepts.Count, 64);

    /// <summary>
    /// A bound on a person's score without its text for this search, tighter than
    /// <see cref="AnsweringBound(double, bool, bool)"/>: each concept's part at most its strongest answering holding
    /// (<paramref name="strongestByConcept"/>, a <see cref="HoldingBoundByte"/> per concept slot, 0 for a concept not met)
    /// and averaged over the concepts as the score is; availability and openness at the value the score gives them; freshness
    /// as of this search's moment for a confirmation at <paramref name="confirmedMinute"/> (rounded up, so the age is never
    /// overstated); the same margin for rounding. Between people whose strongest holdings are alike, the concepts they meet
    /// less well and these signals decide, so the looser bound sent most of them to be scored.
    /// </summary>
    public double AnsweringBound(ReadOnlySpan<byte> strongestByConcept, AvailabilityStatus availability, bool open, int confirmedMinute)
    {
        var sum = 0;
        foreach (var bound in strongestByConcept)
        {
            sum += bound;
        }

        var skills = strongestByConcept.IsEmpty ? 0 : sum * (MaxHoldingBound / byte.MaxValue) / strongestByConcept.Length;
        var freshness = confirmedMinute == NeverConfirmed
            ? 0
            : Weights.Freshness * Math.Pow(0.5, Math.Max(0, (now - DateTimeOffset.UnixEpoch).TotalMinutes - confirmedMinute) / MinutesAYear);
        return skills + freshness + AvailabilityValue(availability, open) + 0.001;
    }

    private const double MinutesAYear = 365.0 * 24 * 60;

    /// <summary>A ranker asked for nothing: it ranks by the strongest few holdings (<see cref="ProfileBound"/>).</summary>
    private static readonly ExpertRanker AskedForNothing = new(new SkillTaxonomy([]), [], DateTimeOffset.UnixEpoch);

    /// <summary>
    /// The most a person's score can be without its text when no skill or domain is asked for (free words, or nothing):
    /// then it is made from their strongest few holdings, availability and openness, worked out here exactly, and freshness,
    /// taken at its full value (it depends on the day), with a margin for rounding. Far tighter than
    /// <see cref="StaticBound"/> for such searches, so ranking their many word matches scores few of them.
    /// </summary>
    public static double ProfileBound(IReadOnlyList<CandidateSkill> holdings, AvailabilityStatus availability, bool open)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        var (score, _) = AskedForNothing.ScoreOf(new Facts(holdings, [], [], 0, null, availability, open));
        return score + Weights.Freshness + 0.001;
    }

    /// <summary>What a text relevance (0 to 1) adds to a score.</summary>
    public static double TextBound(double text) => Weights.Text * text;

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

    private static System.Text.StringBuilder Plural(System.Text.StringBuilder text, int n, string noun) =>
        text.Append(n.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(noun).Append(n == 1 ? "" : "s");
}
