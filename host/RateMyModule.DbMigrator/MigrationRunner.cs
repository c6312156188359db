using Microsoft.Extensions.Logging;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.DbMigrator;

/// <summary>Migrates every module's schema, runs the seed contributors, and turns the outcome into an exit code.</summary>
public sealed class MigrationRunner(DatabaseMigrator migrator, DataSeeder seeder, ILogger<MigrationRunner> logger)
{
    public async Task<int> RunAsync(bool seedDemo)
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
