using System.Globalization;
using System.Net.Mail;
using RateMyModule.Accounts.Passwords;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;
using RateMyModule.Framework.Distributed;

namespace RateMyModule.Web.Configuration;

/// <summary>
/// Reads the deployment guide's environment variables and checks them all before anything starts, collecting
/// every problem so that an operator fixes the env file once rather than one restart per mistake. Problems name
/// the variable and, for secrets, never the value.
/// </summary>
public static class DeploymentSettingsReader
{
    public const int DefaultEmailPort = 465;
    public const int DefaultEmailConfirmationExpireDays = 1;
    public const int MinimumSecretKeyLength = 32;
    public const string GoogleClientIdSuffix = ".apps.googleusercontent.com";

    /// <summary>Every placeholder in <c>etc/docker/.env.example</c> contains this marker.</summary>
    public const string PlaceholderMarker = "change-me";

    private static readonly Dictionary<string, LogLevel> LogLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DEBUG"] = LogLevel.Debug,
        ["INFO"] = LogLevel.Information,
        ["WARNING"] = LogLevel.Warning,
        ["ERROR"] = LogLevel.Error,
        ["CRITICAL"] = LogLevel.Critical,
    };

    /// <summary>Reads and validates; throws <see cref="InvalidConfigurationException"/> listing every problem.</summary>
    public static DeploymentSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        var settings = Read(configuration, environment, problems);
        return problems.Count == 0 ? settings : throw new InvalidConfigurationException(problems);
    }

    /// <summary>A value that still holds the <c>.env.example</c> placeholder (or the guide's <c>*****</c>).</summary>
    public static bool IsPlaceholder(string value) =>
        value.Contains(PlaceholderMarker, StringComparison.OrdinalIgnoreCase)
        || value.All(c => c == '*')
        || (Guid.TryParse(value, out var guid) && guid == Guid.Empty);

    private static DeploymentSettings Read(IConfiguration configuration, IHostEnvironment environment, List<string> problems)
    {
        var values = new ValueSource(configuration, problems);
        var production = values.Bool("PRODUCTION", fallback: false);
        var debug = values.Bool("DEBUG", fallback: false);
        if (production && debug)
        {
            problems.Add("DEBUG must not be true when PRODUCTION is true.");
        }

        if (production && !environment.IsProduction())
        {
            problems.Add($"PRODUCTION is true but the host environment is '{environment.EnvironmentName}'; "
                + "unset ASPNETCORE_ENVIRONMENT/DOTNET_ENVIRONMENT or set it to Production.");
        }

        var secretKey = values.Text("SECRET_KEY");
        if (production && !values.Given("SECRET_KEY"))
        {
            problems.Add("SECRET_KEY is required when PRODUCTION is true.");
        }
        else if (secretKey is not null && secretKey.Length < MinimumSecretKeyLength)
        {
            problems.Add($"SECRET_KEY must be at least {MinimumSecretKeyLength} characters long.");
        }

        var connectionString = values.Text("ConnectionStrings:Default", "ConnectionStrings__Default");
        var dataDirectory = values.Text("DATA_DIR");
        var database = DatabaseConfiguration.Read(configuration, environment.ContentRootPath, problems);
        if (production && database.Provider == DatabaseProviderKind.Sqlite
            && !values.Given("ConnectionStrings:Default") && !values.Given("DATA_DIR"))
        {
            problems.Add("DATA_DIR (or ConnectionStrings__Default) is required when PRODUCTION is true, "
                + "so that the database lives on a volume.");
        }

        var redisUrl = values.Text(RedisUrl.Variable);
        if (redisUrl is not null && !RedisUrl.TryParse(redisUrl, out _, out var redisProblem))
        {
            problems.Add(redisProblem);
        }

        if (dataDirectory is not null && connectionString is null && UnusableDirectoryReason(dataDirectory) is { } reason)
        {
            problems.Add($"DATA_DIR '{dataDirectory}' cannot hold the database: {reason}.");
        }

        var allowedHosts = ReadAllowedHosts(values, production, problems);
        var publicUrl = ReadPublicUrl(values, production, allowedHosts, problems);
        var email = ReadEmail(values, production, problems);
        return new DeploymentSettings
        {
            Production = production,
            Debug = debug,
            MinimumLogLevel = ReadLogLevel(values, debug, problems),
            SecretKey = secretKey,
            AllowedHosts = allowedHosts,
            PublicUrl = publicUrl,
            DataDirectory = dataDirectory,
            ConnectionString = connectionString,
            Database = database,
            Email = email,
            Google = ReadProvider(values, "GOOGLE", IsGoogleClientId, $"must end in '{GoogleClientIdSuffix}'", problems),
            Microsoft = ReadProvider(values, "MICROSOFT", id => Guid.TryParse(id, out _), "must be a GUID (the Entra application id)", problems),
            Admin = ReadAdmin(values, problems),
            EmailConfirmationExpireDays = values.Int("ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS", DefaultEmailConfirmationExpireDays, 1, 365),
        };
    }

    /// <summary>
    /// Why the folder cannot take the database file and its journal, or null when it can: it is made if missing (as
    /// the migrator would), and a file is written and deleted in it. Caught here, it is one line instead of SQLite's
    /// "unable to open database file" with a stack trace, after some of the start-up has already run.
    /// </summary>
    private static string? UnusableDirectoryReason(string directory)
    {
        try
        {
            var full = Path.GetFullPath(directory);
            if (File.Exists(full))
            {
                return "it is a file, not a folder";
            }

            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-check-{Guid.NewGuid():N}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e is UnauthorizedAccessException ? "the process may not write there" : e.Message.TrimEnd('.');
        }
    }

    private static LogLevel? ReadLogLevel(ValueSource values, bool debug, List<string> problems)
    {
        var text = values.Text("LOG_LEVEL");
        if (text is null)
        {
            return debug ? LogLevel.Debug : null;
        }

        if (LogLevels.TryGetValue(text, out var level))
        {
            return level;
        }

        problems.Add($"LOG_LEVEL '{text}' is unknown; use one of {string.Join(", ", LogLevels.Keys)}.");
        return null;
    }

    private static string[] ReadAllowedHosts(ValueSource values, bool production, List<string> problems)
    {
        var text = values.Text("ALLOWED_HOSTS");
        if (text is null)
        {
            if (production && !values.Given("ALLOWED_HOSTS"))
            {
                problems.Add("ALLOWED_HOSTS is required when PRODUCTION is true (the site's host names, comma separated).");
            }

            return [];
        }

        var hosts = text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var host in hosts.Where(h => h.Contains('/') || h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('[')))
        {
            problems.Add($"ALLOWED_HOSTS entry '{host}' is not a host name; give names like example.org without scheme, port or path.");
        }

        return hosts;
    }

    /// <summary>
    /// Required in production: without it, links in mail would take the host from the request, which a client can
    /// choose. It must be one of the allowed hosts, or the links it makes would be refused by the site itself.
    /// </summary>
    private static Uri? ReadPublicUrl(ValueSource values, bool production, string[] allowedHosts, List<string> problems)
    {
        var text = values.Text("PUBLIC_URL");
        if (text is null)
        {
            if (production)
            {
                problems.Add("PUBLIC_URL is required when PRODUCTION is true (the site's address, e.g. https://ratemymodule.org).");
            }

            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            problems.Add($"PUBLIC_URL '{text}' is not a site address; give one like https://ratemymodule.org (no query or fragment).");
            return null;
        }

        // (A malformed ALLOWED_HOSTS has its own problem already.)
        var hostsAreNames = allowedHosts.All(h => !h.Contains('/') && !h.Contains(':', StringComparison.Ordinal));
        if (hostsAreNames && allowedHosts.Length > 0 && !allowedHosts.Contains("*") && !allowedHosts.Any(h => HostMatches(h, url.Host)))
        {
            problems.Add($"PUBLIC_URL host '{url.Host}' is not in ALLOWED_HOSTS.");
        }

        return url;
    }

    private static bool HostMatches(string allowed, string host)
        => string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase)
            || (allowed.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase));

    private static EmailSettings ReadEmail(ValueSource values, bool production, List<string> problems)
    {
        var toConsole = values.Bool("EMAIL_TO_CONSOLE", fallback: !production);
        var host = values.Text("EMAIL_HOST");
        var user = values.Text("EMAIL_HOST_USER");
        var password = values.Text("EMAIL_PASSWORD");
        if (!toConsole && !values.Given("EMAIL_HOST"))
        {
            problems.Add("EMAIL_HOST is required unless EMAIL_TO_CONSOLE is true.");
        }

        if (values.Given("EMAIL_HOST_USER") != values.Given("EMAIL_PASSWORD"))
        {
            problems.Add("EMAIL_HOST_USER and EMAIL_PASSWORD must be given together (one is missing).");
        }

        return new EmailSettings
        {
            ToConsole = toConsole,
            Host = host,
            Port = values.Int("EMAIL_PORT", DefaultEmailPort, 1, 65535),
            UserName = user,
            Password = password,
            UseSsl = values.Bool("EMAIL_USE_SSL", fallback: true),
        };
    }

    private static OAuthProviderSettings ReadProvider(
        ValueSource values, string provider, Func<string, bool> isWellFormed, string rule, List<string> problems)
    {
        var idName = $"OAUTH_{provider}_CLIENT_ID";
        var secretName = $"OAUTH_{provider}_SECRET";
        var id = values.Text(idName);
        var secret = values.Text(secretName);
        if (id is not null && !isWellFormed(id))
        {
            problems.Add($"{idName} is malformed: it {rule}.");
        }

        if (values.Given(idName) && !values.Given(secretName))
        {
            problems.Add($"{idName} is set but {secretName} is missing; set both or neither.");
        }
        else if (!values.Given(idName) && values.Given(secretName))
        {
            problems.Add($"{secretName} is set but {idName} is missing; set both or neither.");
        }

        return new OAuthProviderSettings { ClientId = id, ClientSecret = secret };
    }

    private static bool IsGoogleClientId(string id) =>
        id.EndsWith(GoogleClientIdSuffix, StringComparison.Ordinal) && id.Length > GoogleClientIdSuffix.Length;

    private static AdminAccountSettings? ReadAdmin(ValueSource values, List<string> problems)
    {
        var email = values.Text("ADMIN_EMAIL");
        var password = values.Text("ADMIN_PASSWORD");
        if (values.Given("ADMIN_EMAIL") != values.Given("ADMIN_PASSWORD"))
        {
            problems.Add("ADMIN_EMAIL and ADMIN_PASSWORD must be given together (one is missing).");
            return null;
        }

        if (email is null || password is null)
        {
            return null;
        }

        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            problems.Add("ADMIN_EMAIL is not an e-mail address.");
        }

        // The account rules, checked now rather than by the seeder after the migrations have already run.
        if (password.Length < PasswordRules.MinLength)
        {
            problems.Add($"ADMIN_PASSWORD must be at least {PasswordRules.MinLength} characters long.");
        }
        else if (new CommonPasswordList().Contains(password))
        {
            problems.Add("ADMIN_PASSWORD is one of the most commonly used passwords; choose another.");
        }

        var local = email.Split('@')[0];
        if (local.Length >= 3 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("ADMIN_PASSWORD must not contain the local part of ADMIN_EMAIL.");
        }

        return new AdminAccountSettings { Email = email, Password = password };
    }

    /// <summary>
    /// Typed access that records each problem instead of throwing on the first. Only booleans and numbers echo the
    /// value back, and no secret is read as one.
    /// </summary>
    private sealed class ValueSource(IConfiguration configuration, List<string> problems)
    {
        /// <summary>Whether the variable has a value at all, placeholder or not.</summary>
        public bool Given(string key) => !string.IsNullOrWhiteSpace(configuration[key]);

        /// <summary>A trimmed value, or null when unset, empty, or still the placeholder (which is a problem).</summary>
        public string? Text(string key, string? displayName = null)
        {
            var value = configuration[key]?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (IsPlaceholder(value))
            {
                problems.Add($"{displayName ?? key} is still the .env.example placeholder; set a real value.");
                return null;
            }

            return value;
        }

        public bool Bool(string key, bool fallback)
        {
            var text = Text(key);
            switch (text?.ToUpperInvariant())
            {
                case null:
                    return fallback;
                case "TRUE" or "1" or "YES" or "ON":
                    return true;
                case "FALSE" or "0" or "NO" or "OFF":
                    return false;
                default:
                    problems.Add($"{key} must be true or false, not '{text}'.");
                    return fallback;
            }
        }

        public int Int(string key, int fallback, int minimum, int maximum)
        {
            var text = Text(key);
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
            {
                return value;
            }

            problems.Add($"{key} must be a whole number from {minimum} to {maximum}, not '{text}'.");
            return fallback;
        }
    }
}
