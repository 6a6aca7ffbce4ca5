using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Invitations;

/// <summary>
/// A seeded service and the people in it, handing each test its own inviter and invitee (so tests sharing the service
/// never meet) and signing them in.
/// </summary>
public sealed class InvitationScenario : IDisposable
{
    private static readonly Viewer Admin = Viewers.Admin;
    private readonly HashSet<Guid> used = [];
    private List<Person> people = [];
    private IReadOnlyDictionary<Guid, IReadOnlyList<Employment>> employments = new Dictionary<Guid, IReadOnlyList<Employment>>();

    public InvitationScenario() : this(new ApiFactory { DemoPeople = 200 })
    {
    }

    internal InvitationScenario(ApiFactory factory) => Factory = factory;

    public ApiFactory Factory { get; }

    public string IcsId { get; private set; } = "";

    public string[] SkillIds { get; private set; } = [];

    public async Task EnsureAsync()
    {
        if (people.Count > 0)
        {
            return;
        }

        var store = Factory.Store;
        people = [.. (await store.ListPeopleAsync(Admin, new PageRequest(0, 10_000), CancellationToken.None)).Items];
        employments = await store.GetEmploymentsOfPeopleAsync([.. people.Select(p => p.Id)], CancellationToken.None);
        IcsId = GlobalId.Encode("IntegratedCareSystem", (await store.ListIntegratedCareSystemsAsync(new PageRequest(0, 1), CancellationToken.None)).Items[0].Id);
        SkillIds = [.. (await store.GetAllSkillsAsync(CancellationToken.None)).Take(2).Select(s => GlobalId.Encode("Skill", s.Id))];
    }

    /// <summary>Someone not handed out before, matching the condition, who works somewhere now.</summary>
    public Person Take(Func<Person, bool> condition)
    {
        var person = people.First(p => !used.Contains(p.Id) && p.Email is not null && Employers(p.Id).Count > 0 && condition(p));
        used.Add(person.Id);
        return person;
    }

    /// <summary>A designer and an expert at another organisation who is visible to members, available and open to cross-organisation work.</summary>
    public (Person Designer, Person Expert) Pair(bool publicExpert = false)
    {
        var designer = Take(p => p.Visibility == Visibility.Public);
        var expert = Take(p => (publicExpert ? p.Visibility == Visibility.Public : p.Visibility != Visibility.Private) && p.Availability.Status != AvailabilityStatus.NotAvailable
            && p.Availability.OpenToCrossOrganisation && !Employers(p.Id).Overlaps(Employers(designer.Id)));
        return (designer, expert);
    }

    public HashSet<Guid> Employers(Guid personId) =>
        [.. (employments.TryGetValue(personId, out var jobs) ? jobs : []).Where(j => j.Until is null).Select(j => j.OrganisationId)];

    public Task<string> SignInAsync(Person person, params string[] roles) => Factory.SignInAsync(person, roles);

    public async Task<System.Text.Json.Nodes.JsonObject> InviteAsync(string token, Person expert, string? message = "Could you help us design our quality management system?",
        DateTimeOffset? respondBy = null) =>
        await Factory.QueryAsync("""
            mutation($input: InviteExpertInput!) { inviteExpert(input: $input) { id status purpose hoursRequested respondBy invitee { id email } skills { id } } }
            """,
            new
            {
                input = new
                {
                    personId = GlobalId.Encode("Person", expert.Id), purpose = "ICS quality management system design", icsId = IcsId, skillIds = SkillIds,
                    hoursRequested = 16, message, respondBy = respondBy ?? DateTimeOffset.UtcNow.AddDays(14),
                },
            }, token);

    public void Dispose() => Factory.Dispose();
}
