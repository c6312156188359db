using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data;

namespace RateMyModule.Framework.Caching;

/// <summary>
/// Values read from the database, kept in memory until a change to the tables they came from commits. Each entry
/// names the module contexts it was read through; it is served only while their <see cref="DataGenerations"/> are
/// the ones seen before the read, so the first read after a committed write always goes to the database.
/// </summary>
public sealed class DataCache(DataGenerations generations, IOptions<CachingOptions> options) : IDisposable
{
    /// <summary>Entries kept at most; the least recently used go first beyond it.</summary>
    public const int MaxEntries = 50_000;

    // Its own store, so its size limit binds only its own entries.
    private readonly MemoryCache memory = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>How long an entry may sit unused before it is dropped to save memory.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(10);

    public async Task<T> GetOrReadAsync<T>(
        DataCacheKey key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled || generations.IsChanging(key.Sources))
        {
            return await read(cancellationToken);
        }

        // Read before the database is: a write that commits after this point makes the entry stale at once.
        var generation = generations.Of(key.Sources);
        if (memory.TryGetValue(key.Name, out Entry<T>? cached) && cached!.Generation == generation)
        {
            return cached.Value;
        }

        var value = await read(cancellationToken);
        memory.Set(key.Name, new Entry<T>(generation, value), new MemoryCacheEntryOptions { SlidingExpiration = IdleLifetime, Size = 1 });
        return value;
    }

    /// <summary>Drops one entry now, for a change that its sources' generations do not show.</summary>
    public void Remove(DataCacheKey key) => memory.Remove(key.Name);

    public void Dispose() => memory.Dispose();

    private sealed record Entry<T>(long Generation, T Value);
}

/// <summary>A cache entry's name and the module contexts whose tables it is read from.</summary>
public sealed record DataCacheKey(string Name, IReadOnlyList<Type> Sources)
{
    public static DataCacheKey For<TContext>(string name) => new(name, [typeof(TContext)]);
}
