using Microsoft.Extensions.Diagnostics.HealthChecks;
using RateMyModule.Framework.Data;

namespace RateMyModule.Web.Health;

/// <summary>
/// Ready when the database answers and its schema matches the code: a replica started before the DbMigrator has run
/// (or while it fails) stays out of the load balancer instead of serving errors.
/// </summary>
public sealed class DatabaseReadinessHealthCheck(DatabaseMigrator migrator) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> behind;
        try
        {
            behind = await migrator.GetModulesWithPendingMigrationsAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", exception);
        }

        return behind.Count == 0
            ? HealthCheckResult.Healthy("The database is reachable and up to date.")
            : HealthCheckResult.Unhealthy($"Pending migrations for {string.Join(", ", behind)}; run the DbMigrator.");
    }
}
