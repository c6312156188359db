using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using RateMyModule.Framework.Data.Providers;

namespace RateMyModule.Framework.Data;

/// <summary>
/// <c>DATABASE_PROVIDER</c> (<c>sqlite</c>, the default, or <c>postgres</c>) and where the database is:
/// <c>DATABASE_URL</c> (<c>postgres://user:password@host:port/database</c>), <c>ConnectionStrings__Default</c>,
/// or for SQLite a file in <c>DATA_DIR</c>. Problems are collected, one sentence each, and never quote a password.
/// </summary>
public static class DatabaseConfiguration
{
    public const string ProviderKey = "DATABASE_PROVIDER";
    public const string UrlKey = "DATABASE_URL";
    public const string ConnectionStringKey = "ConnectionStrings:Default";
    public const int DefaultPostgresPort = 5432;

    public static DatabaseOptions Read(IConfiguration configuration, string contentRootPath, ICollection<string> problems)
    {
        var options = new DatabaseOptions { Provider = ReadProvider(configuration[ProviderKey], problems) };
        var url = configuration[UrlKey]?.Trim();
        var connectionString = configuration.GetConnectionString("Default");
        if (options.Provider == DatabaseProviderKind.Postgres)
        {
            if (!string.IsNullOrEmpty(url))
            {
                options.ConnectionString = TryParseUrl(url, problems) ?? "";
            }
            else if (!string.IsNullOrWhiteSpace(connectionString))
            {
                options.ConnectionString = CheckConnectionString(connectionString, problems) ?? "";
            }
            else
            {
                problems.Add($"{UrlKey} (or ConnectionStrings__Default) is required when {ProviderKey} is postgres.");
            }

            return options;
        }

        if (!string.IsNullOrEmpty(url))
        {
            problems.Add($"{UrlKey} is set but {ProviderKey} is not postgres; set {ProviderKey}=postgres to use it, or unset it to keep SQLite.");
        }

        options.ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? SqliteFile(configuration["DATA_DIR"], contentRootPath) : connectionString;
        return options;
    }

    /// <summary>
    /// A <c>postgres://</c> (or <c>postgresql://</c>) URL as an Npgsql connection string; user, password and database
    /// are percent-decoded, the port defaults to 5432 and <c>?sslmode=</c> is honoured.
    /// </summary>
    /// <exception cref="FormatException">The URL is malformed; the message never contains the password.</exception>
    public static string ParseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new FormatException("it must look like postgres://user:password@host:port/database");
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("it names no host");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/'))
        {
            throw new FormatException("it must name one database after the host, as in postgres://user:password@host:5432/ratemymodule");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPostgresPort : uri.Port,
            Database = database,
        };
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : (pair, "");
            if (!key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"its parameter '{key}' is not supported (only sslmode is)");
            }

            builder.SslMode = Enum.TryParse<SslMode>(value, ignoreCase: true, out var mode) && !int.TryParse(value, out _)
                ? mode
                : throw new FormatException($"sslmode '{value}' is unknown; use one of {string.Join(", ", Enum.GetNames<SslMode>())}");
        }

        return builder.ConnectionString;
    }

    /// <summary>Opens one connection; a problem naming the server (never the password) when that fails.</summary>
    public static async Task<string?> CheckReachableAsync(DatabaseOptions options, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (options.Provider != DatabaseProviderKind.Postgres || options.ConnectionString.Length == 0)
        {
            return null;
        }

        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Timeout = Math.Max(1, (int)timeout.TotalSeconds), Pooling = false };
        var server = DatabaseEngines.Postgres.Describe(builder.ConnectionString);
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (PostgresException e)
        {
            // The server answered: a wrong user, password or database name. Its message never repeats the password.
            return $"the PostgreSQL server at {server} refused the connection to database '{builder.Database}' as '{builder.Username}': {e.MessageText}";
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return $"cannot reach the PostgreSQL server at {server}: {Innermost(e).Message}";
        }
    }

    private static DatabaseProviderKind ReadProvider(string? text, ICollection<string> problems)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "sqlite":
                return DatabaseProviderKind.Sqlite;
            case "postgres" or "postgresql":
                return DatabaseProviderKind.Postgres;
            default:
                problems.Add($"{ProviderKey} '{text}' is unknown; use sqlite or postgres.");
                return DatabaseProviderKind.Sqlite;
        }
    }

    private static string? TryParseUrl(string url, ICollection<string> problems)
    {
        try
        {
            return ParseUrl(url);
        }
        catch (FormatException e)
        {
            problems.Add($"{UrlKey} is malformed: {e.Message}.");
            return null;
        }
    }

    private static string? CheckConnectionString(string connectionString, ICollection<string> problems)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        }
        catch (ArgumentException)
        {
            problems.Add("ConnectionStrings__Default is not a PostgreSQL connection string (Host=…;Database=…;Username=…).");
            return null;
        }
    }

    /// <summary>A SQLite file in <c>DATA_DIR</c> (default: App_Data under the content root).</summary>
    private static string SqliteFile(string? dataDir, string contentRootPath)
    {
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            dataDir = Path.Combine(contentRootPath, "App_Data");
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataDir), "ratemymodule.db"),
            DefaultTimeout = 30,
        }.ToString();
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
