using System.Reflection;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>The guard's own rules, on answers made up to be wrong in each way it must catch (VisibilityGuardTests runs it in the service).</summary>
public sealed class VisibilityGuardUnitTests
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly Viewer Member = new(Me, true, false);
    private readonly List<(string Method, int Count)> withheld = [];

    private static Person Someone(Visibility visibility, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), "Someone", null, null, "someone@nhs.test", null, visibility, new Availability(AvailabilityStatus.NotAvailable, null, false, null), null, null, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static Invitation Between(Guid inviter, Guid invitee, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), inviter, invitee, Guid.NewGuid(), "Design", [], 1, null, DateTimeOffset.UnixEpoch, InvitationStatus.Sent, DateTimeOffset.UnixEpoch, null, null, null);

    private IExpertiseStore Guarded(string method, object answer) =>
        VisibilityGuard.Wrap(Answering.Wrap(method, answer), (m, count) => withheld.Add((m, count)));

    [Fact]
    public async Task PeopleKeepOnlyThoseAskedForFiledUnderTheirOwnIdAndVisibleAndTheRestAreCounted()
    {
        var visible = Someone(Visibility.Public);
        var hidden = Someone(Visibility.Private);
        var misfiled = Someone(Visibility.Public);
        var unasked = Someone(Visibility.Public);
        var answer = new Dictionary<Guid, Person> { [visible.Id] = visible, [hidden.Id] = hidden, [Guid.NewGuid()] = misfiled, [unasked.Id] = unasked };

        var people = await Guarded(nameof(IExpertiseStore.GetPeopleAsync), Task.FromResult<IReadOnlyDictionary<Guid, Person>>(answer))
            .GetPeopleAsync([visible.Id, hidden.Id, misfiled.Id], Member, CancellationToken.None);

        Assert.Equal([visible.Id], people.Keys);
        Assert.Equal([(nameof(IExpertiseStore.GetPeopleAsync), 3)], withheld);
    }

    [Fact]
    public async Task StaffKeepOnlyVisiblePeopleAndTheRestAreCounted()
    {
        var organisation = Guid.NewGuid();
        var answer = new Dictionary<Guid, IReadOnlyList<Person>> { [organisation] = [Someone(Visibility.Network), Someone(Visibility.Private), Someone(Visibility.Private)] };

        var staff = await Guarded(nameof(IExpertiseStore.GetCurrentStaffAsync), Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<Person>>>(answer))
            .GetCurrentStaffAsync([organisation], Member, CancellationToken.None);

        Assert.Equal(Visibility.Network, Assert.Single(staff[organisation]).Visibility);
        Assert.Equal([(nameof(IExpertiseStore.GetCurrentStaffAsync), 2)], withheld);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public async Task AnInvitationAWriteReturnsMustBeTheOneNamedWithTheCallerAsItsParty(bool sameId, bool callerIsParty, bool passes)
    {
        var id = Guid.NewGuid();
        var party = callerIsParty ? Me : Guid.NewGuid();
        var named = sameId ? id : Guid.NewGuid();
        var none = CancellationToken.None;
        var writes = new (string Method, Invitation Answer, Func<IExpertiseStore, Task<Invitation>> Call)[]
        {
            (nameof(IExpertiseStore.RespondToInvitationAsync), Between(Other, party, named), s => s.RespondToInvitationAsync(id, Me, InvitationResponse.Accept, null, DateTimeOffset.UnixEpoch, none)),
            (nameof(IExpertiseStore.WithdrawInvitationAsync), Between(party, Other, named), s => s.WithdrawInvitationAsync(id, Me, DateTimeOffset.UnixEpoch, none)),
            (nameof(IExpertiseStore.LinkInvitationToProjectAsync), Between(Other, party, named), s => s.LinkInvitationToProjectAsync(id, Me, Guid.NewGuid(), DateTimeOffset.UnixEpoch, none)),
            (nameof(IExpertiseStore.LinkInvitationToProjectAsync), Between(party, Other, named), s => s.LinkInvitationToProjectAsync(id, Me, Guid.NewGuid(), DateTimeOffset.UnixEpoch, none)),
        };

        foreach (var (method, answer, call) in writes)
        {
            var store = Guarded(method, Task.FromResult(answer));
            if (passes)
            {
                Assert.Same(answer, await call(store));
            }
            else
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => call(store));
            }
        }

        Assert.Equal(passes ? 0 : writes.Length, withheld.Count);
    }

    [Fact]
    public async Task WhatTheStoreThrowsComesThroughAsItself()
    {
        var store = VisibilityGuard.Wrap(Answering.Wrap(nameof(IExpertiseStore.GetPeopleAsync), new NotFoundException("id", "No one.")), (_, _) => { });

        var error = await Assert.ThrowsAsync<NotFoundException>(() => store.GetPeopleAsync([Me], Member, CancellationToken.None));

        Assert.Equal("id", error.Field);
    }

    /// <summary>A store that answers one method with the given answer (or throws it, when it is an exception).</summary>
    public class Answering : DispatchProxy
    {
        private string method = "";
        private object answer = null!;

        public static IExpertiseStore Wrap(string method, object answer)
        {
            var proxy = Create<IExpertiseStore, Answering>();
            ((Answering)(object)proxy).method = method;
            ((Answering)(object)proxy).answer = answer;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod!.Name != method ? throw new NotSupportedException(targetMethod.Name)
            : answer is Exception e ? throw e
            : answer;
    }
}
