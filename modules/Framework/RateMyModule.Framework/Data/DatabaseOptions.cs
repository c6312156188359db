namespace RateMyModule.Framework.Data;

public sealed class DatabaseOptions
{
    /// <summary>The SQLite connection string every module's DbContext uses.</summary>
    public string ConnectionString { get; set; } = "";
}
