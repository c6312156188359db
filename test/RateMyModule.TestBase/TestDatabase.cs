using Microsoft.Data.Sqlite;

namespace RateMyModule.TestBase;

/// <summary>
/// A real SQLite database in a temporary file, one per fixture. A file (not a shared in-memory database) keeps
/// SQLite's normal locking, so tests see the same transaction behaviour as production.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rmm-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_directory, "test.db"),
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString();
    }

    public string ConnectionString { get; }

    public string DataDirectory => _directory;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalizing connection only leaves a temp file behind.
        }
    }
}
