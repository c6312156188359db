using System.Data;
using System.Data.Common;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RateMyModule.Framework.Data.Providers;

/// <summary>
/// PostgreSQL, for several web replicas on one database. Writers run side by side (row locks, unique indexes);
/// what SQLite's single write lock gave a module for free, a transaction-scoped advisory lock gives here.
/// </summary>
public sealed class PostgresDatabaseEngine : IDatabaseEngine
{
    /// <summary>Class 23, integrity constraint violation: unique (23505), foreign key (23503), not null (23502)…</summary>
    private const string ConstraintViolationClass = "23";

    // One pool per connection string for the process's lifetime: a data source is the pool.
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new();

    public DatabaseProviderKind Kind => DatabaseProviderKind.Postgres;

    public bool HasSingleWriter => false;

    public DbConnection CreateConnection(string connectionString)
        => DataSources.GetOrAdd(connectionString, NpgsqlDataSource.Create).CreateConnection();

    public void Configure(DbContextOptionsBuilder builder, string? connectionString, string migrationsHistoryTable)
    {
        if (connectionString is null)
        {
            builder.UseNpgsql(npgsql => npgsql.MigrationsHistoryTable(migrationsHistoryTable));
        }
        else
        {
            builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(migrationsHistoryTable));
        }

        builder.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, ProviderMigrationsAssembly>();
        builder.AddInterceptors(CaseInsensitiveLikeInterceptor.Instance);
    }

    /// <remarks>
    /// READ COMMITTED: each statement sees what committed before it started, so a writer that waited for a row
    /// lock or an advisory lock reads the current data after it, as a SQLite writer does after the write lock.
    /// </remarks>
    public DbTransaction BeginTransaction(DbConnection connection, bool expectWrites)
        => connection.BeginTransaction(IsolationLevel.ReadCommitted);

    public Task PrepareDatabaseAsync(string connectionString, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <remarks>
    /// <c>pg_advisory_xact_lock</c> is held until the transaction ends and taken by every replica on the same key,
    /// so a module's writers queue across processes as they do on SQLite's file lock, while readers and other
    /// modules' writers go on. Outside a transaction it is released at once, as SQLite's lock would be.
    /// </remarks>
    public Task LockForWritesAsync(DbContext db, string table, CancellationToken cancellationToken)
        => db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"rmm-writes:" + table}))", cancellationToken);

    public bool IsConstraintViolation(Exception exception)
        => exception is PostgresException postgres && postgres.SqlState.StartsWith(ConstraintViolationClass, StringComparison.Ordinal)
            || exception.InnerException is { } inner && IsConstraintViolation(inner);

    public string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}";
    }
}
