using RateMyModule.Framework.Data.Providers;

namespace RateMyModule.Framework.Data;

public sealed class DatabaseOptions
{
    /// <summary><c>DATABASE_PROVIDER</c>: SQLite (the default) or PostgreSQL.</summary>
    public DatabaseProviderKind Provider { get; set; } = DatabaseProviderKind.Sqlite;

    /// <summary>The connection string (in the provider's own form) every module's DbContext uses.</summary>
    public string ConnectionString { get; set; } = "";
}
