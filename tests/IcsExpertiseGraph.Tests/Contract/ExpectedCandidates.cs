using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Contract;

/// <summary>
/// Who a search must return, worked out from the snapshot as ExpertCriteria's contract states it: visible
/// people whose text matches a term or who hold a concept skill (everyone, with neither); then each filter,
/// OR within a facet and AND across facets; the organisation facets met by one current employment.
/// </summary>
internal static class ExpectedCandidates
{
    public static HashSet<Guid> Of(NetworkSnapshot network, ExpertCriteria criteria, Viewer viewer)
    {
        var holdings = network.PersonSkills.ToLookup(s => s.PersonId);
        var domains = network.Skills.ToDictionary(s => s.Id, s => s.Domain);
        var organisations = network.Organisations.ToDictionary(o => o.Id);
        var served = network.OrganisationPlaces.ToLookup(s => s.OrganisationId, s => s.PlaceId);
        var posts = network.Employments.Where(ContractNetwork.IsCurrent).ToLookup(e => e.PersonId, e => organisations[e.OrganisationId]);
        var text = criteria.Terms.SelectMany(network.TextMatches).ToHashSet();
        var min = criteria.MinLevel ?? SkillLevel.Awareness;
        var levelAlone = criteria.MinLevel is not null && criteria.SkillIds.Count == 0 && criteria.Domains.Count == 0;
        var anyOrganisationFacet = criteria.IntegratedCareSystemIds.Count + criteria.PlaceIds.Count + criteria.OrganisationTypes.Count > 0;

        bool Holds(Guid person, Func<PersonSkill, bool> which) => holdings[person].Any(which);
        bool Fits(Organisation o) =>
            (criteria.IntegratedCareSystemIds.Count == 0 || (o.IntegratedCareSystemId is { } ics && criteria.IntegratedCareSystemIds.Contains(ics)))
            && (criteria.OrganisationTypes.Count == 0 || criteria.OrganisationTypes.Contains(o.Type))
            && (criteria.PlaceIds.Count == 0 || served[o.Id].Any(criteria.PlaceIds.Contains));

        return [.. network.People
            .Where(p => viewer.CanSee(p.Id, p.Visibility))
            .Where(p => criteria.MatchesEveryone || text.Contains(p.Id) || Holds(p.Id, s => criteria.ConceptSkillIds.Contains(s.SkillId)))
            .Where(p => criteria.SkillIds.Count == 0 || Holds(p.Id, s => s.Level >= min && criteria.SkillIds.Contains(s.SkillId)))
            .Where(p => criteria.Domains.Count == 0 || Holds(p.Id, s => s.Level >= min && criteria.Domains.Contains(domains[s.SkillId])))
            // A level on its own asks for that depth in one of the query's skills, or in any skill when it names none.
            .Where(p => !levelAlone || Holds(p.Id, s => s.Level >= min && (criteria.ConceptSkillIds.Count == 0 || criteria.ConceptSkillIds.Contains(s.SkillId))))
            .Where(p => !anyOrganisationFacet || posts[p.Id].Any(Fits))
            .Where(p => !criteria.AvailableOnly || p.Availability.Status != AvailabilityStatus.NotAvailable)
            .Where(p => criteria.OpenToCrossOrganisation is not { } open || p.Availability.OpenToCrossOrganisation == open)
            .Select(p => p.Id)];
    }
}
