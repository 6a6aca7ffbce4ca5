using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The index leaves unscored anyone whose bound cannot reach the page, so a bound below a real score would silently drop
/// a better expert from the page. Each bound must hold for every person, whatever is asked and whenever.
/// </summary>
public sealed class RankerBoundTests
{
    private static readonly Skill Broad = new(Guid.NewGuid(), "broad", "Broad", [], null, QualityDomain.QualityImprovement, null);
    private static readonly Skill Narrow = new(Guid.NewGuid(), "narrow", "Narrow", [], null, QualityDomain.QualityImprovement, Broad.Id);
    private static readonly Skill Other = new(Guid.NewGuid(), "other", "Other", [], null, QualityDomain.SystemsThinking, null);
    private static readonly Skill Fourth = new(Guid.NewGuid(), "fourth", "Fourth", [], null, QualityDomain.SystemsThinking, null);
    private static readonly SkillTaxonomy Taxonomy = new([Broad, Narrow, Other, Fourth]);

    [Fact]
    public void NoScoreIsAboveItsPersonsBoundsWhateverIsAskedAndWhenever()
    {
        var random = new Random(20261203);
        var now = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);
        Concept[][] asks =
        [
            [],
            [Taxonomy.ConceptFor([Broad], Broad.Name, ConceptSource.Name)],
            [Taxonomy.ConceptFor([Broad], Broad.Name, ConceptSource.Name), Taxonomy.ConceptFor([Narrow], Narrow.Name, ConceptSource.Name)],
            [Taxonomy.ConceptFor([Other], Other.Name, ConceptSource.Name), Taxonomy.ConceptFor([Fourth], Fourth.Name, ConceptSource.Filter)],
            [Taxonomy.ConceptForDomain(QualityDomain.SystemsThinking)],
        ];
        var (checks, tight, asked, tighter, searchTighter, weak) = (0, 0, 0, 0, 0, 0);
        for (var person = 0; person < 2000; person++)
        {
            var holdings = Taxonomy.All.Where(_ => random.Next(3) > 0).Select(s => new CandidateSkill(s.Id, (SkillLevel)random.Next(4),
                random.Next(5) == 0 ? null : (SkillEvidence)random.Next(4), random.Next(2) == 0, random.Next(12), random.Next(5))).ToList();
            var availability = (AvailabilityStatus)random.Next(3);
            var open = random.Next(2) == 0;
            // Confirmed today, long ago, never, or (a clock behind the data) tomorrow.
            DateTimeOffset? confirmed = random.Next(6) switch { 0 => null, 1 => now, 2 => now.AddDays(1), _ => now.AddDays(-random.Next(2000)) };
            var text = random.Next(3) == 0 ? 0 : random.NextDouble();
            var candidate = new ExpertCandidate(Guid.NewGuid(), text, holdings, [], confirmed, availability, open);
            var staticBound = ExpertRanker.StaticBound(holdings, availability, open) + ExpertRanker.TextBound(text);
            var profileBound = ExpertRanker.ProfileBound(holdings, availability, open) + ExpertRanker.TextBound(text);
            foreach (var ask in asks)
            {
                var ranker = new ExpertRanker(Taxonomy, ask, now);
                var score = ranker.Score(candidate, SearchGroup.Skills, 0, 0).Score;
                Assert.True(score <= staticBound, $"Score {score} above the static bound {staticBound} for {ask.Length} concepts.");
                if (ask.Length > 0)
                {
                    // What the index keeps beside each held skill: the strongest holding that answers the ask, in a byte.
                    var strongest = holdings.Where(h => ranker.AnswerBits(h.SkillId) != 0).Select(h => ExpertRanker.FromBoundByte(ExpertRanker.HoldingBoundByte(h))).DefaultIfEmpty(0).Max();
                    var answeringBound = ExpertRanker.AnsweringBound(strongest, availability != AvailabilityStatus.NotAvailable, open) + ExpertRanker.TextBound(text);
                    Assert.True(score <= answeringBound, $"Score {score} above the answering bound {answeringBound} for {ask.Length} concepts.");
                    tighter += answeringBound < staticBound - 0.05 ? 1 : 0;
                    asked++;

                    // The bound the index passes people over by: each concept's strongest answering holding, averaged over the
                    // concepts, with this person's own availability and freshness as of the search.
                    var byConcept = new byte[ranker.ConceptSlots];
                    foreach (var holding in holdings)
                    {
                        for (var c = 0; c < byConcept.Length; c++)
                        {
                            if ((ranker.AnswerBits(holding.SkillId) & (1UL << c)) != 0)
                            {
                                byConcept[c] = Math.Max(byConcept[c], ExpertRanker.HoldingBoundByte(holding));
                            }
                        }
                    }

                    // Nobody without a strong answering holding scores above the weak bound: the index leaves them unplaced
                    // while a page of people placed first all score above it.
                    if (byConcept.All(b => b < ExpertRanker.StrongHoldingByte))
                    {
                        Assert.True(score <= ExpertRanker.WeakBound + ExpertRanker.TextBound(text), $"Score {score} above the weak bound with no strong answering holding.");
                        weak++;
                    }

                    var searchBound = ranker.AnsweringBound(byConcept, availability, open, ExpertRanker.ConfirmedMinute(confirmed)) + ExpertRanker.TextBound(text);
                    Assert.True(score <= searchBound, $"Score {score} above the search's bound {searchBound} for {ask.Length} concepts.");
                    searchTighter += searchBound < answeringBound - 0.05 ? 1 : 0;
                }

                if (ask.Length == 0)
                {
                    Assert.True(score <= profileBound, $"Score {score} above the profile bound {profileBound}.");
                    tight += profileBound - score < 0.31 ? 1 : 0;
                    checks++;
                }
            }
        }

        // Tight as well as safe: asked for nothing, the bound is the score but for freshness (at most 0.3) and rounding.
        Assert.Equal(checks, tight);
        // And asked for something, the answering bound is well below the static one for many: those who hold something
        // stronger than what was asked for, or hold nothing that answers it.
        Assert.True(tighter > asked / 4, $"The answering bound was tighter for only {tighter} of {asked}.");
        // And the search's own bound tighter still for most: availability short of open, an older confirmation, or a concept
        // met less strongly than another.
        Assert.True(weak > asked / 10, $"Only {weak} of {asked} asks met no strong holding: the weak bound was hardly tried.");
        Assert.True(searchTighter > asked / 2, $"The search's bound was tighter than the answering bound for only {searchTighter} of {asked}.");
    }
}
