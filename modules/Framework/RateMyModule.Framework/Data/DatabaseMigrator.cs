using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data.Providers;

namespace RateMyModule.Framework.Data;

public sealed record ModuleMigrationResult(string Module, IReadOnlyList<string> Applied);

/// <summary>Applies every module's migrations in dependency order, each with its own history table.</summary>
public sealed class DatabaseMigrator(ModuleDatabaseRegistry registry, IOptions<DatabaseOptions> options, IDatabaseEngine provider, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<ModuleMigrationResult>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = options.Value.ConnectionString;
        await provider.PrepareDatabaseAsync(connectionString, cancellationToken);
        // Two SQLite migrators must not interleave (PostgreSQL's own migration lock serialises them there).
        await using var migrating = provider.Kind == DatabaseProviderKind.Sqlite
            ? await SqliteMigrationLock.AcquireAsync(connectionString, logger, cancellationToken)
            : null;
        var results = new List<ModuleMigrationResult>();
        foreach (var database in registry.Databases)
        {
            await using var context = database.CreateForMigration(provider, connectionString);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("{Module}: {Count} migration(s) applied", database.Name, pending.Count);
            results.Add(new ModuleMigrationResult(database.Name, pending));
        }

        return results;
    }

    /// <summary>The modules whose schema is behind the code; empty when the database is up to date.</summary>
    public async Task<IReadOnlyList<string>> GetModulesWithPendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var behind = new List<string>();
        foreach (var database in registry.Databases)
        {
            await using var context = database.CreateForMigration(provider, options.Value.ConnectionString);
            if ((await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                behind.Add(database.Name);
            }
        }

        return behind;
    }
}
