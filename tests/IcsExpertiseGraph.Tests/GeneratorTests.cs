using System.Text.RegularExpressions;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>The synthetic network the seed command and the demo start-up write.</summary>
public sealed partial class GeneratorTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 1);
    private static readonly Lazy<NetworkSnapshot> Network = new(() => Generate(seed: 20260701, people: 600));

    private static readonly QualityDomain[] PlanningAndAssurance = [QualityDomain.QualityPlanning, QualityDomain.QualityAssurance];
    private static readonly QualityDomain[] ImprovementAndControl = [QualityDomain.QualityImprovement, QualityDomain.QualityControl];

    [Fact]
    public void TheSameSeedAndDateGiveAnIdenticalNetworkAndAnotherSeedADifferentOne()
    {
        var first = Generate(seed: 7, people: 250);
        var again = Generate(seed: 7, people: 250);
        var other = Generate(seed: 8, people: 250);

        Assert.Equal(first.People, again.People);
        Assert.Equal(first.People.Select(p => (p.Id, p.DisplayName, p.Email)), again.People.Select(p => (p.Id, p.DisplayName, p.Email)));
        Assert.Equal(first.Organisations, again.Organisations);
        Assert.Equal(first.Employments, again.Employments);
        Assert.Equal(first.PersonSkills, again.PersonSkills);
        Assert.Equal(first.Projects, again.Projects);
        Assert.Equal(first.Contributions, again.Contributions);
        Assert.Equal(first.Endorsements, again.Endorsements);
        Assert.Equal(first.RelationshipCount, again.RelationshipCount);

        Assert.Empty(first.People.Select(p => p.Id).Intersect(other.People.Select(p => p.Id)));
        Assert.NotEqual(first.People.Select(p => p.DisplayName), other.People.Select(p => p.DisplayName));
        Assert.NotEqual(first.PersonSkills.Select(s => (s.SkillId, s.Level)), other.PersonSkills.Select(s => (s.SkillId, s.Level)));
    }

    [Fact]
    public void EveryOneOfTheFortyTwoRealIntegratedCareSystemsHasEveryKindOfOrganisation()
    {
        var network = Network.Value;
        var expected = ReadIcbsCsv();
        Assert.Equal(42, expected.Count);

        Assert.Equal(42, network.IntegratedCareSystems.Count);
        Assert.Equal(42, network.IntegratedCareSystems.Select(i => i.OdsCode).Distinct().Count());
        Assert.Equal(
            expected.OrderBy(i => i.OdsCode, StringComparer.Ordinal),
            network.IntegratedCareSystems.Select(i => (i.OdsCode, i.Name, i.NhsRegion)).OrderBy(i => i.OdsCode, StringComparer.Ordinal));

        var typesByIcs = network.Organisations.ToLookup(o => o.IntegratedCareSystemId, o => o.Type);
        foreach (var ics in network.IntegratedCareSystems)
        {
            var types = typesByIcs[ics.Id].ToHashSet();
            Assert.All(Enum.GetValues<OrganisationType>(), type => Assert.True(types.Contains(type), $"{ics.Name} has no {type}."));
        }
    }

    [Fact]
    public void TheSkillTaxonomyCoversEveryQualityDomainWithKnownAliasesAndNoCycles()
    {
        var skills = Network.Value.Skills;
        var byId = skills.ToDictionary(s => s.Id);

        Assert.True(skills.Count >= 60, $"Only {skills.Count} skills.");
        Assert.Equal(Enum.GetValues<QualityDomain>().Order(), skills.Select(s => s.Domain).Distinct().Order());
        var aliases = skills.SelectMany(s => s.Aliases).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("SPC", aliases);
        Assert.Contains("PDSA", aliases);
        Assert.Equal(skills.Count, skills.Select(s => s.Key).Distinct().Count());
        Assert.Equal(skills.Count, skills.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        foreach (var skill in skills)
        {
            var seen = new HashSet<Guid> { skill.Id };
            for (var broader = skill.BroaderId; broader is { } id; broader = byId[id].BroaderId)
            {
                Assert.True(byId.ContainsKey(id), $"{skill.Key} points to a broader skill {id} that is not in the taxonomy.");
                Assert.True(seen.Add(id), $"{skill.Key} is part of a cycle of broader skills.");
            }
        }

        Assert.Contains(skills, s => s.BroaderId is not null);
    }

    [Fact]
    public void MostHeldSkillsAreAtPractitionerLevelAndCoachesAreTheRarest()
    {
        var levels = Network.Value.PersonSkills.GroupBy(s => s.Level).ToDictionary(g => g.Key, g => g.Count());
        var total = levels.Values.Sum();

        Assert.Equal(Enum.GetValues<SkillLevel>().Order(), levels.Keys.Order());
        Assert.Equal(SkillLevel.Practitioner, levels.MaxBy(l => l.Value).Key);
        Assert.Equal(SkillLevel.Coach, levels.MinBy(l => l.Value).Key);
        var deep = (double)(levels[SkillLevel.Expert] + levels[SkillLevel.Coach]) / total;
        Assert.True(deep < 0.30, $"Experts and coaches hold {deep:P0} of person-skills.");
    }

    [Fact]
    public void CommissionersLeanToPlanningAndAssuranceAndProvidersToImprovementAndControl()
    {
        var network = Network.Value;
        var organisations = network.Organisations.ToDictionary(o => o.Id);
        var employerType = network.Employments.Where(e => e.Primary).ToDictionary(e => e.PersonId, e => organisations[e.OrganisationId].Type);
        var domains = network.Skills.ToDictionary(s => s.Id, s => s.Domain);
        var commissioners = network.PersonSkills
            .Where(s => employerType[s.PersonId] is OrganisationType.IntegratedCareBoard or OrganisationType.CommissioningSupport)
            .Select(s => domains[s.SkillId]).ToList();
        var acute = network.PersonSkills.Where(s => employerType[s.PersonId] == OrganisationType.AcuteTrust).Select(s => domains[s.SkillId]).ToList();
        Assert.True(commissioners.Count >= 100, $"Only {commissioners.Count} commissioner skills: too few to compare.");
        Assert.True(acute.Count >= 100, $"Only {acute.Count} acute trust skills: too few to compare.");

        var commissionerPlanning = Share(commissioners, PlanningAndAssurance);
        var acutePlanning = Share(acute, PlanningAndAssurance);
        var commissionerImprovement = Share(commissioners, ImprovementAndControl);
        var acuteImprovement = Share(acute, ImprovementAndControl);

        Assert.True(commissionerPlanning > acutePlanning + 0.15,
            $"Planning and assurance: commissioners {commissionerPlanning:P0}, acute trusts {acutePlanning:P0}.");
        Assert.True(acuteImprovement > commissionerImprovement + 0.15,
            $"Improvement and control: acute trusts {acuteImprovement:P0}, commissioners {commissionerImprovement:P0}.");
    }

    [Fact]
    public void EveryProjectHasALeadAndItsContributorsArePeopleInTheNetwork()
    {
        var network = Network.Value;
        var people = network.People.Select(p => p.Id).ToHashSet();
        var byProject = network.Contributions.ToLookup(c => c.ProjectId);

        Assert.NotEmpty(network.Projects);
        Assert.All(network.Projects, project => Assert.Contains(byProject[project.Id], c => c.Role == ContributionRole.Lead));
        Assert.All(network.Contributions, c => Assert.Contains(c.PersonId, people));
        Assert.All(network.Contributions, c => Assert.Contains(network.Projects, p => p.Id == c.ProjectId));
    }

    [Fact]
    public void SomeProjectTeamsSpanOrganisations()
    {
        var network = Network.Value;
        var (organisationOf, _) = PrimaryEmployers(network);
        var teams = network.Contributions.GroupBy(c => c.ProjectId).ToList();

        var acrossOrganisations = teams.Count(t => t.Select(c => organisationOf[c.PersonId]).Distinct().Count() > 1);

        Assert.True(acrossOrganisations >= network.Projects.Count * 0.10,
            $"Only {acrossOrganisations} of {network.Projects.Count} projects have people from more than one organisation.");
    }

    [Fact]
    public void SomeProjectTeamsSpanIntegratedCareSystems()
    {
        var network = Network.Value;
        var (_, icsOf) = PrimaryEmployers(network);

        var acrossSystems = network.Contributions.GroupBy(c => c.ProjectId).Count(t => t.Select(c => icsOf[c.PersonId]).Distinct().Count() > 1);

        Assert.True(acrossSystems > 0, $"None of {network.Projects.Count} projects has people from more than one ICS.");
    }

    [Fact]
    public void PeopleArePlacedInEveryIntegratedCareSystem()
    {
        var network = Network.Value;
        var (_, icsOf) = PrimaryEmployers(network);

        var populated = network.People.Select(p => icsOf[p.Id]).ToHashSet();

        Assert.Equal(42, network.IntegratedCareSystems.Count);
        var empty = network.IntegratedCareSystems.Where(s => !populated.Contains(s.Id)).Select(s => s.Name).ToList();
        Assert.True(empty.Count == 0, $"{network.People.Count} people work in only {populated.Count} of the 42 ICSs; nobody in {string.Join(", ", empty)}.");
    }

    [Fact]
    public void EveryEndedEmploymentEndedBeforeTheAsOfDate()
    {
        var ended = Network.Value.Employments.Where(e => e.Until is not null).ToList();

        Assert.NotEmpty(ended);
        Assert.All(ended, e => Assert.True(e.Until <= AsOf, $"An ended post runs until {e.Until}, after the as-of date {AsOf}."));
    }

    [Fact]
    public void EmailsAreUniqueAndEveryOrcidIsValid()
    {
        var people = Network.Value.People;

        var emails = people.Select(p => p.Email).ToList();
        Assert.All(emails, e => Assert.False(string.IsNullOrWhiteSpace(e)));
        Assert.Equal(emails.Count, emails.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var orcids = people.Select(p => p.Orcid).OfType<string>().ToList();
        Assert.NotEmpty(orcids);
        Assert.All(orcids, o => Assert.True(Orcid.IsValid(o), $"{o} is not a valid ORCID iD."));
    }

    [Fact]
    public void AGeneratedOrcidIsAValidIdStartingWithZeros()
    {
        // Called directly: the shared network is generated once, before a mutation run switches its mutant on.
        var random = new Bogus.Randomizer(7);
        for (var i = 0; i < 20; i++)
        {
            var id = Orcid.Generate(random);
            // (As generated, the second group is 001x..003x, not the 0001..0003 the generator's comment names.)
            Assert.Matches(@"^0000-00[123]\d-\d{4}-\d{3}[\dX]$", id);
            Assert.True(Orcid.IsValid(id), id);
        }
    }

    [Theory]
    [InlineData("0000-0002-1825-0097", true)]
    [InlineData("0000-0002-1825-0098", false)]
    [InlineData("0000-0002-1694-233X", true)]
    [InlineData("0000-0002-1694-2339", false)]
    [InlineData("0000000218250097", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OrcidCheckCharactersAreVerified(string? value, bool valid) => Assert.Equal(valid, Orcid.IsValid(value));

    [Fact]
    public void EachPersonBringsBetweenEightAndFourteenRelationshipsSoAHundredThousandGiveAboutAMillion()
    {
        // Places, organisations and the taxonomy are a fixed part of every network (about 5,000 relationships):
        // what scales to a million at 100,000 people is what each person adds.
        var withoutPeople = Generate(seed: 20260701, people: 0);
        var withPeople = Network.Value;
        Assert.Equal(withoutPeople.Organisations, withPeople.Organisations);

        var perPerson = (double)(withPeople.RelationshipCount - withoutPeople.RelationshipCount) / withPeople.People.Count;

        Assert.InRange(perPerson, 8, 14);
        Assert.InRange(withoutPeople.RelationshipCount, 1, 20_000);
    }

    private static NetworkSnapshot Generate(int seed, int people) => new NetworkGenerator(seed, AsOf).Generate(people);

    private static double Share(List<QualityDomain> domains, QualityDomain[] wanted) => (double)domains.Count(wanted.Contains) / domains.Count;

    private static (Dictionary<Guid, Guid> Organisation, Dictionary<Guid, Guid> Ics) PrimaryEmployers(NetworkSnapshot network)
    {
        var icsOfOrganisation = network.Organisations.ToDictionary(o => o.Id, o => o.IntegratedCareSystemId!.Value);
        var organisation = network.Employments.Where(e => e.Primary).ToDictionary(e => e.PersonId, e => e.OrganisationId);
        return (organisation, organisation.ToDictionary(p => p.Key, p => icsOfOrganisation[p.Value]));
    }

    /// <summary>seed/icbs.csv read independently of the product's reader: ods_code,name,nhs_region with quoted names.</summary>
    private static List<(string OdsCode, string Name, string NhsRegion)> ReadIcbsCsv()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "seed", "icbs.csv")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "seed", "icbs.csv")).Where(l => l.Length > 0).ToList();
        Assert.Equal("ods_code,name,nhs_region", lines[0]);
        return [.. lines.Skip(1).Select(line =>
        {
            var match = IcbRow().Match(line);
            Assert.True(match.Success, $"Unexpected row: {line}");
            return (match.Groups["code"].Value, match.Groups["name"].Value, match.Groups["region"].Value);
        })];
    }

    [GeneratedRegex("^(?<code>[A-Z0-9]+),(?:\"(?<name>[^\"]*)\"|(?<name>[^,]*)),(?<region>[^,]+)$")]
    private static partial Regex IcbRow();
}
