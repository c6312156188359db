using Microsoft.Extensions.Configuration;

namespace RateMyModule.Accounts.Options;

/// <summary>Account rules an operator may tune; read from the environment names the deployment documents.</summary>
public sealed class AccountOptions
{
    /// <summary>Days a confirmation link stays valid (<c>ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS</c>).</summary>
    public double EmailConfirmationExpireDays { get; set; } = 1;

    /// <summary>Sign-in attempts one client address may POST per <see cref="SignInWindow"/> (<c>Accounts:SignInPermitLimit</c>).</summary>
    public int SignInPermitLimit { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed passwords before an account is locked out for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// <c>PUBLIC_URL</c>: the site's address as users reach it (e.g. <c>https://ratemymodule.org</c>). Links in mail
    /// are built on it, never on the request's Host header, which a client (or a forwarded header) can set to
    /// another site. Unset (development), links use the request's own address.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The first Admin, seeded when both are set (<c>ADMIN_EMAIL</c>, <c>ADMIN_PASSWORD</c>).</summary>
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public static void Bind(AccountOptions options, IConfiguration configuration)
    {
        configuration.GetSection("Accounts").Bind(options);
        if (double.TryParse(configuration["ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS"], System.Globalization.CultureInfo.InvariantCulture, out var days))
        {
            options.EmailConfirmationExpireDays = days;
        }

        if (Uri.TryCreate(configuration["PUBLIC_URL"], UriKind.Absolute, out var publicUrl))
        {
            options.PublicUrl = publicUrl;
        }

        options.AdminEmail = configuration["ADMIN_EMAIL"] ?? options.AdminEmail;
        options.AdminPassword = configuration["ADMIN_PASSWORD"] ?? options.AdminPassword;
    }
}

/// <summary>SMTP settings, bound from <c>EMAIL_*</c> environment names.</summary>
public sealed class EmailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 465;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Implicit TLS from the first byte (port 465, the deployment guide's default); otherwise STARTTLS when offered.</summary>
    public bool UseSsl { get; set; } = true;

    /// <summary>Log messages and write them as .eml files instead of sending (<c>EMAIL_TO_CONSOLE</c>).</summary>
    public bool ToConsole { get; set; }

    public string From { get; set; } = "RateMyModule <no-reply@ratemymodule.app>";

    /// <summary>Where .eml files go when not sending: <c>DATA_DIR/mail</c>, else <c>App_Data/mail</c>.</summary>
    public string PickupDirectory { get; set; } = "";

    public static void Bind(EmailOptions options, IConfiguration configuration, string contentRoot)
    {
        options.Host = configuration["EMAIL_HOST"] ?? options.Host;
        if (int.TryParse(configuration["EMAIL_PORT"], System.Globalization.CultureInfo.InvariantCulture, out var port))
        {
            options.Port = port;
        }

        options.UserName = configuration["EMAIL_HOST_USER"] ?? options.UserName;
        options.Password = configuration["EMAIL_PASSWORD"] ?? options.Password;
        options.UseSsl = bool.TryParse(configuration["EMAIL_USE_SSL"], out var ssl) ? ssl : options.UseSsl;
        options.ToConsole = bool.TryParse(configuration["EMAIL_TO_CONSOLE"], out var console) ? console : options.ToConsole;
        options.From = configuration["EMAIL_FROM"] ?? options.From;
        var dataDir = configuration["DATA_DIR"];
        options.PickupDirectory = string.IsNullOrWhiteSpace(dataDir)
            ? Path.Combine(contentRoot, "App_Data", "mail")
            : Path.Combine(Path.GetFullPath(dataDir), "mail");
    }
}
