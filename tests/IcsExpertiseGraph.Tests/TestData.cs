using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Tests;

/// <summary>A profile edit that changes nothing, for tests to change one field of with <c>with</c>.</summary>
internal static class ProfileEdits
{
    public static readonly ProfileChanges None = new(default, default, default, default, default, default, default, default, default, default);
}

/// <summary>The viewers tests read the store as.</summary>
internal static class Viewers
{
    /// <summary>Sees every profile, whatever its visibility (an admin who is a network manager too).</summary>
    public static readonly Viewer Everyone = new(null, IsMember: true, IsAdmin: true, IsNetworkManager: true);

    public static readonly Viewer Admin = new(null, IsMember: true, IsAdmin: true);

    public static readonly Viewer Member = new(null, IsMember: true, IsAdmin: false);
}

/// <summary>The seeded people tests pick from.</summary>
internal static class SeededPeople
{
    /// <summary>Everyone in the store (the first thousand), as an admin sees them.</summary>
    public static async Task<IReadOnlyList<Person>> AllAsync(IExpertiseStore store) =>
        (await store.ListPeopleAsync(Viewers.Everyone, new PageRequest(0, 1000), CancellationToken.None)).Items;

    /// <summary>
    /// People who can sign in (they have an email, so a token can be made for them) with this visibility (PUBLIC unless
    /// said), in the store's order.
    /// </summary>
    public static async Task<IReadOnlyList<Person>> SignInAbleAsync(IExpertiseStore store, Visibility visibility = Visibility.Public) =>
        SignInAble(await AllAsync(store), visibility);

    /// <summary>The people of a list (a generated network, a page already read) who can sign in with this visibility.</summary>
    public static IReadOnlyList<Person> SignInAble(IEnumerable<Person> people, Visibility visibility = Visibility.Public) =>
        [.. people.Where(p => p.Visibility == visibility && p.Email is not null)];

    /// <summary>The <paramref name="skip"/>th person who can sign in with this visibility (PUBLIC unless said).</summary>
    public static async Task<Person> PickAsync(IExpertiseStore store, int skip = 0, Visibility visibility = Visibility.Public) =>
        (await SignInAbleAsync(store, visibility)).Skip(skip).First();
}
