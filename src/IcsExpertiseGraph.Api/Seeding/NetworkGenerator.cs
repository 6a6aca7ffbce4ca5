using System.Globalization;
using Bogus;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;
using Person = IcsExpertiseGraph.Api.Domain.Person;

namespace IcsExpertiseGraph.Api.Seeding;

/// <summary>
/// Generates a synthetic but realistic ICS improvement network on top of the real reference data:
/// places and organisations of every type in each of the 42 ICSs, people with employments and skills
/// (mostly practitioners, few experts and coaches; commissioners lean to planning and assurance, providers
/// to improvement and control), projects with contributors mostly from one organisation and some across
/// organisations and ICSs, project methods and endorsements. The same seed and as-of date give the same network.
/// </summary>
public sealed partial class NetworkGenerator
{
    private readonly Faker faker;
    private readonly Randomizer random;
    private readonly int invitationSeed;
    private readonly DateOnly asOf;
    private readonly DateTimeOffset asOfInstant;
    private readonly IReadOnlyList<IntegratedCareSystem> systems;
    private readonly IReadOnlyList<Skill> skills;
    private readonly Dictionary<QualityDomain, Skill[]> skillsByDomain;
    private readonly Dictionary<Guid, Skill> skillsById;
    private readonly Dictionary<Guid, Organisation> organisationsById = [];
    private readonly HashSet<string> usedCodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> usedEmails = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, HashSet<string>> namesByIcs = [];

    private readonly List<Place> places = [];
    private readonly List<Organisation> organisations = [];
    private readonly List<(Guid, Guid)> organisationPlaces = [];
    private readonly List<Person> people = [];
    private readonly List<Employment> employments = [];
    private readonly List<PersonSkill> personSkills = [];
    private readonly List<Project> projects = [];
    private readonly List<(Guid, Guid)> projectMethods = [];
    private readonly List<Contribution> contributions = [];
    private readonly List<Endorsement> endorsements = [];

    // Working indexes: who works where, and what each person holds (for project methods and endorsements).
    private readonly Dictionary<Guid, List<int>> staffByOrganisation = [];
    private readonly Dictionary<Guid, List<Guid>> organisationsByIcs = [];
    private readonly List<Organisation> primaryEmployer = [];
    private readonly List<List<PersonSkill>> skillsOfPerson = [];

    public NetworkGenerator(int seed, DateOnly asOf)
    {
        faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        random = faker.Random;
        invitationSeed = unchecked(seed * 31 + 0x1A57);
        this.asOf = asOf;
        asOfInstant = new DateTimeOffset(asOf.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        systems = ReferenceData.IntegratedCareSystems();
        skills = ReferenceData.Skills();
        skillsByDomain = skills.GroupBy(s => s.Domain).ToDictionary(g => g.Key, g => g.ToArray());
        skillsById = skills.ToDictionary(s => s.Id);
    }

    /// <summary>The network; planted experts (if any) are added after everyone else, so the rest is the same with or without them.</summary>
    public NetworkSnapshot Generate(int peopleCount, IReadOnlyList<PlantedExpert>? planted = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peopleCount);
        foreach (var ics in systems)
        {
            GenerateOrganisations(ics);
        }

        GeneratePeople(peopleCount);
        GenerateProjects(peopleCount);
        GenerateInvitations(peopleCount);
        foreach (var expert in planted ?? [])
        {
            Plant(expert);
        }

        return new NetworkSnapshot(systems, places, organisations, organisationPlaces, skills, people, employments, personSkills,
            projects, projectMethods, contributions, endorsements, invitations);
    }

    private void GenerateOrganisations(IntegratedCareSystem ics)
    {
        organisationsByIcs[ics.Id] = [];
        var region = ics.Name.Replace("NHS ", "", StringComparison.Ordinal).Replace(" Integrated Care Board", "", StringComparison.Ordinal);
        var icsPlaces = Enumerable.Range(0, random.Int(3, 6)).Select(_ => NewPlace(ics)).ToList();

        Add(new Organisation(ReferenceData.StableId("organisation", ics.OdsCode), ics.OdsCode, ics.Name, OrganisationType.IntegratedCareBoard, ics.Id), icsPlaces);
        for (var i = random.Int(2, 3); i > 0; i--)
        {
            var place = random.ListItem(icsPlaces);
            Add(NewOrganisation(ics, OrganisationType.AcuteTrust, Drawn(["Teaching Hospitals", "Hospitals", "University Hospitals"], kind => $"{place.Name} {kind} NHS Foundation Trust"), "R", 2), [place]);
        }

        Add(NewOrganisation(ics, OrganisationType.CommunityTrust, [$"{region} Community Health Services NHS Trust"], "R", 2), icsPlaces);
        Add(NewOrganisation(ics, OrganisationType.MentalHealthTrust, [$"{region} Partnership NHS Foundation Trust"], "R", 2), icsPlaces);
        Add(NewOrganisation(ics, OrganisationType.AmbulanceTrust, [$"{region} Ambulance Service NHS Trust"], "R", 2), icsPlaces);
        Add(NewOrganisation(ics, OrganisationType.CommissioningSupport, [$"{region} Commissioning Support Unit"], "0", 2), icsPlaces);
        Add(NewOrganisation(ics, OrganisationType.Academic, [$"University of {random.ListItem(icsPlaces).Name}"], null, 0), icsPlaces);
        Add(NewOrganisation(ics, OrganisationType.Other, Drawn(["Hospice", "Health Innovation Network", "Independent Sector Treatment Centre"], kind => $"{region} {kind}"), null, 0), icsPlaces);
        for (var i = random.Int(2, 3); i > 0; i--)
        {
            var place = random.ListItem(icsPlaces);
            Add(NewOrganisation(ics, OrganisationType.Vcse, Drawn(["Carers Centre", "Mind", "Age UK", "Healthwatch", "Community Voluntary Service"], kind => $"{place.Name} {kind}"), null, 0), [place]);
        }

        foreach (var place in icsPlaces)
        {
            Add(NewOrganisation(ics, OrganisationType.LocalAuthority, Drawn(["City Council", "Council", "Borough Council"], kind => $"{place.Name} {kind}"), null, 0), [place]);
            for (var p = 0; p < 2; p++)
            {
                Add(NewOrganisation(ics, OrganisationType.PrimaryCareNetwork, Drawn(["North", "South", "East", "West", "Central", "Rural"], part => $"{place.Name} {part} PCN"), "U", 5), [place]);
                for (var g = 0; g < 2; g++)
                {
                    var street = faker.Address.StreetName();
                    Add(NewOrganisation(ics, OrganisationType.GpPractice, Drawn(["Surgery", "Medical Centre", "Health Centre", "Medical Practice"], kind => $"{street} {kind}"), "Y", 5), [place]);
                }
            }
        }
    }

    private Place NewPlace(IntegratedCareSystem ics)
    {
        string name;
        do
        {
            name = faker.Address.City();
        }
        while (places.Any(p => p.Name == name && p.IntegratedCareSystemId == ics.Id));

        var place = new Place(random.Guid(), name, ics.Id);
        places.Add(place);
        return place;
    }

    /// <summary>
    /// Names from each choice, the one drawn at random first (one draw, as a plain pick would make) and then the others in
    /// turn, for <see cref="NewOrganisation"/> to take the first no other organisation of the ICS has.
    /// </summary>
    private string[] Drawn(string[] choices, Func<string, string> name)
    {
        var first = random.ArrayElement(Enumerable.Range(0, choices.Length).ToArray());
        return [.. choices.Skip(first).Concat(choices.Take(first)).Select(name)];
    }

    /// <summary>A new organisation named by the first of <paramref name="names"/> still free in the ICS, so two organisations of one ICS never share a name.</summary>
    private Organisation NewOrganisation(IntegratedCareSystem ics, OrganisationType type, string[] names, string? codePrefix, int codeLength)
    {
        var taken = namesByIcs.TryGetValue(ics.Id, out var inIcs) ? inIcs : namesByIcs[ics.Id] = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ics.Name };
        var name = names.FirstOrDefault(taken.Add);
        for (var n = 2; name is null; n++)
        {
            name = taken.Add($"{names[0]} ({n})") ? $"{names[0]} ({n})" : null;
        }

        string? code = null;
        if (codePrefix is not null)
        {
            do
            {
                code = codePrefix + (codeLength == 2 ? random.String2(2, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") : random.ReplaceNumbers(new string('#', codeLength)));
            }
            while (!usedCodes.Add(code));
        }

        return new Organisation(random.Guid(), code, name, type, ics.Id);
    }

    private void Add(Organisation organisation, IEnumerable<Place> served)
    {
        organisations.Add(organisation);
        organisationsById[organisation.Id] = organisation;
        organisationsByIcs[organisation.IntegratedCareSystemId!.Value].Add(organisation.Id);
        staffByOrganisation[organisation.Id] = [];
        foreach (var place in served)
        {
            organisationPlaces.Add((organisation.Id, place.Id));
        }
    }

    private static readonly (OrganisationType Type, float Weight)[] EmployerMix =
    [
        (OrganisationType.AcuteTrust, 0.30f), (OrganisationType.CommunityTrust, 0.09f), (OrganisationType.MentalHealthTrust, 0.11f),
        (OrganisationType.AmbulanceTrust, 0.04f), (OrganisationType.PrimaryCareNetwork, 0.07f), (OrganisationType.GpPractice, 0.10f),
        (OrganisationType.IntegratedCareBoard, 0.09f), (OrganisationType.LocalAuthority, 0.06f), (OrganisationType.Vcse, 0.05f),
        (OrganisationType.Academic, 0.04f), (OrganisationType.CommissioningSupport, 0.03f), (OrganisationType.Other, 0.02f),
    ];

    private void GeneratePeople(int count)
    {
        // Some systems are bigger than others; Bogus wants weights that sum to one.
        var sizes = systems.Select(_ => random.Double(0.5, 1.5)).ToArray();
        var icsWeights = sizes.Select(size => (float)(size / sizes.Sum())).ToArray();
        var byIcsAndType = organisations.GroupBy(o => (o.IntegratedCareSystemId!.Value, o.Type)).ToDictionary(g => g.Key, g => g.ToArray());
        var mixTypes = EmployerMix.Select(m => m.Type).ToArray();
        var mixWeights = EmployerMix.Select(m => m.Weight).ToArray();
        for (var index = 0; index < count; index++)
        {
            var ics = random.WeightedRandom(systems.ToArray(), icsWeights);
            var type = random.WeightedRandom(mixTypes, mixWeights);
            var employer = random.ArrayElement(byIcsAndType[(ics.Id, type)]);
            var person = NewPerson(employer);
            people.Add(person);
            primaryEmployer.Add(employer);
            staffByOrganisation[employer.Id].Add(index);
            employments.Add(new Employment(person.Id, employer.Id, RoleFor(employer.Type), asOf.AddDays(-random.Int(90, 365 * 15)), null, true));
            if (random.Bool(0.15f))
            {
                // A second, part-time or past post: often in a neighbouring organisation of the same ICS.
                var other = organisationsById[random.ListItem(organisationsByIcs[ics.Id])];
                if (other.Id != employer.Id)
                {
                    var past = random.Bool(0.6f);
                    var since = asOf.AddDays(-random.Int(400, 365 * 20));
                    var until = since.AddDays(random.Int(180, 365 * 5));
                    if (until >= asOf)
                    {
                        until = asOf.AddDays(-random.Int(1, 200)); // a past post ended before the as-of date
                    }

                    employments.Add(new Employment(person.Id, other.Id, RoleFor(other.Type), since, past ? until : null, false));
                    if (!past)
                    {
                        staffByOrganisation[other.Id].Add(index);
                    }
                }
            }

            skillsOfPerson.Add(GenerateSkills(person, employer.Type));
        }
    }

    private Person NewPerson(Organisation employer)
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        var email = $"{first}.{last}@nhs.net".ToLowerInvariant().Replace(' ', '-').Replace('\'', '-');
        for (var n = 2; !usedEmails.Add(email); n++)
        {
            email = $"{first}.{last}{n}@nhs.net".ToLowerInvariant().Replace(' ', '-').Replace('\'', '-');
        }

        var status = random.WeightedRandom([AvailabilityStatus.Open, AvailabilityStatus.Limited, AvailabilityStatus.NotAvailable], [0.3f, 0.45f, 0.25f]);
        var availability = new Availability(
            status,
            status == AvailabilityStatus.NotAvailable ? null : random.Int(2, 16),
            status != AvailabilityStatus.NotAvailable && random.Bool(0.6f),
            status == AvailabilityStatus.NotAvailable ? null : random.ArrayElement(SeedVocabulary.Terms));
        var created = asOfInstant.AddDays(-random.Int(30, 1200));
        var role = RoleFor(employer.Type);
        return new Person(
            random.Guid(),
            $"{first} {last}",
            $"{role}, {employer.Name}",
            null, // written once the person's skills are known
            email,
            random.Bool(0.15f) ? Orcid.Generate(random) : null,
            random.WeightedRandom([Visibility.Public, Visibility.Network, Visibility.Private], [0.55f, 0.38f, 0.07f]),
            availability,
            asOfInstant.AddDays(-random.Int(0, 900)).AddMinutes(-random.Int(0, 1440)),
            null,
            1,
            created,
            created);
    }

    private void Plant(PlantedExpert expert)
    {
        var ics = systems.FirstOrDefault(s => s.OdsCode == expert.IcsOdsCode)
            ?? throw new ArgumentException($"No ICS has ODS code {expert.IcsOdsCode}.", nameof(expert));
        var employer = organisations.First(o => o.IntegratedCareSystemId == ics.Id && o.Type == expert.OrganisationType);
        var confirmed = asOfInstant.AddDays(-expert.ConfirmedDaysAgo);
        var person = new Person(random.Guid(), expert.DisplayName, $"{RoleFor(employer.Type)}, {employer.Name}", null, null, null, Visibility.Public,
            new Availability(expert.Availability, expert.Availability == AvailabilityStatus.NotAvailable ? null : 8, expert.OpenToCrossOrganisation, null),
            confirmed, null, 1, confirmed, confirmed);
        people.Add(person);
        employments.Add(new Employment(person.Id, employer.Id, RoleFor(employer.Type), asOf.AddYears(-3), null, true));
        var held = expert.Skills.Select(p => new PersonSkill(person.Id, skills.Single(s => s.Key == p.Key).Id, p.Value, expert.Evidence,
            (int)p.Value * 3, expert.Verified, asOf.AddYears(-(int)p.Value * 2))).ToList();
        personSkills.AddRange(held);
        people[^1] = person with { Bio = WriteBio(held) };
    }

    private string RoleFor(OrganisationType type) => type switch
    {
        OrganisationType.IntegratedCareBoard or OrganisationType.CommissioningSupport => random.ArrayElement(SeedVocabulary.CommissionerRoles),
        OrganisationType.PrimaryCareNetwork or OrganisationType.GpPractice => random.ArrayElement(SeedVocabulary.PrimaryCareRoles),
        OrganisationType.LocalAuthority or OrganisationType.Vcse or OrganisationType.Academic => random.ArrayElement(SeedVocabulary.CommunityRoles),
        _ => random.ArrayElement(SeedVocabulary.ProviderRoles),
    };

    private static readonly QualityDomain[] Domains = Enum.GetValues<QualityDomain>();

    private List<PersonSkill> GenerateSkills(Person person, OrganisationType employerType)
    {
        var weights = SeedVocabulary.DomainWeights(employerType).Select(w => (float)w).ToArray();
        var held = new Dictionary<Guid, PersonSkill>();
        var wanted = random.Int(2, 9);
        // Seniority moves the whole profile: most people are practitioners, a few are experts or coaches.
        var seniority = random.WeightedRandom([0, 1, 2], [0.65f, 0.27f, 0.08f]);
        for (var attempt = 0; held.Count < wanted && attempt < wanted * 4; attempt++)
        {
            var domain = random.WeightedRandom(Domains, weights);
            var inDomain = skillsByDomain[domain];
            // Popular methods first: a skewed pick favours the head of each domain's list.
            var skill = inDomain[(int)(Math.Pow(random.Double(), 1.8) * inDomain.Length)];
            if (held.ContainsKey(skill.Id))
            {
                continue;
            }

            var level = PickLevel(seniority);
            held[skill.Id] = NewPersonSkill(person.Id, skill.Id, level);
            // Knowing a narrower method usually means some grasp of its parent (value stream mapping -> Lean).
            if (skill.BroaderId is { } broader && !held.ContainsKey(broader) && random.Bool(0.5f))
            {
                held[broader] = NewPersonSkill(person.Id, broader, (SkillLevel)Math.Max(1, (int)level - random.Int(0, 1)));
            }
        }

        var list = held.Values.OrderByDescending(s => s.Level).ToList();
        personSkills.AddRange(list);
        var index = people.Count - 1;
        people[index] = people[index] with { Bio = WriteBio(list) };
        return list;
    }

    private SkillLevel PickLevel(int seniority) => seniority switch
    {
        0 => random.WeightedRandom([SkillLevel.Awareness, SkillLevel.Practitioner, SkillLevel.Expert], [0.30f, 0.64f, 0.06f]),
        1 => random.WeightedRandom([SkillLevel.Awareness, SkillLevel.Practitioner, SkillLevel.Expert, SkillLevel.Coach], [0.10f, 0.55f, 0.28f, 0.07f]),
        _ => random.WeightedRandom([SkillLevel.Practitioner, SkillLevel.Expert, SkillLevel.Coach], [0.25f, 0.45f, 0.30f]),
    };

    private PersonSkill NewPersonSkill(Guid personId, Guid skillId, SkillLevel level)
    {
        var evidence = random.WeightedRandom<SkillEvidence?>(
            [null, SkillEvidence.Training, SkillEvidence.Project, SkillEvidence.Credential, SkillEvidence.Publication],
            level >= SkillLevel.Expert ? [0.10f, 0.30f, 0.35f, 0.15f, 0.10f] : [0.35f, 0.38f, 0.22f, 0.04f, 0.01f]);
        var years = Math.Max(0, ((int)level * 3) + random.Int(-3, 6));
        var verified = random.Bool(level >= SkillLevel.Expert ? 0.35f : 0.06f);
        return new PersonSkill(personId, skillId, level, evidence, years, verified, asOf.AddDays(-365 * years - random.Int(0, 300)));
    }

    private string WriteBio(List<PersonSkill> held)
    {
        var names = held.Take(3).Select(s => skillsById[s.SkillId].Name).ToList();
        var opening = random.ArrayElement(SeedVocabulary.BioOpenings);
        var topic = random.ArrayElement(SeedVocabulary.ProjectTopics);
        return names.Count switch
        {
            1 => $"{opening}, most recently on {topic}. I use {names[0]}.",
            2 => $"{opening}, most recently on {topic}. I use {names[0]} and {names[1]}.",
            _ => string.Create(CultureInfo.InvariantCulture, $"{opening}, most recently on {topic}. I use {names[0]}, {names[1]} and {names[2]}, and I am glad to share what worked."),
        };
    }
}
