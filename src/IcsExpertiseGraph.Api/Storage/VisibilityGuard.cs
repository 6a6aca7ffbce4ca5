using System.Reflection;
using System.Runtime.ExceptionServices;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// Defence in depth behind each adapter's own filter (SQL or Cypher): every person, invitation and notification that
/// comes out of the store port towards GraphQL passes the one C# rule again, whichever store answered. A person the
/// viewer may not see (<see cref="Viewer.CanSee"/>) is withheld, and a page holding one is not given at all (its total
/// would count them, and counts must not betray hidden people: the caller gets an internal error instead); an
/// invitation goes only to its own party, a notification only to its recipient, a pending contribution only to its person or (never their own) to one who decides on it. A store that returns more than it
/// should is a bug in that store, so each such withholding is logged (the method, never the person). Email is decided
/// where it is shown (<c>Person.email</c>, <see cref="Viewer.CanSeeEmailOf"/>), as it needs the viewer's consents.
/// </summary>
public class VisibilityGuard : DispatchProxy
{
    private IExpertiseStore inner = null!;
    private Action<string, int> withheld = null!;

    /// <param name="inner">the store port as configured</param>
    /// <param name="withheld">told the method's name and how many items it returned that were withheld</param>
    public static IExpertiseStore Wrap(IExpertiseStore inner, Action<string, int> withheld)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(withheld);
        var proxy = Create<IExpertiseStore, VisibilityGuard>();
        var guard = (VisibilityGuard)(object)proxy;
        guard.inner = inner;
        guard.withheld = withheld;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        ArgumentNullException.ThrowIfNull(args);
        object? result;
        try
        {
            result = targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        var name = targetMethod.Name;
        return name switch
        {
            nameof(IExpertiseStore.GetPeopleAsync) => Checked((Task<IReadOnlyDictionary<Guid, Person>>)result!, name,
                people => Visible(people, (IReadOnlyCollection<Guid>)args[0]!, (Viewer)args[1]!)),
            nameof(IExpertiseStore.GetCurrentStaffAsync) => Checked((Task<IReadOnlyDictionary<Guid, IReadOnlyList<Person>>>)result!, name,
                staff => Visible(staff, (Viewer)args[1]!)),
            nameof(IExpertiseStore.ListPeopleAsync) => Checked((Task<Page<Person>>)result!, name, page => Visible(page, (Viewer)args[0]!), failClosed: true),
            nameof(IExpertiseStore.GetInvitationsOfPersonAsync) => Checked((Task<IReadOnlyList<Invitation>>)result!, name,
                invitations => Kept(invitations, i => ((InvitationSide)args[1]! == InvitationSide.Received ? i.InviteeId : i.InviterId) == (Guid)args[0]!)),
            nameof(IExpertiseStore.GetInvitationsForSystemAsync) => Checked((Task<IReadOnlyList<Invitation>>)result!, name,
                invitations => Kept(invitations, i => i.IntegratedCareSystemId == (Guid)args[0]!)),
            nameof(IExpertiseStore.GetJoinRequestsOfPersonAsync) => Checked((Task<IReadOnlyList<JoinRequest>>)result!, name,
                requests => Kept(requests, r => r.PersonId == (Guid)args[0]!)),
            nameof(IExpertiseStore.GetJoinRequestsAwaitingAsync) => Checked((Task<IReadOnlyList<JoinRequest>>)result!, name,
                requests => Kept(requests, r => r.PersonId != ((Viewer)args[0]!).PersonId)),
            nameof(IExpertiseStore.GetNotificationsAsync) => Checked((Task<IReadOnlyList<OutboxMessage>>)result!, name,
                messages => Kept(messages, m => m.RecipientId == (Guid)args[0]!)),
            nameof(IExpertiseStore.CreateInvitationAsync) => Party((Task<Invitation>)result!, name, i => i.InviterId == (Guid)args[0]!),
            nameof(IExpertiseStore.RespondToInvitationAsync) => Party((Task<Invitation>)result!, name, i => i.Id == (Guid)args[0]! && i.InviteeId == (Guid)args[1]!),
            nameof(IExpertiseStore.WithdrawInvitationAsync) => Party((Task<Invitation>)result!, name, i => i.Id == (Guid)args[0]! && i.InviterId == (Guid)args[1]!),
            nameof(IExpertiseStore.LinkInvitationToProjectAsync) => Party((Task<Invitation>)result!, name,
                i => i.Id == (Guid)args[0]! && (i.InviteeId == (Guid)args[1]! || i.InviterId == (Guid)args[1]!)),
            _ => result,
        };
    }

    private async Task<T> Checked<T>(Task<T> answer, string method, Func<T, (T Kept, int Withheld)> check, bool failClosed = false)
    {
        var (kept, count) = check(await answer.ConfigureAwait(false));
        if (count > 0)
        {
            withheld(method, count);
            if (failClosed)
            {
                throw new InvalidOperationException($"The store's {method} returned people the caller may not see, so its total counts them too; no page is given.");
            }
        }

        return kept;
    }

    /// <summary>An invitation a write returns must be the one its caller is a party to; anything else is refused (the write stands, nothing leaves).</summary>
    private async Task<Invitation> Party(Task<Invitation> answer, string method, Func<Invitation, bool> isParty)
    {
        var invitation = await answer.ConfigureAwait(false);
        if (!isParty(invitation))
        {
            withheld(method, 1);
            throw new InvalidOperationException($"The store's {method} returned an invitation its caller is no party to; it was withheld.");
        }

        return invitation;
    }

    private static (IReadOnlyDictionary<Guid, Person>, int) Visible(IReadOnlyDictionary<Guid, Person> people, IReadOnlyCollection<Guid> asked, Viewer viewer)
    {
        var kept = people.Where(p => p.Key == p.Value.Id && asked.Contains(p.Key) && viewer.CanSee(p.Value.Id, p.Value.Visibility)).ToDictionary();
        return (kept, people.Count - kept.Count);
    }

    private static (IReadOnlyDictionary<Guid, IReadOnlyList<Person>>, int) Visible(IReadOnlyDictionary<Guid, IReadOnlyList<Person>> staff, Viewer viewer)
    {
        var kept = staff.ToDictionary(s => s.Key, s => (IReadOnlyList<Person>)[.. s.Value.Where(p => viewer.CanSee(p.Id, p.Visibility))]);
        return (kept, staff.Sum(s => s.Value.Count) - kept.Sum(s => s.Value.Count));
    }

    private static (Page<Person>, int) Visible(Page<Person> page, Viewer viewer) =>
        (page, page.Items.Count(p => !viewer.CanSee(p.Id, p.Visibility)));

    private static (IReadOnlyList<T> Kept, int Withheld) Kept<T>(IReadOnlyList<T> items, Func<T, bool> keep)
    {
        var kept = items.Where(keep).ToList();
        return (kept, items.Count - kept.Count);
    }
}
