using RateMyModule.Framework.Data;

namespace RateMyModule.Web.Configuration;

/// <summary>
/// The deployment guide's environment variables, parsed and validated by <see cref="DeploymentSettingsReader"/>.
/// Classes rather than records on purpose: a record's generated <c>ToString</c> would print the secrets.
/// </summary>
public sealed class DeploymentSettings
{
    /// <summary><c>PRODUCTION</c>: secrets and a persistent data directory are required.</summary>
    public bool Production { get; init; }

    /// <summary><c>DEBUG</c>: more detail in logs (the default level becomes Debug); refused in production.</summary>
    public bool Debug { get; init; }

    /// <summary><c>LOG_LEVEL</c> (or Debug when <c>DEBUG</c> is on); null keeps the appsettings levels.</summary>
    public LogLevel? MinimumLogLevel { get; init; }

    /// <summary><c>SECRET_KEY</c>: encrypts the data-protection key ring at rest.</summary>
    public string? SecretKey { get; init; }

    /// <summary><c>ALLOWED_HOSTS</c>, split on commas, semicolons or spaces; empty keeps <c>AllowedHosts</c>.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary><c>PUBLIC_URL</c>: the address users reach the site at; every absolute link (mail) is built on it.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary><c>DATA_DIR</c>; <c>ConnectionStrings__Default</c> wins when both are given.</summary>
    public string? DataDirectory { get; init; }

    public string? ConnectionString { get; init; }

    /// <summary><c>DATABASE_PROVIDER</c> and the connection it resolves to (from <c>DATABASE_URL</c>, the connection string or <c>DATA_DIR</c>).</summary>
    public DatabaseOptions Database { get; init; } = new();

    public required EmailSettings Email { get; init; }

    public required OAuthProviderSettings Google { get; init; }

    public required OAuthProviderSettings Microsoft { get; init; }

    /// <summary><c>ADMIN_EMAIL</c>/<c>ADMIN_PASSWORD</c>: the first administrator the seeder creates, if given.</summary>
    public AdminAccountSettings? Admin { get; init; }

    /// <summary><c>ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS</c>: how long an e-mail confirmation link is valid.</summary>
    public int EmailConfirmationExpireDays { get; init; } = DeploymentSettingsReader.DefaultEmailConfirmationExpireDays;
}

/// <summary><c>EMAIL_*</c>: where outgoing mail goes.</summary>
public sealed class EmailSettings
{
    /// <summary><c>EMAIL_TO_CONSOLE</c>: write mail to the log instead of sending it (default: on unless production).</summary>
    public bool ToConsole { get; init; }

    public string? Host { get; init; }

    public int Port { get; init; } = DeploymentSettingsReader.DefaultEmailPort;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public bool UseSsl { get; init; } = true;
}

/// <summary>An external sign-in provider; configured only when both the client id and the secret are given.</summary>
public sealed class OAuthProviderSettings
{
    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public bool IsConfigured => ClientId is not null && ClientSecret is not null;
}

public sealed class AdminAccountSettings
{
    public required string Email { get; init; }

    public required string Password { get; init; }
}
