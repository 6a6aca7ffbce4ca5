using GraphQL;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>The signed-in caller's own profile: linked on first use when one exists, created only when asked for (createMyProfile).</summary>
internal static class Me
{
    public const string NoProfile = "Your sign-in has no profile: createMyProfile starts one (PRIVATE: only you see it until you choose otherwise).";

    public const string ProfileErased = "Your profile was deleted, and is not recreated by itself: createMyProfile starts a new one (PRIVATE: only you see it until you choose otherwise).";

    /// <summary>
    /// The caller's linked profile: UNAUTHENTICATED without a token. <c>me</c> may link an existing profile (by verified
    /// email); nothing creates one but <c>createMyProfile</c>, and a sign-in whose profile was erased is not linked again
    /// by email either. Every other field needs the profile to exist already, so a refused mutation never leaves one behind.
    /// </summary>
    public static async Task<Guid> PersonIdAsync(IResolveFieldContext context, bool link = false)
    {
        var request = context.Request();
        if (request.Identity is not { } identity)
        {
            throw CodedError.Unauthenticated();
        }

        if (request.Viewer.PersonId is { } id)
        {
            return id;
        }

        var erased = await context.RequestServices!.GetRequiredService<Auth.CallerResolver>().ErasedAtAsync(identity.ExternalId, context.CancellationToken);
        var person = link && erased is null ? await request.Store.LinkProfileAsync(identity, Now(context), context.CancellationToken) : null;
        if (person is null)
        {
            throw new NotFoundError("me", erased is null ? NoProfile : ProfileErased);
        }

        request.Viewer = request.Viewer with { PersonId = person.Id };
        await AfterWriteAsync(context);
        return person.Id;
    }

    /// <summary>
    /// One write on the caller's behalf: find (or link) their profile, write, then let search see it. Validation
    /// happens before this, so a refused request never reaches the store.
    /// </summary>
    public static async Task<T> WriteAsync<T>(IResolveFieldContext context, Func<Storage.IExpertiseStore, Guid, DateTimeOffset, CancellationToken, Task<T>> write)
    {
        var me = await PersonIdAsync(context);
        var result = await write(context.Request().Store, me, Now(context), context.CancellationToken);
        await AfterWriteAsync(context);
        return result;
    }

    public static void RequireNetworkManager(IResolveFieldContext context)
    {
        var viewer = context.Request().Viewer;
        if (context.Request().Identity is null)
        {
            throw CodedError.Unauthenticated();
        }

        if (!viewer.IsNetworkManager)
        {
            throw CodedError.Forbidden("Only network managers may do this.");
        }
    }

    public static DateTimeOffset Now(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>
    /// Applies the write to this instance's read models (search index, collaboration graph) before the response, so the
    /// writer and every other reader of this instance see it from now on.
    /// </summary>
    public static async Task AfterWriteAsync(IResolveFieldContext context)
    {
        // The catch-up says which change the models reflect: no second trip to the store for the writer's sequence.
        var reflected = await context.RequestServices!.GetRequiredService<Storage.ReadModelFollower>().CatchUpAsync(context.CancellationToken);
        if (context.Request().Viewer.PersonId is { } writer && reflected > 0)
        {
            context.RequestServices!.GetRequiredService<Storage.ReadYourWrites>().Record(writer, reflected);
        }
    }
}
