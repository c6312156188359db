using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace RateMyModule.Framework.Data;

/// <summary>
/// One migrator at a time per SQLite file, held as an operating-system lock on a file beside the database, which
/// the system releases when the process ends however it ends. EF Core's own lock is a row in
/// <c>__EFMigrationsLock</c> that a killed migrator leaves behind, and the next one then waits for it for ever,
/// silently. Holding the file lock proves that no live migrator holds EF's row, so a row found then is stale and
/// is removed, with a warning that says so.
/// </summary>
public sealed partial class SqliteMigrationLock : IAsyncDisposable
{
    /// <summary>EF Core's lock table on SQLite (one per database, whatever the history tables are called).</summary>
    public const string EfLockTable = "__EFMigrationsLock";

    public const string LockFileSuffix = ".migrator-lock";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly FileStream? _held;

    private SqliteMigrationLock(FileStream? held) => _held = held;

    /// <summary>Waits (saying so once) while another migrator of the same file runs, then clears a stale EF lock.</summary>
    public static async Task<SqliteMigrationLock> AcquireAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource == ":memory:" || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteMigrationLock(null);
        }

        var lockFile = Path.GetFullPath(dataSource) + LockFileSuffix;
        var said = false;
        while (true)
        {
            try
            {
                var held = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                await RemoveStaleEfLockAsync(connectionString, logger, cancellationToken);
                return new SqliteMigrationLock(held);
            }
            catch (IOException) when (!said)
            {
                LogWaiting(logger, lockFile);
                said = true;
            }
            catch (IOException)
            {
                // Still held: the other migrator is alive and working.
            }

            await Task.Delay(RetryDelay, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _held?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static async Task RemoveStaleEfLockAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{EfLockTable}'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        command.CommandText = $"SELECT \"Timestamp\" FROM \"{EfLockTable}\"";
        var takenAt = await command.ExecuteScalarAsync(cancellationToken);
        if (takenAt is null)
        {
            return;
        }

        command.CommandText = $"DELETE FROM \"{EfLockTable}\"";
        await command.ExecuteNonQueryAsync(cancellationToken);
        LogRemovedStale(logger, takenAt.ToString() ?? "", Path.GetFileName(connection.DataSource));
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning,
        Message = "Another migrator is running on this database (it holds {LockFile}); waiting for it to finish")]
    private static partial void LogWaiting(ILogger logger, string lockFile);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning,
        Message = "Removed a stale migration lock taken at {TakenAt} on {Database}: the migrator that took it is no longer running (it was stopped mid-migration)")]
    private static partial void LogRemovedStale(ILogger logger, string takenAt, string database);
}
