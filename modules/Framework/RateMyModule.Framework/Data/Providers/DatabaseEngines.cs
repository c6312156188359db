using Microsoft.EntityFrameworkCore;

namespace RateMyModule.Framework.Data.Providers;

public static class DatabaseEngines
{
    public static readonly IDatabaseEngine Sqlite = new SqliteDatabaseEngine();

    public static readonly IDatabaseEngine Postgres = new PostgresDatabaseEngine();

    public static IDatabaseEngine For(DatabaseProviderKind kind) => kind == DatabaseProviderKind.Postgres ? Postgres : Sqlite;

    /// <summary>The provider a context runs on, for code that has a context but no services (model building, modules).</summary>
    public static IDatabaseEngine Of(DbContext db) => db.Database.IsNpgsql() ? Postgres : Sqlite;
}
