using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;
using static IcsExpertiseGraph.Tests.Contract.ContractNetwork;

namespace IcsExpertiseGraph.Tests.Contract;

public abstract partial class StoreContract
{
    protected static ExpertCriteria NoCriteria { get; } = new([], new HashSet<Guid>(), [], null, [], [], [], [], false, null);

    protected static ExpertCriteria Text(params string[] terms) => NoCriteria with { Terms = terms };

    [StoreTheory]
    [InlineData("spc")]
    [InlineData("pdsa")]
    [InlineData("hoshin")]
    public async Task ATextTermFindsExactlyThePeopleWhoseProfileOrSkillsMentionItWithAPositiveRelevance(string term)
    {
        var expected = Network.TextMatches(term);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < Network.People.Count);

        var candidates = await Store.FindExpertCandidatesAsync(Text(term), Admin, Ct);

        Assert.Equal(expected.Order(), candidates.Select(c => c.PersonId).Order());
        Assert.All(candidates, c => Assert.InRange(c.TextRelevance, double.Epsilon, 1));
    }

    [StoreFact]
    public async Task SeveralTermsFindAnyoneMatchingOneAndConceptSkillsAddTheirHoldersWithoutTextRelevance()
    {
        var pdsa = Network.Skill("pdsa-cycles");
        var holders = Network.PersonSkills.Where(s => s.SkillId == pdsa.Id).Select(s => s.PersonId).ToHashSet();
        var hoshin = Network.TextMatches("hoshin");
        Assert.NotEmpty(holders.Except(hoshin));

        var either = await Store.FindExpertCandidatesAsync(Text("spc", "hoshin"), Admin, Ct);
        var textOrConcept = await Store.FindExpertCandidatesAsync(Text("hoshin") with { ConceptSkillIds = new HashSet<Guid> { pdsa.Id } }, Admin, Ct);
        var conceptOnly = await Store.FindExpertCandidatesAsync(NoCriteria with { ConceptSkillIds = new HashSet<Guid> { pdsa.Id } }, Admin, Ct);
        var nothing = await Store.FindExpertCandidatesAsync(Text("zzqxjv"), Admin, Ct);

        Assert.Equal(Network.TextMatches("spc").Union(hoshin).Order(), either.Select(c => c.PersonId).Order());
        Assert.Equal(hoshin.Union(holders).Order(), textOrConcept.Select(c => c.PersonId).Order());
        Assert.All(textOrConcept, c => Assert.Equal(hoshin.Contains(c.PersonId), c.TextRelevance > 0));
        Assert.Equal(holders.Order(), conceptOnly.Select(c => c.PersonId).Order());
        Assert.All(conceptOnly, c => Assert.Equal(0, c.TextRelevance));
        Assert.Empty(nothing);
    }

    [StoreFact]
    public async Task ACandidateCarriesEveryHoldingWithItsBackingTheCurrentEmployersPrimaryFirstAndAvailability()
    {
        var people = Network.People.ToDictionary(p => p.Id);

        var candidates = await Store.FindExpertCandidatesAsync(NoCriteria, Admin, Ct);

        Assert.Equal(Network.People.Count, candidates.Count);
        foreach (var candidate in candidates)
        {
            var person = people[candidate.PersonId];
            Assert.Equal(0, candidate.TextRelevance);
            Assert.Equal((person.LastConfirmedAt, person.Availability.Status, person.Availability.OpenToCrossOrganisation),
                (candidate.LastConfirmedAt, candidate.Availability, candidate.OpenToCrossOrganisation));
            var expected = Network.PersonSkills.Where(s => s.PersonId == person.Id)
                .Select(s => new CandidateSkill(s.SkillId, s.Level, s.Evidence, s.Verified, Network.Backing(person.Id, s.SkillId).Endorsements, Network.Backing(person.Id, s.SkillId).ProjectEvidence));
            Assert.Equal(expected.OrderBy(s => s.SkillId), candidate.Skills.OrderBy(s => s.SkillId));
            var posts = Network.Employments.Where(e => e.PersonId == person.Id && IsCurrent(e)).ToList();
            Assert.Equal(posts.Select(e => e.OrganisationId).Distinct().Order(), candidate.CurrentOrganisationIds.Order());
            if (posts.Find(e => e.Primary) is { } primary)
            {
                Assert.Equal(primary.OrganisationId, candidate.CurrentOrganisationIds[0]);
            }
        }

        var holdings = candidates.SelectMany(c => c.Skills).ToList();
        Assert.Contains(holdings, s => s.Endorsements > 0);
        Assert.Contains(holdings, s => s.ProjectEvidence > 0);
        Assert.Contains(candidates, c => c.CurrentOrganisationIds.Count > 1);
    }

    /// <summary>One criteria per filter the store applies, on a search that otherwise matches everyone (or the text "spc").</summary>
    private static ExpertCriteria FilterCase(string filter)
    {
        var skills = new[] { "statistical-process-control", "pdsa-cycles" }.Select(k => Network.Skill(k).Id).ToList();
        var busiestSystems = Network.Employments.Where(e => e.Primary)
            .Select(e => Network.Organisations.Single(o => o.Id == e.OrganisationId).IntegratedCareSystemId!.Value)
            .GroupBy(id => id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(2).ToList();
        var places = Network.Places.Where(p => p.IntegratedCareSystemId == busiestSystems[0]).Take(2).Select(p => p.Id).ToList();
        return filter switch
        {
            "skills" => NoCriteria with { SkillIds = skills },
            "skills at expert level" => NoCriteria with { SkillIds = skills, MinLevel = SkillLevel.Expert },
            "domains" => NoCriteria with { Domains = [QualityDomain.QualityControl, QualityDomain.SystemsThinking] },
            "domain at expert level" => NoCriteria with { Domains = [QualityDomain.QualityImprovement], MinLevel = SkillLevel.Expert },
            "level alone" => NoCriteria with { MinLevel = SkillLevel.Coach },
            "level of a concept" => NoCriteria with { ConceptSkillIds = new HashSet<Guid>(skills), MinLevel = SkillLevel.Expert },
            "systems" => NoCriteria with { IntegratedCareSystemIds = busiestSystems },
            "places" => NoCriteria with { PlaceIds = places },
            "organisation types" => NoCriteria with { OrganisationTypes = [OrganisationType.IntegratedCareBoard, OrganisationType.MentalHealthTrust] },
            "available" => NoCriteria with { AvailableOnly = true },
            "open to cross-organisation work" => NoCriteria with { OpenToCrossOrganisation = true },
            "not open to cross-organisation work" => NoCriteria with { OpenToCrossOrganisation = false },
            _ => Text("spc") with { IntegratedCareSystemIds = busiestSystems, OrganisationTypes = [OrganisationType.AcuteTrust, OrganisationType.CommunityTrust], AvailableOnly = true },
        };
    }

    [StoreTheory]
    [InlineData("skills")]
    [InlineData("skills at expert level")]
    [InlineData("domains")]
    [InlineData("domain at expert level")]
    [InlineData("level alone")]
    [InlineData("level of a concept")]
    [InlineData("systems")]
    [InlineData("places")]
    [InlineData("organisation types")]
    [InlineData("available")]
    [InlineData("open to cross-organisation work")]
    [InlineData("not open to cross-organisation work")]
    [InlineData("text with several filters")]
    public async Task EachSearchFilterNarrowsTheCandidatesExactlyAsSpecified(string filter)
    {
        var criteria = FilterCase(filter);
        var unfiltered = ExpectedCandidates.Of(Network, criteria with { SkillIds = [], MinLevel = null, Domains = [], IntegratedCareSystemIds = [], PlaceIds = [], OrganisationTypes = [], AvailableOnly = false, OpenToCrossOrganisation = null }, Member);
        var expected = ExpectedCandidates.Of(Network, criteria, Member);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < unfiltered.Count, "The filter must leave someone out for this test to mean anything.");

        var candidates = await Store.FindExpertCandidatesAsync(criteria, Member, Ct);

        Assert.Equal(expected.Order(), candidates.Select(c => c.PersonId).Order());
    }

    [StoreFact]
    public async Task OneCurrentEmploymentMustMeetEveryOrganisationFacetAtOnce()
    {
        // Someone working at an organisation of one type in one system, and at another type in another system,
        // with an ended post in a third: a system and a type taken from different posts do not match.
        var person = Someone();
        var home = Network.Organisations.Single(o => o.Id == Network.Employments.First(e => e.PersonId == person.Id && e.Primary).OrganisationId);
        var away = Network.Organisations.First(o => o.IntegratedCareSystemId != home.IntegratedCareSystemId && o.Type != home.Type);
        var past = Network.Organisations.First(o => o.IntegratedCareSystemId != home.IntegratedCareSystemId && o.IntegratedCareSystemId != away.IntegratedCareSystemId);
        var network = Network with
        {
            Employments = [.. Network.Employments,
                new Employment(person.Id, away.Id, "Improvement advisor", new DateOnly(2024, 1, 1), null, false),
                new Employment(person.Id, past.Id, "Analyst", new DateOnly(2015, 1, 1), new DateOnly(2019, 1, 1), false)],
        };
        await ReplaceNetworkAsync(network);
        ExpertCriteria Facets(Organisation where, OrganisationType type) =>
            NoCriteria with { IntegratedCareSystemIds = [where.IntegratedCareSystemId!.Value], OrganisationTypes = [type] };

        var mixed = await Store.FindExpertCandidatesAsync(Facets(home, away.Type), Admin, Ct);
        var awayPost = await Store.FindExpertCandidatesAsync(Facets(away, away.Type), Admin, Ct);
        var homePost = await Store.FindExpertCandidatesAsync(Facets(home, home.Type), Admin, Ct);
        var endedPost = await Store.FindExpertCandidatesAsync(NoCriteria with { IntegratedCareSystemIds = [past.IntegratedCareSystemId!.Value] }, Admin, Ct);

        Assert.DoesNotContain(mixed, c => c.PersonId == person.Id);
        Assert.Contains(awayPost, c => c.PersonId == person.Id);
        Assert.Contains(homePost, c => c.PersonId == person.Id);
        Assert.DoesNotContain(endedPost, c => c.PersonId == person.Id);
        Assert.Equal(ExpectedCandidates.Of(network, Facets(home, away.Type), Admin).Order(), mixed.Select(c => c.PersonId).Order());
    }

    [StoreTheory]
    [InlineData("\"")]
    [InlineData("spc\"")]
    [InlineData("\"spc")]
    [InlineData("'spc'")]
    [InlineData("*")]
    [InlineData("spc*")]
    [InlineData("NEAR")]
    [InlineData("NEAR(spc pdsa)")]
    [InlineData("-")]
    [InlineData("-spc")]
    [InlineData("spc -pdsa")]
    [InlineData("spc AND OR NOT")]
    [InlineData("skills:spc")]
    [InlineData("^spc")]
    [InlineData("(spc")]
    [InlineData("spc~2")]
    [InlineData("[spc TO pdsa]")]
    [InlineData("\\")]
    public async Task SearchTermsAreNeverReadAsFullTextSyntax(string term)
    {
        var candidates = await Store.FindExpertCandidatesAsync(Text(term, "pdsa"), Admin, Ct);

        // The terms are alternatives: everyone "pdsa" finds is still found (an operator read as syntax, a NOT or an AND,
        // would drop them), and nobody is found whom neither the term's plain words nor "pdsa" find.
        var found = candidates.Select(c => c.PersonId).ToHashSet();
        var words = System.Text.RegularExpressions.Regex.Split(term, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToList();
        var pdsa = Network.TextMatches("pdsa");
        Assert.NotEmpty(pdsa);
        Assert.Superset(pdsa, found);
        Assert.Subset(words.SelectMany(Network.TextMatches).Union(pdsa).ToHashSet(), found);
    }

    [StoreTheory]
    [InlineData("\"spc\"")]
    [InlineData("spc*")]
    [InlineData("-spc")]
    [InlineData("spc\"")]
    public async Task PunctuationAroundATermFindsTheSamePeopleAsTheBareWord(string term)
    {
        var plain = await Store.FindExpertCandidatesAsync(Text("spc"), Admin, Ct);
        var decorated = await Store.FindExpertCandidatesAsync(Text(term), Admin, Ct);

        Assert.NotEmpty(plain);
        Assert.Equal(plain.Select(c => c.PersonId).Order(), decorated.Select(c => c.PersonId).Order());
    }

    [StoreFact]
    public async Task SomeoneWithNoCurrentPostIsStillFoundWhenNoOrganisationIsAskedFor()
    {
        var person = Someone();
        var network = Network with { Employments = [.. Network.Employments.Where(e => e.PersonId != person.Id)] };
        await ReplaceNetworkAsync(network);

        var everyone = await Store.FindExpertCandidatesAsync(NoCriteria, Admin, Ct);
        var available = await Store.FindExpertCandidatesAsync(NoCriteria with { AvailableOnly = true }, Admin, Ct);

        Assert.Equal(network.People.Count, everyone.Count);
        Assert.Empty(Assert.Single(everyone, c => c.PersonId == person.Id).CurrentOrganisationIds);
        Assert.Equal(ExpectedCandidates.Of(network, NoCriteria with { AvailableOnly = true }, Admin).Order(), available.Select(c => c.PersonId).Order());
    }

    [StoreFact]
    public async Task ASkillNamesWordsTypedFindOnlyThoseWithEveryWordBesideAnyoneTheOtherTermsFind()
    {
        string[] spc = ["statistical", "process", "control"];
        var together = spc.Select(w => Network.TextMatches(w)).Aggregate((a, b) => [.. a.Intersect(b)]);
        var hoshin = Network.TextMatches("hoshin");
        Assert.NotEmpty(together);
        Assert.NotEmpty(hoshin.Except(together));
        Assert.True(Network.TextMatches("process").Count > together.Count, "Some must have one of the words without the others.");

        var phrase = await Store.FindExpertCandidatesAsync(NoCriteria with { Phrases = [spc] }, Admin, Ct);
        var either = await Store.FindExpertCandidatesAsync(Text("hoshin") with { Phrases = [spc] }, Admin, Ct);

        Assert.Equal(together.Order(), phrase.Select(c => c.PersonId).Order());
        Assert.All(phrase, c => Assert.True(c.TextRelevance > 0));
        Assert.Equal(together.Union(hoshin).Order(), either.Select(c => c.PersonId).Order());
    }
}
