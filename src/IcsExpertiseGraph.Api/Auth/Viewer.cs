using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Auth;

/// <summary>
/// Who is asking. Every read that can surface a person is filtered through this, in the store itself,
/// so hidden people never reach a page, a count or a facet.
/// </summary>
public sealed record Viewer(Guid? PersonId, bool IsMember, bool IsAdmin)
{
    public static Viewer Anonymous { get; } = new(null, false, false);

    public bool CanSee(Person person) =>
        IsAdmin
        || person.Id == PersonId
        || person.Visibility == Visibility.Public
        || (person.Visibility == Visibility.Network && IsMember);

    /// <summary>Email is shown only to the person and admins (accepted inviters come with the profiles issue).</summary>
    public bool CanSeeEmailOf(Person person) => IsAdmin || person.Id == PersonId;
}
