using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>
/// Everything one GraphQL request shares: who is asking, and the batch loaders (scoped, so nothing loaded
/// for one caller is ever served to another). Its store is the port behind <see cref="VisibilityGuard"/>: whatever the
/// store answers, no person, invitation or notification reaches the request that the C# rule would not show it.
/// </summary>
public sealed partial class RequestContext
{
    public RequestContext(IExpertiseStore store, ILogger<RequestContext> logger)
    {
        store = VisibilityGuard.Wrap(store, (method, count) => LogWithheld(logger, method, count));
        Store = store;
        People = new((ids, ct) => store.GetPeopleAsync(ids, Viewer, ct));
        Organisations = new(store.GetOrganisationsAsync);
        IntegratedCareSystems = new(store.GetIntegratedCareSystemsAsync);
        Places = new(store.GetPlacesAsync);
        Projects = new(store.GetProjectsAsync);
        SkillsOfPeople = new(store.GetSkillsOfPeopleAsync);
        EmploymentsOfPeople = new(store.GetEmploymentsOfPeopleAsync);
        ContributionsOfPeople = new(store.GetContributionsOfPeopleAsync);
        ContributionsToProjects = new((ids, ct) => store.GetContributionsToProjectsAsync(ids, Viewer, ct));
        MethodsOfProjects = new(store.GetMethodsOfProjectsAsync);
        StaffOfOrganisations = new((ids, ct) => store.GetCurrentStaffAsync(ids, Viewer, ct));
        PlacesServed = new(store.GetPlacesServedByOrganisationsAsync);
        PlacesOfSystems = new(store.GetPlacesOfIntegratedCareSystemsAsync);
        ConsentedContacts = new(async (ids, ct) =>
        {
            var accepted = Viewer.PersonId is { } me ? await store.GetAcceptedInviteesAsync(me, ids, ct) : new HashSet<Guid>();
            return ids.ToDictionary(id => id, accepted.Contains);
        });
    }

    public IExpertiseStore Store { get; }

    /// <summary>Who is asking, set by the endpoint from the bearer token before the query runs.</summary>
    public Viewer Viewer { get; set; } = Viewer.Anonymous;

    /// <summary>The validated token's identity; null for an anonymous caller.</summary>
    public SignedInIdentity? Identity { get; set; }

    public BatchLoader<Guid, Person> People { get; }

    public BatchLoader<Guid, Organisation> Organisations { get; }

    public BatchLoader<Guid, IntegratedCareSystem> IntegratedCareSystems { get; }

    public BatchLoader<Guid, Place> Places { get; }

    public BatchLoader<Guid, Project> Projects { get; }

    public BatchLoader<Guid, IReadOnlyList<PersonSkill>> SkillsOfPeople { get; }

    public BatchLoader<Guid, IReadOnlyList<Employment>> EmploymentsOfPeople { get; }

    public BatchLoader<Guid, IReadOnlyList<Contribution>> ContributionsOfPeople { get; }

    public BatchLoader<Guid, IReadOnlyList<Contribution>> ContributionsToProjects { get; }

    public BatchLoader<Guid, IReadOnlyList<Guid>> MethodsOfProjects { get; }

    public BatchLoader<Guid, IReadOnlyList<Person>> StaffOfOrganisations { get; }

    public BatchLoader<Guid, IReadOnlyList<Guid>> PlacesServed { get; }

    public BatchLoader<Guid, IReadOnlyList<Place>> PlacesOfSystems { get; }

    /// <summary>Whether each person accepted an invitation from the viewer, which shows the viewer their email.</summary>
    public BatchLoader<Guid, bool> ConsentedContacts { get; }

    [LoggerMessage(Level = LogLevel.Error, Message = "The store's {Method} returned {Count} item(s) the caller may not see; they were withheld (a store filter is wrong)")]
    private static partial void LogWithheld(ILogger logger, string method, int count);
}
