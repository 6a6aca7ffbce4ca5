using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests.Invitations;

/// <summary>An inbox larger than one read of the newest invitations still answers a status filter completely.</summary>
public sealed class InvitationInboxTests : IDisposable
{
    private readonly ApiFactory factory = new() { DemoPeople = 400 };

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AnOldDeclinedInvitationIsFoundByItsStatusBehindTwoHundredNewerOnes()
    {
        var store = factory.Store;
        var people = (await store.ListPeopleAsync(Viewers.Admin, new PageRequest(0, 1_000), CancellationToken.None)).Items;
        var invitee = people.First(p => p.Visibility == Visibility.Public && p.Email is not null
            && p.Availability.Status != AvailabilityStatus.NotAvailable && p.Availability.OpenToCrossOrganisation);
        var inviters = people.Where(p => p.Id != invitee.Id && p.Visibility != Visibility.Private).Take(201).ToList();
        Assert.Equal(201, inviters.Count);
        var ics = (await store.ListIntegratedCareSystemsAsync(new PageRequest(0, 1), CancellationToken.None)).Items[0].Id;
        var skill = (await store.GetAllSkillsAsync(CancellationToken.None))[0].Id;
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var sent = new List<Invitation>();
        for (var i = 0; i < inviters.Count; i++)
        {
            var draft = new InvitationDraft(invitee.Id, "Design work", ics, [skill], 4, null, start.AddDays(30));
            sent.Add(await store.CreateInvitationAsync(inviters[i].Id, draft, new InvitationPolicy(10), start.AddSeconds(i), CancellationToken.None));
        }

        await store.RespondToInvitationAsync(sent[0].Id, invitee.Id, InvitationResponse.Decline, null, start.AddSeconds(300), CancellationToken.None);
        var token = await factory.SignInAsync(invitee);

        var declined = await factory.QueryAsync("{ me { invitations(status: DECLINED, first: 5) { id } } }", token: token);
        var open = await factory.QueryAsync("{ me { invitations(status: SENT, first: 200) { id } } }", token: token);

        Assert.Null(declined["errors"]);
        Assert.Equal(GlobalId.Encode("Invitation", sent[0].Id), Assert.Single(declined["data"]!["me"]!["invitations"].Arr())!["id"].Str());
        Assert.Equal(200, open["data"]!["me"]!["invitations"].Arr().Count);
    }
}
