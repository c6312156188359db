using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace RateMyModule.Framework.Data.Providers;

/// <summary>
/// What differs between SQLite and PostgreSQL, in one place, so that modules stay provider-neutral: how a connection
/// and a transaction start, how writers are kept from deciding on stale data, and how a constraint failure looks.
/// </summary>
public interface IDatabaseEngine
{
    DatabaseProviderKind Kind { get; }

    /// <summary>
    /// True when the database lets one transaction write at a time (SQLite): the unit of work then queues this
    /// process's writers (<see cref="Uow.DatabaseWriteQueue"/>) instead of letting them spin on the lock.
    /// </summary>
    bool HasSingleWriter { get; }

    DbConnection CreateConnection(string connectionString);

    /// <summary>The provider, the module's migrations history table and its migrations set (<see cref="ProviderMigrationsAssembly"/>).</summary>
    void Configure(DbContextOptionsBuilder builder, string? connectionString, string migrationsHistoryTable);

    /// <summary><paramref name="expectWrites"/>: the transaction will write, so it takes what a writer needs up front.</summary>
    DbTransaction BeginTransaction(DbConnection connection, bool expectWrites);

    /// <summary>Whatever the database needs before the first migration (a directory and WAL mode for SQLite).</summary>
    Task PrepareDatabaseAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the current transaction the only writer of <paramref name="table"/>'s module until it ends, so that what
    /// it reads next is what the previous writer committed (see <see cref="ModuleWriteLock"/>).
    /// </summary>
    Task LockForWritesAsync(DbContext db, string table, CancellationToken cancellationToken);

    /// <summary>A unique, foreign-key or not-null constraint refused the statement.</summary>
    bool IsConstraintViolation(Exception exception);

    /// <summary>A host and port to name in a message, never the password.</summary>
    string Describe(string connectionString);
}
