using System.Globalization;
using RateMyModule.Framework.Data;
using StackExchange.Redis;

namespace RateMyModule.Framework.Distributed;

/// <summary>
/// The data generation counters of every replica, as one Redis hash (a field per module database). A commit moves
/// its modules' fields on before the request that made it answers; every request reads the hash once before
/// anything cached is used, so a write acknowledged by one replica is seen by the next request on any other.
/// Both are one script call, one round trip. The hash carries an epoch: if Redis lost it (restarted without
/// persistence), the first replica to notice writes a new epoch, and each replica then moves every counter past
/// what it had seen, so no entry cached before the loss can match a counter again.
/// </summary>
public sealed class RedisDataGenerationStore(RedisConnection redis, ModuleDatabaseRegistry databases) : ISharedDataGenerationStore
{
    public const string Key = RedisConnection.KeyPrefix + "data-generations";

    // ARGV: the epoch this process knows ("" at first), a fresh epoch in case there is none, then per field its
    // name, this process's value and 1 to move it on (else 0). Returns the epoch, then each field's value.
    private static readonly LuaScript Script = LuaScript.Prepare("""
        local known, fresh = @known, @fresh
        local epoch = redis.call('HGET', @key, '~epoch')
        if not epoch then
            epoch = fresh
            redis.call('HSET', @key, '~epoch', epoch)
        end
        local reset = known ~= '' and known ~= epoch
        local fields = cjson.decode(@fields)
        local result = { epoch }
        for i, field in ipairs(fields) do
            local name, seen, move = field[1], field[2], field[3]
            local value = tonumber(redis.call('HGET', @key, name) or '0')
            if reset then
                value = math.max(value, seen) + 1
                redis.call('HSET', @key, name, value)
            elseif move == 1 then
                value = redis.call('HINCRBY', @key, name, 1)
            end
            result[i + 1] = tostring(value)
        end
        return result
        """);

    private readonly IReadOnlyList<ModuleDatabase> _databases = databases.Databases;
    private string _epoch = "";

    public async Task<IReadOnlyDictionary<Type, long>> SyncAsync(Func<Type, long> local, IReadOnlyCollection<Type> increment) =>
        Read((RedisResult[])(await redis.Database.ScriptEvaluateAsync(Script, Arguments(local, increment)))!);

    public IReadOnlyDictionary<Type, long> Sync(Func<Type, long> local, IReadOnlyCollection<Type> increment) =>
        Read((RedisResult[])redis.Database.ScriptEvaluate(Script, Arguments(local, increment))!);

    private object Arguments(Func<Type, long> local, IReadOnlyCollection<Type> increment)
    {
        var fields = _databases.Select(d => new object[] { d.Name, local(d.ContextType), increment.Contains(d.ContextType) ? 1 : 0 });
        return new
        {
            key = (RedisKey)Key,
            known = _epoch,
            fresh = Guid.NewGuid().ToString("N"),
            fields = System.Text.Json.JsonSerializer.Serialize(fields),
        };
    }

    private Dictionary<Type, long> Read(RedisResult[] result)
    {
        _epoch = (string)result[0]!;
        var values = new Dictionary<Type, long>();
        for (var i = 0; i < _databases.Count; i++)
        {
            values[_databases[i].ContextType] = long.Parse((string)result[i + 1]!, CultureInfo.InvariantCulture);
        }

        return values;
    }
}
