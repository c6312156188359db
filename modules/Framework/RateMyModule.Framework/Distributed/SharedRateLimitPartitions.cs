using System.Threading.RateLimiting;
using RedisRateLimiting;

namespace RateMyModule.Framework.Distributed;

/// <summary>
/// Fixed-window rate limits that hold per client across every replica: counted in Redis when <c>REDIS_URL</c> is
/// set (the RedisRateLimiting package's atomic script), in this process otherwise. A module's limiter policy asks
/// here instead of building its own fixed window, and reads Retry-After through <see cref="TryGetRetryAfter"/>.
/// </summary>
public sealed class SharedRateLimitPartitions(RedisConnection? redis = null)
{
    /// <summary>A fixed window of <paramref name="permitLimit"/> per <paramref name="window"/> for <paramref name="clientKey"/> under <paramref name="policy"/>.</summary>
    public RateLimitPartition<string> FixedWindow(string policy, string clientKey, int permitLimit, TimeSpan window)
    {
        var key = $"{policy}:{clientKey}";
        return redis is null
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 })
            : RedisRateLimitPartition.GetFixedWindowRateLimiter($"{RedisConnection.KeyPrefix}rate:{key}", _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Multiplexer,
                PermitLimit = permitLimit,
                Window = window,
            });
    }

    /// <summary>How long a refused client should wait, whichever kind of limiter refused it.</summary>
    public static bool TryGetRetryAfter(RateLimitLease lease, out TimeSpan retryAfter)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out retryAfter))
        {
            return true;
        }

        if (lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds))
        {
            // Redis counts whole seconds; a window that just closed still asks for one.
            retryAfter = TimeSpan.FromSeconds(Math.Max(seconds, 1));
            return true;
        }

        return false;
    }
}
