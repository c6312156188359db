using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data.Providers;

namespace RateMyModule.Framework.Data;

/// <summary>
/// For a module whose rules read before they write ("already reviewed?", "how many reports now?"): makes the current
/// transaction the module's only writer until it ends, so it decides on what the previous writer committed. SQLite
/// takes its database write lock; PostgreSQL a transaction-scoped advisory lock that every replica shares.
/// </summary>
public static class ModuleWriteLock
{
    /// <param name="table">One of the module's tables: names the lock, and is the table SQLite's no-op write touches.</param>
    public static Task EnterAsync(DbContext db, string table, CancellationToken cancellationToken = default)
        => DatabaseEngines.Of(db).LockForWritesAsync(db, table, cancellationToken);
}

/// <summary>Constraint failures, whichever database refused the statement.</summary>
public static class DatabaseErrors
{
    /// <summary>A unique index, foreign key or NOT NULL refused the change (SQLite code 19, PostgreSQL class 23).</summary>
    public static bool IsConstraintViolation(DbUpdateException exception)
        => DatabaseEngines.Sqlite.IsConstraintViolation(exception) || DatabaseEngines.Postgres.IsConstraintViolation(exception);
}
