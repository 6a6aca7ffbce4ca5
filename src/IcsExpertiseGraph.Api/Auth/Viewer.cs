using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// Who is asking. Every read that can surface a person is filtered through this, in the store itself,
/// so hidden people never reach a page, a count or a facet. A signed-in caller without a profile yet is a
/// member with no PersonId (<c>me</c> links an existing one; <c>createMyProfile</c> creates one).
/// </summary>
public sealed record Viewer(Guid? PersonId, bool IsMember, bool IsAdmin, bool IsNetworkManager = false)
{
    public static Viewer Anonymous { get; } = new(null, false, false);

    /// <summary>The visibility rule, in one place for the in-memory read models (the SQLite adapter states it in SQL).</summary>
    public bool CanSee(Guid personId, Visibility visibility) =>
        visibility == Visibility.Public
        || (visibility == Visibility.Network && IsMember)
        || IsAdmin
        || personId == PersonId;

    /// <summary>
    /// Email is shown only to the person, admins, and an inviter whose invitation the person accepted (their consent);
    /// <paramref name="acceptedViewersInvitation"/> says whether they did, which the store knows (GetAcceptedInviteesAsync).
    /// </summary>
    public bool CanSeeEmailOf(Person person, bool acceptedViewersInvitation = false) => IsAdmin || person.Id == PersonId || (acceptedViewersInvitation && PersonId is not null);
}

