using Microsoft.Extensions.Diagnostics.HealthChecks;
using RateMyModule.Framework.Distributed;

namespace RateMyModule.Web.Health;

/// <summary>
/// With several replicas (<c>REDIS_URL</c>): ready only while Redis answers, since without it every page is answered
/// 503 (nothing cached can be trusted), so the load balancer should know.
/// </summary>
public sealed class RedisReadinessHealthCheck(RedisConnection redis) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.Database.PingAsync();
            return HealthCheckResult.Healthy($"Redis at {redis.Endpoint} answers ({latency.TotalMilliseconds:0.0} ms).");
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis at {redis.Endpoint} cannot be reached.", exception);
        }
    }
}
