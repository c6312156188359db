using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RateMyModule.Framework.Data;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.Data;

/// <summary>Issue 12, item 14: a migrator killed mid-migration does not leave the next one hanging without a word.</summary>
public sealed class MigrationLockTests
{
    [SqliteOnlyFact]
    public async Task A_stale_ef_lock_row_left_by_a_killed_migrator_is_removed_with_a_warning()
    {
        var logs = new CapturedLogs();
        using var database = new TestDatabase();
        await using var host = await ModuleTestHost.StartAsync<FrameworkModule>(
            services => services.AddSingleton<ILoggerProvider>(logs), database: database);
        await ExecuteAsync(database,
            $"""CREATE TABLE IF NOT EXISTS "{SqliteMigrationLock.EfLockTable}" ("Id" INTEGER NOT NULL PRIMARY KEY, "Timestamp" TEXT NOT NULL)""",
            $"""INSERT INTO "{SqliteMigrationLock.EfLockTable}" ("Id", "Timestamp") VALUES (1, '2026-11-29 03:14:15+00:00')""");

        // Without the fix EF waits for the row for ever: the bound turns a hang into a failure.
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync().WaitAsync(TimeSpan.FromSeconds(60));

        logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning
            && e.Message.Contains("Removed a stale migration lock taken at 2026-11-29 03:14:15+00:00", StringComparison.Ordinal));
        (await CountAsync(database, $"""SELECT count(*) FROM "{SqliteMigrationLock.EfLockTable}" """)).ShouldBe(0);
    }

    [SqliteOnlyFact]
    public async Task A_second_migrator_says_it_waits_for_a_live_one_and_goes_on_when_it_ends()
    {
        var logs = new CapturedLogs();
        using var database = new TestDatabase();
        await using var host = await ModuleTestHost.StartAsync<FrameworkModule>(
            services => services.AddSingleton<ILoggerProvider>(logs), database: database);
        var lockFile = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource + SqliteMigrationLock.LockFileSuffix;

        Task migrating;
        await using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            migrating = host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));

            migrating.IsCompleted.ShouldBeFalse();
            logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("Another migrator is running on this database", StringComparison.Ordinal));
        }

        await migrating.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task ExecuteAsync(TestDatabase database, params string[] statements)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
