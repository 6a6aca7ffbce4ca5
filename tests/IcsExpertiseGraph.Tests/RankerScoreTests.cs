using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Storage;
using static IcsExpertiseGraph.Tests.ExplanationTests;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The numbers behind a search hit, worked out by hand from the weights the ranker documents (skill depth 3, evidence 0.6,
/// verification 0.4, endorsements 0.4 on a log scale, projects 0.5, freshness 0.3 halving yearly, availability 0.3,
/// openness 0.1, a narrower skill at 90%), and the places they give: which concepts a person meets, which group they are
/// in, which of their holdings answers. A reader sees every contribution under each hit, so each is checked to the
/// fourth place here. The skills are <see cref="ExplanationTests"/>' (Value stream mapping is narrower than Lean).
/// </summary>
public sealed class RankerScoreTests
{
    private static Concept Named(Skill skill, ConceptSource source = ConceptSource.Name) => Taxonomy.ConceptFor([skill], skill.Name, source);

    private static CandidateSkill Holding(Skill skill, SkillLevel level, SkillEvidence? evidence = null, bool verified = false, int endorsements = 0, int projects = 0) =>
        new(skill.Id, level, evidence, verified, endorsements, projects);

    private static ExpertCandidate Candidate(double text, IReadOnlyList<CandidateSkill> skills, DateTimeOffset? confirmed = null,
        AvailabilityStatus availability = AvailabilityStatus.NotAvailable, bool open = false) =>
        new(Guid.NewGuid(), text, skills, [], confirmed, availability, open);

    private static Dictionary<ScoreSignal, double> Contributions(ExpertMatch match) => match.Explanation.ToDictionary(r => r.Signal, r => r.Contribution);

    [Fact]
    public void EachContributionIsItsWeightTimesItsSignalAveragedOverTheConceptsAsked()
    {
        // Lean met through a narrower skill (90%), SPC met by name as the second concept; Kanban held but not asked for.
        var ranker = new ExpertRanker(Taxonomy, [Named(Lean), Named(Spc)], Now);
        var candidate = Candidate(0.5,
            [
                Holding(ValueStreams, SkillLevel.Expert, SkillEvidence.Credential, verified: true, endorsements: 1, projects: 1),
                Holding(Spc, SkillLevel.Practitioner, SkillEvidence.Training),
                Holding(Kanban, SkillLevel.Coach, SkillEvidence.Publication, verified: true, endorsements: 8, projects: 3),
            ],
            Now.AddDays(-365), AvailabilityStatus.Limited, open: true);

        var match = ranker.Explain(candidate);

        // Two concepts, so each signal is averaged over two: depth (0.8 x 0.9 + 0.5) / 2 x 3; evidence (1 + 0.4) / 2 x 0.6;
        // one verified of two x 0.4; one endorsement, log2(2) / log2(9) / 2 x 0.4; one project of three / 2 x 0.5;
        // a year old, half of 0.3; limited 0.6 x 0.3 and open 0.1; the text as the index gave it.
        var expected = new Dictionary<ScoreSignal, double>
        {
            [ScoreSignal.Text] = 0.5,
            [ScoreSignal.SkillLevel] = 1.83,
            [ScoreSignal.Evidence] = 0.42,
            [ScoreSignal.Verification] = 0.2,
            [ScoreSignal.Endorsements] = 0.0631,
            [ScoreSignal.ProjectEvidence] = 0.0833,
            [ScoreSignal.Freshness] = 0.15,
            [ScoreSignal.Availability] = 0.28,
        };
        Assert.Equal(expected, Contributions(match));
        Assert.Equal(3.5264, match.Score);
        // What backs the claims (evidence, verification, endorsements, projects) breaks ties between equal scores.
        var ranked = ranker.Score(candidate, SearchGroup.Skills, 2, 1);
        Assert.Equal((3.5264, 0.7664), (ranked.Score, ranked.EvidenceStrength));
        var skills = candidate.Skills;
        var facts = new ExpertRanker.Facts(skills, [.. skills.Select(s => ranker.AnswerBits(s.SkillId))], [.. skills.Select(s => ranker.RootBits(s.SkillId))],
            candidate.TextRelevance, candidate.LastConfirmedAt, candidate.Availability, candidate.OpenToCrossOrganisation);
        Assert.Equal((3.5264, 0.7664), ranker.ScoreOf(facts));
    }

    [Fact]
    public void ANarrowerSkillCountsInFullForAWordTypedButAtNinetyPercentForASkillNamed()
    {
        var holding = Holding(ValueStreams, SkillLevel.Expert);

        double Depth(ConceptSource source) => Contributions(new ExpertRanker(Taxonomy, [Named(Lean, source)], Now).Explain(Candidate(0, [holding])))[ScoreSignal.SkillLevel];

        Assert.Equal(2.16, Depth(ConceptSource.Name));
        Assert.Equal(2.16, Depth(ConceptSource.Filter));
        Assert.Equal(2.4, Depth(ConceptSource.Word));
        // Lean asked for by name and held as Lean itself counts in full.
        Assert.Equal(2.4, Contributions(new ExpertRanker(Taxonomy, [Named(Lean)], Now).Explain(Candidate(0, [Holding(Lean, SkillLevel.Expert)])))[ScoreSignal.SkillLevel]);
    }

    [Fact]
    public void AnEmptySearchAveragesTheStrongestThreeHoldingsWhateverOrderTheyComeIn()
    {
        var ranker = new ExpertRanker(Taxonomy, [], Now);
        // The strongest (coach, then the verified expert, then the practitioner) come last, first and in between.
        var candidate = Candidate(0,
            [
                Holding(Spc, SkillLevel.Practitioner, SkillEvidence.Credential),
                Holding(Kanban, SkillLevel.Awareness, SkillEvidence.Publication, verified: true),
                Holding(Lean, SkillLevel.Expert, SkillEvidence.Project, verified: true),
                Holding(Coaching, SkillLevel.Coach),
            ]);

        var match = ranker.Explain(candidate);

        Assert.Equal("Improvement coaching: COACH; Lean: EXPERT; Statistical process control: PRACTITIONER",
            match.Explanation.Single(r => r.Signal == ScoreSignal.SkillLevel).Detail);
        // Depth (1 + 0.8 + 0.5) / 3 x 3; evidence (0 + 0.7 + 1) / 3 x 0.6; one verified of three x 0.4.
        Assert.Equal(new Dictionary<ScoreSignal, double> { [ScoreSignal.SkillLevel] = 2.3, [ScoreSignal.Evidence] = 0.34, [ScoreSignal.Verification] = 0.1333 },
            Contributions(match));
    }

    [Fact]
    public void ThePersonsStrongestHoldingAnswersAConceptAndEqualOnesGoToTheLowestSkillIdInEitherOrder()
    {
        var ranker = new ExpertRanker(Taxonomy, [Named(Lean)], Now);

        // The first holding is the strongest: a weaker narrower one after it does not replace it.
        var first = ranker.Explain(Candidate(0, [Holding(Lean, SkillLevel.Coach), Holding(ValueStreams, SkillLevel.Awareness)]));
        Assert.Equal("Lean: COACH", first.Explanation.Single(r => r.Signal == ScoreSignal.SkillLevel).Detail);

        // Two equally strong claims answering Lean: the same one is chosen whichever comes first.
        var lower = Lean.Id.CompareTo(ValueStreams.Id) < 0 ? Lean.Id : ValueStreams.Id;
        CandidateSkill Equal(Skill skill) => Holding(skill, SkillLevel.Expert, SkillEvidence.Project, verified: true, endorsements: 2, projects: 1);
        Assert.Equal(lower, Assert.Single(ranker.Explain(Candidate(0, [Equal(Lean), Equal(ValueStreams)])).MatchedSkills).SkillId);
        Assert.Equal(lower, Assert.Single(ranker.Explain(Candidate(0, [Equal(ValueStreams), Equal(Lean)])).MatchedSkills).SkillId);
    }

    [Fact]
    public void ASkillAnsweringTwoConceptsIsListedOnceAmongTheMatchedSkills()
    {
        var ranker = new ExpertRanker(Taxonomy, [Named(Lean), Named(ValueStreams)], Now);

        var match = ranker.Explain(Candidate(0, [Holding(ValueStreams, SkillLevel.Practitioner)]));

        Assert.Equal([(ValueStreams.Id, (Guid?)Lean.Id)], match.MatchedSkills.Select(m => (m.SkillId, m.ForSkillId)));
    }

    [Fact]
    public void SkillsNamedPlacePeopleAndAFilterOnlyNarrowsUnlessNothingIsNamed()
    {
        var unrelated = Holding(Kanban, SkillLevel.Coach);
        var holdings = new[] { Holding(ValueStreams, SkillLevel.Expert), Holding(Spc, SkillLevel.Practitioner) };

        // Only filters: they place people, each met by a distinct skill; the narrower one is not met by the skill named.
        var filters = new ExpertRanker(Taxonomy, [Named(Lean, ConceptSource.Filter), Named(Spc, ConceptSource.Filter)], Now);
        Assert.Equal((2, 1), filters.Coverage([.. holdings, unrelated]));
        Assert.Equal((0, 0), filters.Coverage([unrelated]));

        // A skill named and a filter: only the skill named places people.
        var named = new ExpertRanker(Taxonomy, [Named(Lean), Named(Spc, ConceptSource.Filter)], Now);
        Assert.Equal((0, 0), named.Coverage([holdings[1]]));
        Assert.Equal((1, 0), named.Coverage(holdings));
        Assert.Equal((1, 1), named.Coverage([Holding(Lean, SkillLevel.Awareness), unrelated]));
        // The same with the filter given first: the concept named is the second.
        Assert.Equal((0, 0), new ExpertRanker(Taxonomy, [Named(Spc, ConceptSource.Filter), Named(Lean)], Now).Coverage([holdings[1]]));
    }

    [Fact]
    public void GroupsAreByNameThenSkillsThenWordsAndEveryoneOnlyWhenNothingIsAsked()
    {
        var nothing = new ExpertRanker(Taxonomy, [], Now);
        var lean = new ExpertRanker(Taxonomy, [Named(Lean)], Now);

        Assert.Equal(SearchGroup.Everyone, nothing.GroupOf(0, textMatched: false, nameMatch: false));
        Assert.Equal(SearchGroup.Words, nothing.GroupOf(0, textMatched: true, nameMatch: false));
        Assert.Equal(SearchGroup.Words, lean.GroupOf(0, textMatched: false, nameMatch: false));
        Assert.Equal(SearchGroup.Skills, lean.GroupOf(1, textMatched: false, nameMatch: false));
        Assert.Equal(SearchGroup.Name, lean.GroupOf(0, textMatched: false, nameMatch: true));

        // The store's path places each candidate by their text relevance and the concepts they meet.
        var quiet = Candidate(0, [Holding(Spc, SkillLevel.Coach)]);
        var worded = Candidate(0.3, [Holding(Spc, SkillLevel.Awareness)]);
        Assert.Equal([(worded.PersonId, SearchGroup.Words), (quiet.PersonId, SearchGroup.Everyone)],
            nothing.Rank([quiet, worded]).Select(r => (r.Candidate.PersonId, r.Group)));
        var holder = Candidate(0, [Holding(ValueStreams, SkillLevel.Awareness)]);
        Assert.Equal([(holder.PersonId, SearchGroup.Skills, 1), (quiet.PersonId, SearchGroup.Words, 0)],
            lean.Rank([quiet, holder]).Select(r => (r.Candidate.PersonId, r.Group, r.Met)));
    }

    [Fact]
    public void ConceptsBeyondTheSixtyFourthAreLeftOut()
    {
        var skills = Enumerable.Range(0, 65).Select(i => new Skill(Guid.NewGuid(), $"s{i}", $"Skill {i:D2}", [], null, QualityDomain.QualityImprovement, null)).ToList();
        var taxonomy = new SkillTaxonomy(skills);
        var named = skills.Select(s => taxonomy.ConceptFor([s], s.Name, ConceptSource.Name)).ToList();
        var ranker = new ExpertRanker(taxonomy, named, Now);

        // The 65th skill answers nothing; the first still answers the first concept.
        Assert.Equal(0UL, ranker.AnswerBits(skills[64].Id));
        Assert.Equal((0, 0), ranker.Coverage([new CandidateSkill(skills[64].Id, SkillLevel.Coach, null, false, 0, 0)]));
        var first = ranker.Explain(Candidate(0, [new CandidateSkill(skills[0].Id, SkillLevel.Coach, null, false, 0, 0)]));
        Assert.Equal(skills[0].Id, Assert.Single(first.MatchedSkills).SkillId);

        // Sixty-four filters and, past them, a skill named: the named one is left out, so the filters place people.
        var filtered = new ExpertRanker(taxonomy, [.. skills.Take(64).Select(s => taxonomy.ConceptFor([s], s.Name, ConceptSource.Filter)), named[64]], Now);
        Assert.Equal((1, 1), filtered.Coverage([new CandidateSkill(skills[1].Id, SkillLevel.Coach, null, false, 0, 0)]));
    }

    [Fact]
    public void AHoldingsBoundIsExactlyWhatItAddsAskedForAloneByName()
    {
        var coach = Holding(Lean, SkillLevel.Coach, SkillEvidence.Credential, verified: true, endorsements: 8, projects: 3);
        var practitioner = Holding(Lean, SkillLevel.Practitioner, SkillEvidence.Training, endorsements: 1, projects: 1);
        var ranker = new ExpertRanker(Taxonomy, [Named(Lean)], Now);

        foreach (var holding in new[] { coach, practitioner })
        {
            var score = ranker.Score(Candidate(0, [holding]), SearchGroup.Skills, 1, 1).Score;
            Assert.Equal(score, ExpertRanker.Round(ExpertRanker.HoldingBound(holding)));
        }

        Assert.Equal(4.9, ExpertRanker.HoldingBound(coach), 10);
        // Availability and openness count in the bound only for someone available and open; freshness always, in full.
        Assert.Equal(2.301, ExpertRanker.AnsweringBound(2.0, available: false, open: false), 10);
        Assert.Equal(2.701, ExpertRanker.AnsweringBound(2.0, available: true, open: true), 10);
    }

    [Fact]
    public void WithoutTheIndexTheTextReasonIsGeneralAndASkillMissingFromTheTaxonomyIsASkill()
    {
        var ranker = new ExpertRanker(new SkillTaxonomy([Lean]), [], Now);

        var match = ranker.Explain(Candidate(0.4, [Holding(Spc, SkillLevel.Expert)]));

        Assert.Equal(
            [
                (ScoreSignal.Text, "The words searched for appear in their name, headline, bio or skills."),
                (ScoreSignal.SkillLevel, "a skill: EXPERT"),
            ],
            match.Explanation.Select(r => (r.Signal, r.Detail)));
    }

    [Fact]
    public void TheSearchsOwnBoundAveragesTheConceptsAndCountsFreshnessAsOfTheSearchAndAvailabilityAsTheScoreDoes()
    {
        var ranker = new ExpertRanker(Taxonomy, [], Now);
        var strongest = ExpertRanker.FromBoundByte(byte.MaxValue);
        // Confirmed a year before the search: half of freshness's 0.3. Limited and open: 0.18 and 0.1.
        Assert.Equal(strongest + 0.15 + 0.28 + 0.001,
            ranker.AnsweringBound([byte.MaxValue], AvailabilityStatus.Limited, open: true, ExpertRanker.ConfirmedMinute(Now.AddDays(-365))), 6);
        // Confirmed after the search's moment (a clock behind the data): freshness in full, never more.
        Assert.Equal(strongest + 0.3 + 0.001,
            ranker.AnsweringBound([byte.MaxValue], AvailabilityStatus.NotAvailable, open: false, ExpertRanker.ConfirmedMinute(Now.AddDays(1))), 6);
        // Never confirmed: no freshness. Two concepts, one met: half the holding, as the score averages them.
        Assert.Equal((strongest / 2) + 0.4 + 0.001,
            ranker.AnsweringBound([byte.MaxValue, 0], AvailabilityStatus.Open, open: true, ExpertRanker.NeverConfirmed), 6);
        // Nothing asked for: no skill part at all.
        Assert.Equal(0.4 + 0.001, ranker.AnsweringBound([], AvailabilityStatus.Open, open: true, ExpertRanker.NeverConfirmed), 6);
    }
}
