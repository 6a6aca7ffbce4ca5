using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The reasons a designer reads under each search hit: one per signal that counted, each naming the skills and counts
/// behind it in words, and adding up to the score. Written out in full here, so a change to how they are built (they are
/// built for every hit of every page) cannot change what a reader sees.
/// </summary>
public sealed class ExplanationTests
{
    internal static readonly DateTimeOffset Now = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);
    internal static readonly Skill Lean = new(Guid.NewGuid(), "lean", "Lean", [], null, QualityDomain.QualityImprovement, null);
    internal static readonly Skill ValueStreams = new(Guid.NewGuid(), "vsm", "Value stream mapping", [], null, QualityDomain.QualityImprovement, Lean.Id);
    internal static readonly Skill Spc = new(Guid.NewGuid(), "spc", "Statistical process control", [], null, QualityDomain.QualityControl, null);
    internal static readonly Skill Kanban = new(Guid.NewGuid(), "kanban", "Kanban", [], null, QualityDomain.QualityImprovement, null);
    internal static readonly Skill Coaching = new(Guid.NewGuid(), "coaching", "Improvement coaching", [], null, QualityDomain.QualityImprovement, null);
    internal static readonly SkillTaxonomy Taxonomy = new([Lean, ValueStreams, Spc, Kanban, Coaching]);

    [Fact]
    public void EachSignalThatCountedIsExplainedInWordsNamingItsSkillsAndTheReasonsAddUpToTheScore()
    {
        // Lean asked for and met through a narrower skill, SPC asked for and met by name, Kanban asked for and not held.
        var ranker = new ExpertRanker(Taxonomy,
            [Taxonomy.ConceptFor([Lean], "Lean", ConceptSource.Name), Taxonomy.ConceptFor([Spc], "SPC", ConceptSource.Name), Taxonomy.ConceptFor([Kanban], "Kanban", ConceptSource.Name)],
            Now);
        var candidate = new ExpertCandidate(Guid.NewGuid(), 0.5,
            [
                new CandidateSkill(ValueStreams.Id, SkillLevel.Expert, SkillEvidence.Credential, Verified: true, Endorsements: 3, ProjectEvidence: 1),
                new CandidateSkill(Spc.Id, SkillLevel.Practitioner, SkillEvidence.Project, Verified: true, Endorsements: 1, ProjectEvidence: 2),
                new CandidateSkill(Coaching.Id, SkillLevel.Coach, SkillEvidence.Publication, Verified: true, Endorsements: 8, ProjectEvidence: 3),
            ],
            [], Now.AddDays(-10), AvailabilityStatus.Limited, OpenToCrossOrganisation: true);

        var match = ranker.Explain(candidate, "Matched \u201clean\u201d in their headline.");

        Assert.Equal(
            [
                (ScoreSignal.Text, "Matched \u201clean\u201d in their headline."),
                (ScoreSignal.SkillLevel, "Lean: EXPERT (as Value stream mapping); SPC: PRACTITIONER; Kanban: not held"),
                (ScoreSignal.Evidence, "credential for Value stream mapping; project for Statistical process control"),
                (ScoreSignal.Verification, "Verified by a network manager: Value stream mapping, Statistical process control"),
                (ScoreSignal.Endorsements, "3 endorsements for Value stream mapping; 1 endorsement for Statistical process control"),
                (ScoreSignal.ProjectEvidence, "1 project used Value stream mapping; 2 projects used Statistical process control"),
                (ScoreSignal.Freshness, "Profile confirmed 10 days ago."),
                (ScoreSignal.Availability, "Availability LIMITED, open to work with other organisations."),
            ],
            match.Explanation.Select(r => (r.Signal, r.Detail)));
        Assert.Equal(match.Score, ExpertRanker.Round(match.Explanation.Sum(r => r.Contribution)));
        Assert.Equal(ranker.Score(candidate, SearchGroup.Skills, 2, 1).Score, match.Score);
        // The skills that answered, each once: the narrower one says which skill it stood for.
        Assert.Equal([(ValueStreams.Id, (Guid?)Lean.Id), (Spc.Id, null)], match.MatchedSkills.Select(m => (m.SkillId, m.ForSkillId)));
    }

    [Fact]
    public void AnEmptySearchExplainsTheStrongestHoldingsAndSignalsThatAddNothingAreLeftOut()
    {
        // Nothing asked: the strongest three holdings stand in. No evidence, verification, endorsements or projects, never
        // confirmed, not available and not open: none of those signals adds anything, so none is explained.
        var ranker = new ExpertRanker(Taxonomy, [], Now);
        var candidate = new ExpertCandidate(Guid.NewGuid(), 0,
            [
                new CandidateSkill(Kanban.Id, SkillLevel.Awareness, null, false, 0, 0),
                new CandidateSkill(Lean.Id, SkillLevel.Coach, null, false, 0, 0),
                new CandidateSkill(Spc.Id, SkillLevel.Expert, null, false, 0, 0),
                new CandidateSkill(Coaching.Id, SkillLevel.Practitioner, null, false, 0, 0),
            ],
            [], null, AvailabilityStatus.NotAvailable, OpenToCrossOrganisation: false);

        var match = ranker.Explain(candidate);

        Assert.Equal([(ScoreSignal.SkillLevel, "Lean: COACH; Statistical process control: EXPERT; Improvement coaching: PRACTITIONER")],
            match.Explanation.Select(r => (r.Signal, r.Detail)));
        Assert.Equal([Lean.Id, Spc.Id, Coaching.Id], match.MatchedSkills.Select(m => m.SkillId));
    }

    [Fact]
    public void AProfileConfirmedADayAgoSaysDayAndOneNeverConfirmedHasNoFreshnessReason()
    {
        var ranker = new ExpertRanker(Taxonomy, [], Now);
        string Freshness(DateTimeOffset? confirmed) => ranker.Explain(new ExpertCandidate(Guid.NewGuid(), 0, [], [], confirmed, AvailabilityStatus.Open, false))
            .Explanation.Single(r => r.Signal == ScoreSignal.Freshness).Detail;

        Assert.Equal("Profile confirmed 1 day ago.", Freshness(Now.AddDays(-1)));
        Assert.Equal("Profile confirmed 0 days ago.", Freshness(Now));
        Assert.Equal("Availability OPEN.",
            ranker.Explain(new ExpertCandidate(Guid.NewGuid(), 0, [], [], null, AvailabilityStatus.Open, false)).Explanation.Single(r => r.Signal == ScoreSignal.Availability).Detail);
        Assert.DoesNotContain(ranker.Explain(new ExpertCandidate(Guid.NewGuid(), 0, [], [], null, AvailabilityStatus.Open, false)).Explanation,
            r => r.Signal == ScoreSignal.Freshness);
    }

    [Fact]
    public void TheTextReasonSaysWhichWordsAndPhrasesAreInWhichOfTheirOwnFields()
    {
        var zoe = new SearchSource.PersonRow(Guid.NewGuid(), "Zo\u00eb Flow-Smith", "Flow coach and Lean lead",
            "Runs Lean flow clinics; statistical process control for wards.", Visibility.Public, AvailabilityStatus.Open, true, null);
        var index = new ExpertIndex(new SearchSource(1, [zoe], [], [], [], []), Taxonomy);
        ExpertCriteria Asking(string[] terms, params IReadOnlyList<string>[] phrases) =>
            new(terms, new HashSet<Guid>(), [], null, [], [], [], [], false, null) { Phrases = phrases };

        // A word in all three fields (accents folded: "zoe" is in "Zoë"); one in two; a skill's words together, in one.
        Assert.Equal("Matched \u201cflow\u201d in their name, headline and bio; \u201czoe\u201d in their name; "
            + "\u201cstatistical process control\u201d in their bio.",
            index.TextDetail(zoe.Id, Asking(["flow", "zoe", "kanban"], ["statistical", "process", "control"])));
        Assert.Equal("Matched \u201clean\u201d in their headline and bio.", index.TextDetail(zoe.Id, Asking(["lean"])));
        // Words apart in different fields are not the phrase; a word that starts no word of theirs is nowhere.
        Assert.Null(index.TextDetail(zoe.Id, Asking(["ean"], ["coach", "clinics"])));
        Assert.Null(index.TextDetail(Guid.NewGuid(), Asking(["flow"])));
    }
}
