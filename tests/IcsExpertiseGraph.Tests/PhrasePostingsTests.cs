using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// A typed skill name or alias is scored from its phrase postings (who has all its words, with each word's frequency and
/// document frequency kept), not by walking its words' postings. Its scores must be those the word postings give, to the
/// bit, for every kind of viewer; a hidden person's words must move no one else's; and the postings must follow the feed.
/// </summary>
public sealed class PhrasePostingsTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly Viewer[] EveryKind = [Viewers.Admin, Viewers.Member, Viewer.Anonymous];

    // Aliases (and no skill's name) of the seeded taxonomy ("Demand and capacity modelling", "Population health management",
    // "Hoshin Kanri (strategy deployment)"),
    // as their words reach the text; "population" also begins "populations", "health" begins "healthcare".
    private static readonly string[][] Aliases = [["capacity", "planning"], ["population", "health"], ["policy", "deployment"]];

    private readonly ApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AnAliasScoredFromItsPhrasePostingsScoresAsItsWordsDoForEveryKindOfViewer()
    {
        await WriteHeadlinesAsync();
        var skills = await factory.Store.GetAllSkillsAsync(Ct);
        var source = await factory.Store.LoadSearchSourceAsync(Ct);
        var withPhrases = new ExpertIndex(source, new SkillTaxonomy(skills));
        // The same skills without their aliases: the aliases' words are then no skill's phrase, and go through the word postings.
        var withoutAliases = new ExpertIndex(source, new SkillTaxonomy([.. skills.Select(s => s with { Aliases = [] })]));
        var taxonomy = new SkillTaxonomy(skills);

        foreach (var alias in Aliases)
        {
            Assert.True(withPhrases.KeepsPhrase(alias), $"'{string.Join(' ', alias)}' should be kept as a phrase.");
            Assert.False(withoutAliases.KeepsPhrase(alias));
            foreach (var viewer in EveryKind)
            {
                var kept = TextScores(withPhrases, taxonomy, alias, viewer);
                Assert.NotEmpty(kept);
                Assert.Equal(TextScores(withoutAliases, taxonomy, alias, viewer), kept);
            }
        }
    }

    [Fact]
    public async Task APrivatePersonWithASkillsWordsMovesNoOtherCallersScoresForIt()
    {
        await WriteHeadlinesAsync();
        var host = factory.Services.GetRequiredService<ExpertIndexHost>();
        var taxonomy = new SkillTaxonomy(await factory.Store.GetAllSkillsAsync(Ct));
        var before = await host.GetAsync(Ct);
        var scores = EveryKind.Select(v => TextScores(before, taxonomy, Aliases[0], v)).ToArray();

        // Someone new, so no one lost sight of words they could see before.
        var hidden = (await factory.Store.CreateProfileAsync(new SignedInIdentity("phrase-hidden", null, false, "Hidden Planner", new HashSet<string>()), Now, Ct)).Id;
        await factory.Store.UpdateProfileAsync(hidden, ProfileEdits.None with
        {
            Headline = Change.To<string?>("Capacity planning, capacity planning and more capacity planning"),
            Visibility = Change.To(Visibility.Private),
        }, null, hidden, Now, Ct);
        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);
        var after = await host.GetAsync(Ct);
        Assert.True(after.Sequence > before.Sequence);

        Assert.Equal(scores[2], TextScores(after, taxonomy, Aliases[0], Viewer.Anonymous));
        Assert.Equal(scores[1], TextScores(after, taxonomy, Aliases[0], Viewers.Member));
        // An admin sees the private profile: the words are now more common, and everyone else's text scores fall.
        var admin = TextScores(after, taxonomy, Aliases[0], Viewers.Admin);
        Assert.Contains(hidden, admin.Keys);
        Assert.All(scores[0], s => Assert.True(admin[s.Key] < s.Value, "An admin's statistics count the private profile."));
    }

    /// <summary>Headlines with the aliases, in people of each visibility, with the words once, twice and as longer words.</summary>
    private async Task WriteHeadlinesAsync()
    {
        var people = (await factory.Store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 40), Ct)).Items;
        string[] headlines =
        [
            "Capacity planning lead", "Capacity and planning", "Capacity planning for capacity planners", "Populations' healthcare analyst",
            "Population health and policy deployment", "Policy deployment coach", "Population health population health",
        ];
        Visibility[] visibilities = [Visibility.Public, Visibility.Network, Visibility.Private];
        for (var i = 0; i < people.Count; i++)
        {
            await factory.Store.UpdateProfileAsync(people[i].Id, ProfileEdits.None with
            {
                Headline = Change.To<string?>(headlines[i % headlines.Length]),
                Visibility = Change.To(visibilities[i % visibilities.Length]),
            }, null, people[i].Id, Now, Ct);
        }

        await factory.Services.GetRequiredService<ReadModelFollower>().CatchUpAsync(Ct);
    }

    /// <summary>Every text match's text relevance for the phrase, by person, as this viewer gets it.</summary>
    private static Dictionary<Guid, double> TextScores(ExpertIndex index, SkillTaxonomy taxonomy, string[] phrase, Viewer viewer)
    {
        var criteria = new ExpertCriteria([], new HashSet<Guid>(), [], null, [], [], [], [], false, null) { Phrases = [phrase] };
        var matches = index.Search(criteria, new ExpertRanker(taxonomy, [], Now), viewer, 1000);
        return matches.Top(1000).ToDictionary(r => r.Candidate.PersonId, r => r.Candidate.TextRelevance);
    }
}
