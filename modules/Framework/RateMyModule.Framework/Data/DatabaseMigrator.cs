using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RateMyModule.Framework.Data;

public sealed record ModuleMigrationResult(string Module, IReadOnlyList<string> Applied);

/// <summary>Applies every module's migrations in dependency order, each with its own history table.</summary>
public sealed class DatabaseMigrator(ModuleDatabaseRegistry registry, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<ModuleMigrationResult>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = options.Value.ConnectionString;
        await PrepareDatabaseAsync(connectionString, cancellationToken);
        await using var migrating = await SqliteMigrationLock.AcquireAsync(connectionString, logger, cancellationToken);
        var results = new List<ModuleMigrationResult>();
        foreach (var database in registry.Databases)
        {
            await using var context = database.CreateForMigration(connectionString);
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
            await using var context = database.CreateForMigration(options.Value.ConnectionString);
            if ((await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                behind.Add(database.Name);
            }
        }

        return behind;
    }

    private static async Task PrepareDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var inMemory = dataSource == ":memory:" || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase);
        if (inMemory)
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // WAL lets readers go on while one writer commits; the mode is stored in the file, so setting it once is enough.
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
