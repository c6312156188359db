using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RateMyModule.Framework.Data.Providers;

/// <summary>The embedded default: one file, WAL mode, one writer at a time.</summary>
public sealed class SqliteDatabaseEngine : IDatabaseEngine
{
    /// <summary>SQLITE_CONSTRAINT: what a unique index, a foreign key or NOT NULL answers.</summary>
    private const int ConstraintErrorCode = 19;

    public DatabaseProviderKind Kind => DatabaseProviderKind.Sqlite;

    public bool HasSingleWriter => true;

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public void Configure(DbContextOptionsBuilder builder, string? connectionString, string migrationsHistoryTable)
    {
        if (connectionString is null)
        {
            builder.UseSqlite(sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable));
        }
        else
        {
            builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable));
        }

        builder.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    public DbTransaction BeginTransaction(DbConnection connection, bool expectWrites)
    {
        var sqlite = (SqliteConnection)connection;
        if (expectWrites)
        {
            // In WAL mode a commit is safe from an application crash once it is in the log; NORMAL skips the
            // fsync of every commit (a power cut may lose the last commits, never corrupt the file).
            using var pragma = sqlite.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        // Deferred for readers: they never queue behind a writer (WAL readers see their snapshot). A writer begins
        // IMMEDIATE: one that read first and wanted to write after another one committed could never get the lock.
        return sqlite.BeginTransaction(deferred: !expectWrites);
    }

    public async Task PrepareDatabaseAsync(string connectionString, CancellationToken cancellationToken)
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

    /// <remarks>
    /// A write that changes no row still takes SQLite's RESERVED lock for the rest of the transaction, which is the
    /// whole database's: writers queue on the busy timeout and each then reads what the previous one wrote.
    /// </remarks>
    public Task LockForWritesAsync(DbContext db, string table, CancellationToken cancellationToken)
    {
        // The table name is one of the module's own constants, never input; an identifier cannot be a parameter.
#pragma warning disable EF1003
        return db.Database.ExecuteSqlRawAsync("UPDATE \"" + table + "\" SET rowid = rowid WHERE 0", cancellationToken);
#pragma warning restore EF1003
    }

    public bool IsConstraintViolation(Exception exception)
        => exception is SqliteException { SqliteErrorCode: ConstraintErrorCode }
            || exception.InnerException is { } inner && IsConstraintViolation(inner);

    public string Describe(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;
}
