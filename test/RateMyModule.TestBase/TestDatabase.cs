using Microsoft.Data.Sqlite;
using Npgsql;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;

namespace RateMyModule.TestBase;

/// <summary>
/// A real database, one per fixture. SQLite by default: a temporary file (not a shared in-memory database) keeps
/// SQLite's normal locking, so tests see the same transaction behaviour as production. With
/// <c>RMM_TEST_DB=postgres</c>, a fresh PostgreSQL database on the server <c>RMM_TEST_PG</c> names (an Npgsql
/// connection string of a user who may create databases), created here and dropped on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string ProviderVariable = "RMM_TEST_DB";
    public const string ServerVariable = "RMM_TEST_PG";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rmm-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;

    public TestDatabase()
    {
        Directory.CreateDirectory(_directory);
        Provider = SelectedProvider;
        if (Provider == DatabaseProviderKind.Postgres)
        {
            _serverConnectionString = Environment.GetEnvironmentVariable(ServerVariable)
                ?? throw new InvalidOperationException($"{ProviderVariable}=postgres needs {ServerVariable}, e.g. Host=127.0.0.1;Port=5432;Username=postgres");
            _databaseName = "rmm_test_" + Guid.NewGuid().ToString("N");
            Execute($"CREATE DATABASE \"{_databaseName}\"");
            ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _databaseName }.ConnectionString;
            return;
        }

        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_directory, "test.db"),
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString();
    }

    /// <summary>The provider <c>RMM_TEST_DB</c> selects for this test run.</summary>
    public static DatabaseProviderKind SelectedProvider =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProviderKind.Postgres
            : DatabaseProviderKind.Sqlite;

    public DatabaseProviderKind Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A folder of the fixture's own (the SQLite file lives here; tests keep mail and exports here too).</summary>
    public string DataDirectory => _directory;

    /// <summary>The configuration a host needs to use this database.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DatabaseConfiguration.ProviderKey] = Provider == DatabaseProviderKind.Postgres ? "postgres" : "sqlite",
        [DatabaseConfiguration.ConnectionStringKey] = ConnectionString,
    };

    public void Dispose()
    {
        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)");
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalizing connection only leaves a temp file behind.
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_serverConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
