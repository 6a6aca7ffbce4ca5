using GraphQL.DataLoader;

namespace IcsExpertiseGraph.Api.GraphQLApi;

/// <summary>
/// A per-request batch loader on GraphQL.NET's <see cref="IDataLoaderResult"/>: resolvers ask for keys, and the
/// execution strategy only awaits the results once every field of the current level has asked, so all keys of
/// a level go to the store in one call. Loaded values are cached for the rest of the request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch = fetch;
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, TValue> loaded = [];
    private Batch? pending;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (gate)
        {
            if (loaded.TryGetValue(key, out var value))
            {
                return new Ready(value);
            }

            pending ??= new Batch(this);
            pending.Keys.Add(key);
            return new Waiting(pending, key);
        }
    }

    /// <summary>Keys asked for together; dispatched once, by whichever result is awaited first.</summary>
    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? run;

        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken cancellationToken)
        {
            lock (owner.gate)
            {
                if (run is null)
                {
                    // Later Load calls start a new batch; this one is closed.
                    if (ReferenceEquals(owner.pending, this))
                    {
                        owner.pending = null;
                    }

                    run = FetchAsync(cancellationToken);
                }

                return run;
            }
        }

        private async Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(CancellationToken cancellationToken)
        {
            var values = await owner.fetch(Keys, cancellationToken);
            lock (owner.gate)
            {
                foreach (var (key, value) in values)
                {
                    owner.loaded[key] = value;
                }
            }

            return values;
        }
    }

    private sealed class Waiting(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.RunAsync(cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Ready(TValue value) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult<TValue?>(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }
}

/// <summary>Composition of loader results, so a resolver can chain loads without awaiting (which would dispatch a batch early).</summary>
public static class DataLoaderResults
{
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> source, Func<T, TResult> map) =>
        new Mapped<T, TResult>(source, (value, _) => Task.FromResult(map(value)));

    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> source, Func<T, CancellationToken, Task<TResult>> map) =>
        new Mapped<T, TResult>(source, map);

    /// <summary>Queues every key now; the returned result yields the values found, in key order.</summary>
    public static IDataLoaderResult<IReadOnlyList<TValue>> LoadMany<TKey, TValue>(this BatchLoader<TKey, TValue> loader, IEnumerable<TKey> keys)
        where TKey : notnull
    {
        var results = keys.Select(loader.Load).ToList();
        return new Mapped<int, IReadOnlyList<TValue>>(Completed(0), async (_, ct) =>
        {
            var values = new List<TValue>(results.Count);
            foreach (var result in results)
            {
                if (await result.GetResultAsync(ct) is { } value)
                {
                    values.Add(value);
                }
            }

            return values;
        });
    }

    private static Mapped<T, T> Completed<T>(T value) => new Mapped<T, T>(null, (_, _) => Task.FromResult(value));

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T>? source, Func<T, CancellationToken, Task<TResult>> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            await map(source is null ? default! : await source.GetResultAsync(cancellationToken), cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
