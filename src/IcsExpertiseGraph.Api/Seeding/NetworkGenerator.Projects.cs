using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Seeding;

public sealed partial class NetworkGenerator
{
    private static readonly Dictionary<ProjectStatus, float> StatusMix = new()
    {
        [ProjectStatus.Completed] = 0.45f, [ProjectStatus.Active] = 0.35f, [ProjectStatus.Planned] = 0.10f, [ProjectStatus.Paused] = 0.10f,
    };

    /// <summary>
    /// About one project per three people. Teams are mostly from the host organisation, with a
    /// realistic share from other organisations in the ICS and a few from other ICSs, so that the
    /// collaboration graph has both dense clusters and the bridges network managers look for.
    /// </summary>
    private void GenerateProjects(int peopleCount)
    {
        if (peopleCount < 2)
        {
            return;
        }

        var statuses = StatusMix.Keys.ToArray();
        var statusWeights = StatusMix.Values.ToArray();
        var endorsed = new HashSet<(int, int, Guid)>();
        var projectCount = Math.Max(1, (int)(peopleCount / 3.2));
        for (var n = 0; n < projectCount; n++)
        {
            var leadIndex = random.Int(0, people.Count - 1);
            var host = primaryEmployer[leadIndex];
            var team = new List<int> { leadIndex };
            var size = Math.Min(2 + (int)(-Math.Log(1 - random.Double()) * 2.2), 12);
            for (var attempt = 0; team.Count < size && attempt < size * 3; attempt++)
            {
                var member = PickTeamMember(host);
                if (member >= 0 && !team.Contains(member))
                {
                    team.Add(member);
                }
            }

            var status = random.WeightedRandom(statuses, statusWeights);
            var start = asOf.AddDays(status == ProjectStatus.Planned ? random.Int(14, 180) : -random.Int(30, 365 * 5));
            DateOnly? end = status == ProjectStatus.Completed ? start.AddDays(random.Int(90, 720)) : null;
            if (end > asOf)
            {
                end = asOf.AddDays(-random.Int(1, 30));
            }

            var methods = PickMethods(leadIndex);
            var topic = random.ArrayElement(SeedVocabulary.ProjectTopics);
            var project = new Project(
                random.Guid(),
                $"{random.ArrayElement(SeedVocabulary.ProjectVerbs)} {topic} {random.ArrayElement(SeedVocabulary.Settings)}",
                $"Improve {topic} by {random.Int(10, 40)}% within {random.Int(6, 24)} months, measured on a run chart.",
                status,
                start,
                end,
                status == ProjectStatus.Completed ? random.ArrayElement(SeedVocabulary.Outcomes) : null,
                host.Id);
            projects.Add(project);
            projectMethods.AddRange(methods.Select(m => (project.Id, m)));
            for (var i = 0; i < team.Count; i++)
            {
                var role = i == 0 ? ContributionRole.Lead
                    : random.WeightedRandom([ContributionRole.Member, ContributionRole.Sponsor, ContributionRole.Coach, ContributionRole.Advisor], [0.72f, 0.1f, 0.1f, 0.08f]);
                contributions.Add(new Contribution(people[team[i]].Id, project.Id, role, start, end));
            }

            Endorse(team, methods, end ?? asOf, endorsed);
        }
    }

    private int PickTeamMember(Organisation host)
    {
        var roll = random.Double();
        Guid organisationId;
        if (roll < 0.70)
        {
            organisationId = host.Id;
        }
        else if (roll < 0.92)
        {
            organisationId = random.ListItem(organisationsByIcs[host.IntegratedCareSystemId!.Value]);
        }
        else
        {
            organisationId = random.ListItem(organisationsByIcs[systems[random.Int(0, systems.Count - 1)].Id]);
        }

        var staff = staffByOrganisation[organisationId];
        return staff.Count == 0 ? -1 : random.ListItem(staff);
    }

    private List<Guid> PickMethods(int leadIndex)
    {
        var fromLead = skillsOfPerson[leadIndex].Select(s => s.SkillId).ToList();
        var methods = random.ListItems(fromLead, Math.Min(fromLead.Count, random.Int(1, 2))).ToList();
        for (var extra = random.Int(0, 2); extra > 0; extra--)
        {
            var skill = skills[random.Int(0, skills.Count - 1)].Id;
            if (!methods.Contains(skill))
            {
                methods.Add(skill);
            }
        }

        return methods;
    }

    /// <summary>Colleagues on a project vouch for each other's skills, preferring the methods the project used.</summary>
    private void Endorse(List<int> team, List<Guid> methods, DateOnly when, HashSet<(int, int, Guid)> endorsed)
    {
        for (var k = team.Count * 2; k > 0; k--)
        {
            if (!random.Bool(0.6f))
            {
                continue;
            }

            var endorser = random.ListItem(team);
            var endorsee = random.ListItem(team);
            var held = skillsOfPerson[endorsee];
            if (endorser == endorsee || held.Count == 0)
            {
                continue;
            }

            var skill = held.FirstOrDefault(s => methods.Contains(s.SkillId))?.SkillId ?? random.ListItem(held).SkillId;
            if (endorsed.Add((endorser, endorsee, skill)))
            {
                endorsements.Add(new Endorsement(people[endorser].Id, people[endorsee].Id, skill,
                    new DateTimeOffset(when.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).AddDays(random.Int(0, 60))));
            }
        }
    }
}
