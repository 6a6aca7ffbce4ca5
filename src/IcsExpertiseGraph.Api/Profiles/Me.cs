using GraphQL;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>The signed-in caller's own profile, linked or created on first use.</summary>
internal static class Me
{
    /// <summary>
    /// The caller's linked profile: UNAUTHENTICATED without a token. <c>me</c> links or creates it; every other
    /// mutation needs it to exist already, so a refused mutation never leaves a new profile behind.
    /// </summary>
    public static async Task<Guid> PersonIdAsync(IResolveFieldContext context, bool linkOrCreate = false)
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

        if (!linkOrCreate)
        {
            throw new NotFoundException("me", "Your sign-in has no profile yet: query me first, which links your profile or creates one.");
        }

        var person = await request.Store.LinkOrCreateProfileAsync(identity, Now(context), context.CancellationToken);
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
