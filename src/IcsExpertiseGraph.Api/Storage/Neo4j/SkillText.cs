using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>
/// A person's searchable skill text for an imported network, in the form refresh-person-text.cypher keeps it:
/// each skill's name and aliases, skills separated by " | ".
/// </summary>
internal static class SkillText
{
    public static Dictionary<Guid, string> ByPerson(NetworkSnapshot network)
    {
        var text = network.Skills.ToDictionary(s => s.Id, s => string.Join(' ', [s.Name, .. s.Aliases]));
        return network.PersonSkills.GroupBy(s => s.PersonId).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(s => text[s.SkillId])));
    }
}

/// <summary>
/// Refuses a network whose relationships name ids it does not hold (the embedded store's keys catch the same):
/// in Cypher a MATCH on a missing id would silently drop the relationship instead.
/// </summary>
internal static class SnapshotReferences
{
    public static void Check(NetworkSnapshot n)
    {
        var ics = Ids(n.IntegratedCareSystems.Select(i => i.Id), "IntegratedCareSystem");
        var places = Ids(n.Places.Select(p => p.Id), "Place");
        var organisations = Ids(n.Organisations.Select(o => o.Id), "Organisation");
        var skills = Ids(n.Skills.Select(s => s.Id), "Skill");
        var people = Ids(n.People.Select(p => p.Id), "Person");
        var projects = Ids(n.Projects.Select(p => p.Id), "Project");
        Require(ics, n.IntegratedCareSystems.Select(i => i.SuccessorId), "successor");
        Require(ics, n.Places.Select(p => (Guid?)p.IntegratedCareSystemId), "place ICS");
        Require(ics, n.Organisations.Select(o => o.IntegratedCareSystemId), "organisation ICS");
        Require(organisations, n.OrganisationPlaces.Select(s => (Guid?)s.OrganisationId), "organisation");
        Require(places, n.OrganisationPlaces.Select(s => (Guid?)s.PlaceId), "place");
        Require(skills, n.Skills.Select(s => s.BroaderId), "broader skill");
        Require(people, n.Employments.Select(e => (Guid?)e.PersonId), "employee");
        Require(organisations, n.Employments.Select(e => (Guid?)e.OrganisationId), "employer");
        Require(people, n.PersonSkills.Select(s => (Guid?)s.PersonId), "skill holder");
        Require(skills, n.PersonSkills.Select(s => (Guid?)s.SkillId), "skill");
        Require(organisations, n.Projects.Select(p => p.HostOrganisationId), "host organisation");
        Require(projects, n.ProjectMethods.Select(m => (Guid?)m.ProjectId), "project");
        Require(skills, n.ProjectMethods.Select(m => (Guid?)m.SkillId), "method");
        Require(people, n.Contributions.Select(c => (Guid?)c.PersonId), "contributor");
        Require(projects, n.Contributions.Select(c => (Guid?)c.ProjectId), "project");
        Require(people, n.Endorsements.Select(e => (Guid?)e.EndorserId), "endorser");
        Require(people, n.Endorsements.Select(e => (Guid?)e.EndorseeId), "endorsee");
        Require(skills, n.Endorsements.Select(e => (Guid?)e.SkillId), "endorsed skill");
        Ids(n.InvitationHistory.Select(v => v.Id), "Invitation");
        Require(people, n.InvitationHistory.Select(v => (Guid?)v.InviterId), "inviter");
        Require(people, n.InvitationHistory.Select(v => (Guid?)v.InviteeId), "invitee");
        Require(ics, n.InvitationHistory.Select(v => (Guid?)v.IntegratedCareSystemId), "invitation ICS");
        Require(projects, n.InvitationHistory.Select(v => v.ProjectId), "project an invitation led to");
        Require(skills, n.InvitationHistory.SelectMany(v => v.SkillIds.Select(s => (Guid?)s)), "invited skill");
    }

    private static HashSet<Guid> Ids(IEnumerable<Guid> ids, string what)
    {
        var set = new HashSet<Guid>();
        foreach (var id in ids)
        {
            if (!set.Add(id))
            {
                throw new InvalidOperationException($"Duplicate id {id} in the {what} list.");
            }
        }

        return set;
    }

    private static void Require(HashSet<Guid> known, IEnumerable<Guid?> references, string what)
    {
        foreach (var id in references)
        {
            if (id is { } value && !known.Contains(value))
            {
                throw new InvalidOperationException($"The {what} {value} is not part of the imported network.");
            }
        }
    }
}
