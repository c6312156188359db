using RateMyModule.Framework.Data;
using StackExchange.Redis;

namespace RateMyModule.Framework.Distributed;

/// <summary>
/// The data generation counters of every replica, as one Redis hash (a field per module database). A commit
/// increments its modules' fields before the request that made it answers; every request reads the hash once
/// before anything cached is used, so a write acknowledged by one replica is seen by the next request on any other.
/// </summary>
public sealed class RedisDataGenerationStore(RedisConnection redis, ModuleDatabaseRegistry databases) : ISharedDataGenerationStore
{
    public const string Key = RedisConnection.KeyPrefix + "data-generations";

    private readonly Dictionary<Type, string> _fields = databases.Databases.ToDictionary(d => d.ContextType, d => d.Name);
    private readonly Dictionary<string, Type> _types = databases.Databases.ToDictionary(d => d.Name, d => d.ContextType, StringComparer.Ordinal);

    public IReadOnlyDictionary<Type, long> Increment(IReadOnlyCollection<Type> contextTypes)
    {
        var db = redis.Database;
        var result = new Dictionary<Type, long>();
        foreach (var type in contextTypes)
        {
            result[type] = db.HashIncrement(Key, _fields[type]);
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<Type, long>> ReadAsync(IReadOnlyCollection<Type> incrementFirst)
    {
        // Sent together without waiting in between: the client pipelines them into one round trip.
        var db = redis.Database;
        var increments = incrementFirst.Select(type => db.HashIncrementAsync(Key, _fields[type])).ToList();
        var all = db.HashGetAllAsync(Key);
        await Task.WhenAll(increments);
        var entries = await all;

        var result = new Dictionary<Type, long>();
        foreach (var entry in entries)
        {
            // A field of a module this version does not have (another version during a rolling upgrade) is skipped.
            if (_types.TryGetValue(entry.Name!, out var type) && entry.Value.TryParse(out long generation))
            {
                result[type] = generation;
            }
        }

        return result;
    }
}
