using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RateMyModule.DbMigrator.ScaleSeeding;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.DbMigrator;

/// <summary>
/// Migrates every module's schema, runs the seed contributors (and, when asked, the large-data generator), and turns
/// the outcome into an exit code.
/// </summary>
public sealed class MigrationRunner(DatabaseMigrator migrator, DataSeeder seeder, IServiceScopeFactory scopes, ILogger<MigrationRunner> logger)
{
    public async Task<int> RunAsync(bool seedDemo, ScaleSeedOptions scale)
    {
        try
        {
            foreach (var result in await migrator.MigrateAsync())
            {
                var applied = result.Applied.Count == 0 ? "up to date" : $"applied {string.Join(", ", result.Applied)}";
                Console.WriteLine($"{result.Module}: {applied}");
            }

            await seeder.SeedAsync(new DataSeedContext(seedDemo));
            Console.WriteLine(seedDemo ? "Seed data (with demo data) is in place." : "Seed data is in place.");
            if (scale.IsRequested)
            {
                // Its password hasher is Identity's, a scoped service.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScaleSeeder>().SeedAsync(scale);
            }

            Console.WriteLine("Database migration finished.");
            return 0;
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Database migration failed");
            await Console.Error.WriteLineAsync($"Database migration failed: {e.Message}");
            return 1;
        }
    }
}
