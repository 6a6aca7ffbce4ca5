using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>A whole graph to import; order within each list is preserved.</summary>
public sealed record NetworkSnapshot(
    IReadOnlyList<IntegratedCareSystem> IntegratedCareSystems,
    IReadOnlyList<Place> Places,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<(Guid OrganisationId, Guid PlaceId)> OrganisationPlaces,
    IReadOnlyList<Skill> Skills,
    IReadOnlyList<Person> People,
    IReadOnlyList<Employment> Employments,
    IReadOnlyList<PersonSkill> PersonSkills,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<(Guid ProjectId, Guid SkillId)> ProjectMethods,
    IReadOnlyList<Contribution> Contributions,
    IReadOnlyList<Endorsement> Endorsements,
    IReadOnlyList<Invitation>? Invitations = null)
{
    /// <summary>Invitations to design work with their outcomes (the demo's history); none when the snapshot has no such list.</summary>
    public IReadOnlyList<Invitation> InvitationHistory => Invitations ?? [];

    public long RelationshipCount =>
        Places.Count + Organisations.Count(o => o.IntegratedCareSystemId is not null) + OrganisationPlaces.Count
        + Skills.Count(s => s.BroaderId is not null) + Employments.Count + PersonSkills.Count
        + Projects.Count(p => p.HostOrganisationId is not null) + ProjectMethods.Count + Contributions.Count + Endorsements.Count;
}
