using RateMyModule.Framework.Data.Providers;
using Xunit;

namespace RateMyModule.TestBase;

/// <summary>
/// A test of something only SQLite has (its query planner's plan, its file, its lock): skipped, with the reason, when
/// the run is on PostgreSQL (<c>RMM_TEST_DB=postgres</c>), where its PostgreSQL counterpart is tested instead.
/// </summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestDatabase.SelectedProvider != DatabaseProviderKind.Sqlite)
        {
            Skip = "SQLite-specific; this run is on PostgreSQL";
        }
    }
}
