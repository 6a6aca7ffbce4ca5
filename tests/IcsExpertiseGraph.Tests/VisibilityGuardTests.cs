using System.Reflection;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The C# visibility check behind the stores' own filters (issue 20, item 3): the service runs on a store that answers
/// every viewer as if they were an admin (as a Cypher filter with a mistake would), and still shows a member no one they
/// may not see, gives no count that includes them (a page holding one is refused whole), and shows each caller only their
/// own side of the invitations and their own notifications. A store that does this is a bug, so each withholding is logged.
/// </summary>
public sealed class VisibilityGuardTests : IDisposable
{
    private static readonly Viewer Everyone = new(null, true, true);

    private readonly ApiFactory factory = new()
    {
        DemoPeople = 300,
        TestServices = services =>
        {
            var original = services.Single(d => d.ServiceType == typeof(IExpertiseStore));
            services.Remove(original);
            services.AddSingleton(sp => LeakyStore.Wrap((IExpertiseStore)original.ImplementationFactory!(sp)));
        },
    };

    [Fact]
    public async Task AStoreThatReturnsPrivatePeopleToAMemberShowsThemNowhere()
    {
        var people = (await factory.Store.ListPeopleAsync(Everyone, new PageRequest(0, 10_000), CancellationToken.None)).Items;
        // The leaky store really does return too much: a member's own list, asked of it directly, holds PRIVATE people.
        var member = SeededPeople.SignInAble(people)[0];
        Assert.Contains((await factory.Store.ListPeopleAsync(new Viewer(member.Id, true, false), new PageRequest(0, 10_000), CancellationToken.None)).Items,
            p => p.Visibility == Visibility.Private);
        var hidden = people.Where(p => p.Visibility == Visibility.Private).Select(p => GlobalId.Encode("Person", p.Id)).ToHashSet();
        var token = await factory.SignInAsync(member);

        var list = await factory.QueryAsync("{ people(first: 100) { totalCount nodes { id } } }", token: token);
        var one = await factory.QueryAsync("query($id: ID!) { person(id: $id) { id } }", new { id = hidden.First() }, token);
        var staff = await factory.QueryAsync("{ organisations(first: 60) { nodes { people(first: 100) { id } } } }", token: token);
        var search = await factory.QueryAsync("{ searchExperts(first: 100) { edges { node { id } } } }", token: token);

        // The leaky page holds PRIVATE people and counts them: refused whole (no one, no total), not shown with a wrong count.
        Assert.Equal("INTERNAL_SERVER_ERROR", list.ErrorCode());
        Assert.Null(list["data"]?["people"]);
        Assert.Null(one["data"]?["person"]);
        Assert.True(staff["errors"] is null && search["errors"] is null, staff.ToJsonString() + search.ToJsonString());
        var staffIds = staff["data"]!["organisations"]!["nodes"].Arr().SelectMany(o => o!["people"].Arr()).Select(p => p!["id"].Str()).ToList();
        Assert.NotEmpty(staffIds);
        Assert.DoesNotContain(staffIds, hidden.Contains);
        Assert.DoesNotContain(search["data"]!["searchExperts"]!["edges"].Arr(), e => e!["node"] is { } node && hidden.Contains(node["id"].Str()));
        Assert.Contains(factory.Logged, l => l.Level == LogLevel.Error && l.Message.Contains("ListPeopleAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStoreThatReturnsBothSidesOfEveryInvitationShowsEachCallerOnlyTheirOwn()
    {
        var people = (await factory.Store.ListPeopleAsync(Everyone, new PageRequest(0, 10_000), CancellationToken.None)).Items;
        // Someone who both sent and received invitations in the seeded history (the leaky store returns both sides for either).
        var both = people.First(p => p.Email is not null
            && factory.Store.GetInvitationsOfPersonAsync(p.Id, InvitationSide.Received, 200, CancellationToken.None).Result.Any(i => i.InviteeId == p.Id)
            && factory.Store.GetInvitationsOfPersonAsync(p.Id, InvitationSide.Sent, 200, CancellationToken.None).Result.Any(i => i.InviterId == p.Id));
        var received = (await factory.Store.GetInvitationsOfPersonAsync(both.Id, InvitationSide.Received, 200, CancellationToken.None)).Where(i => i.InviteeId == both.Id).ToList();
        var sent = (await factory.Store.GetInvitationsOfPersonAsync(both.Id, InvitationSide.Sent, 200, CancellationToken.None)).Where(i => i.InviterId == both.Id).ToList();
        var token = await factory.SignInAsync(both);

        var me = (await factory.QueryAsync("{ me { invitations(first: 200) { id } sentInvitations(first: 200) { id } notifications(first: 200) { invitationId } } }", token: token))["data"]!["me"]!;

        Assert.Equal(received.Select(i => GlobalId.Encode("Invitation", i.Id)).Order(), me["invitations"].Arr().Select(i => i!["id"].Str()).Order());
        Assert.Equal(sent.Select(i => GlobalId.Encode("Invitation", i.Id)).Order(), me["sentInvitations"].Arr().Select(i => i!["id"].Str()).Order());
        var mine = (await factory.Store.GetNotificationsAsync(both.Id, 200, CancellationToken.None)).Where(m => m.RecipientId == both.Id).Select(m => GlobalId.Encode("Invitation", m.InvitationId!.Value));
        Assert.Equal(mine.Order(), me["notifications"].Arr().Select(n => n!["invitationId"].Str()).Order());
    }

    [Fact]
    public async Task EmailThatEveryStoreReturnsIsShownOnlyToThoseTheRuleAllows()
    {
        // Both stores return each person's email with the person; only Viewer.CanSeeEmailOf decides who reads it.
        var people = (await factory.Store.ListPeopleAsync(Everyone, new PageRequest(0, 10_000), CancellationToken.None)).Items;
        var member = SeededPeople.SignInAble(people)[0];
        var other = SeededPeople.SignInAble(people).First(p => p.Id != member.Id);
        var query = "query($id: ID!) { person(id: $id) { email } }";

        var byMember = await factory.QueryAsync(query, new { id = GlobalId.Encode("Person", other.Id) }, await factory.SignInAsync(member));
        var bySelf = await factory.QueryAsync(query, new { id = GlobalId.Encode("Person", other.Id) }, await factory.SignInAsync(other));

        Assert.Null(byMember["data"]!["person"]!["email"]);
        Assert.Equal(other.Email, bySelf["data"]!["person"]!["email"].Str());
    }

    public void Dispose() => factory.Dispose();

    /// <summary>
    /// A store that answers too much: every read asked for a viewer answers as if for an admin, and a person's invitations
    /// and notifications come with the other side's and other people's.
    /// </summary>
    public class LeakyStore : DispatchProxy
    {
        private IExpertiseStore inner = null!;

        public static IExpertiseStore Wrap(IExpertiseStore inner)
        {
            var proxy = Create<IExpertiseStore, LeakyStore>();
            ((LeakyStore)(object)proxy).inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var arguments = args!.Select(a => a is Viewer ? Everyone : a).ToArray();
            return targetMethod!.Name switch
            {
                nameof(IExpertiseStore.GetInvitationsOfPersonAsync) => BothSides((Guid)args![0]!, (int)args[2]!, (CancellationToken)args[3]!),
                nameof(IExpertiseStore.GetNotificationsAsync) => WithOthers((Guid)args![0]!, (int)args[1]!, (CancellationToken)args[2]!),
                _ => Forward(targetMethod, arguments),
            };
        }

        private object? Forward(MethodInfo method, object?[] arguments)
        {
            try
            {
                return method.Invoke(inner, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }

        private async Task<IReadOnlyList<Invitation>> BothSides(Guid person, int limit, CancellationToken cancellationToken) =>
            [.. await inner.GetInvitationsOfPersonAsync(person, InvitationSide.Received, limit, cancellationToken),
             .. await inner.GetInvitationsOfPersonAsync(person, InvitationSide.Sent, limit, cancellationToken)];

        private async Task<IReadOnlyList<OutboxMessage>> WithOthers(Guid recipient, int limit, CancellationToken cancellationToken)
        {
            var someoneElse = (await inner.ListPeopleAsync(Everyone, new PageRequest(0, 50), cancellationToken)).Items.Where(p => p.Id != recipient);
            var theirs = new List<OutboxMessage>();
            foreach (var other in someoneElse)
            {
                theirs.AddRange(await inner.GetNotificationsAsync(other.Id, limit, cancellationToken));
            }

            return [.. await inner.GetNotificationsAsync(recipient, limit, cancellationToken), .. theirs];
        }
    }
}
