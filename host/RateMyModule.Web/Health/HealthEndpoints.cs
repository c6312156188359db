using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace RateMyModule.Web.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no checks, so a slow database never gets a healthy process restarted).
/// <c>/health/ready</c>: every check tagged <see cref="ReadyTag"/> passes. Plain-text body, 200 or 503.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHostHealthChecks(this IServiceCollection services)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabaseReadinessHealthCheck>(DatabaseReadinessHealthCheck.Name, tags: [ReadyTag]);
        // Registered by the Framework (before the host) only when REDIS_URL is set.
        if (services.Any(d => d.ServiceType == typeof(RateMyModule.Framework.Distributed.RedisConnection)))
        {
            checks.AddCheck<RedisReadinessHealthCheck>(RedisReadinessHealthCheck.Name, tags: [ReadyTag]);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapHostHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Short-circuited at routing: a probe needs no culture, user or unit of work, and a load balancer polls often.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ShortCircuit();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).ShortCircuit();
        return endpoints;
    }
}
