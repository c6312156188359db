namespace RateMyModule.Framework.Data.Providers;

public enum DatabaseProviderKind
{
    Sqlite,
    Postgres,
}
