using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RateMyModule.Web.Configuration;

namespace RateMyModule.Web.Tests.Configuration;

/// <summary>One test per start-up rule: each starts from a valid production environment and breaks one thing.</summary>
public sealed class DeploymentSettingsReaderTests
{
    private const string SecretKey = "s3cr3t-key-for-tests-0123456789abcdefghij";
    private const string GoogleSecret = "google-secret-value-abc";
    private const string MicrosoftSecret = "microsoft-secret-value-def";
    private const string EmailPassword = "email-password-value-ghi";
    private const string AdminPassword = "keeper-passphrase-value-jkl";

    // A folder the check may create and write in (it is made if missing, as the migrator would).
    private static readonly string DataDir = Path.Combine(Path.GetTempPath(), "rmm-deployment-settings-tests");

    private static Dictionary<string, string?> ValidProduction() => new()
    {
        ["PRODUCTION"] = "true",
        ["DEBUG"] = "false",
        ["LOG_LEVEL"] = "WARNING",
        ["SECRET_KEY"] = SecretKey,
        ["ALLOWED_HOSTS"] = "ratemymodule.org, www.ratemymodule.org",
        ["PUBLIC_URL"] = "https://ratemymodule.org",
        ["DATA_DIR"] = DataDir,
        ["OAUTH_GOOGLE_CLIENT_ID"] = "1234-abc.apps.googleusercontent.com",
        ["OAUTH_GOOGLE_SECRET"] = GoogleSecret,
        ["OAUTH_MICROSOFT_CLIENT_ID"] = "6f1c2a0e-8d5b-4c1e-9a7f-3b2d1e0f4a5c",
        ["OAUTH_MICROSOFT_SECRET"] = MicrosoftSecret,
        ["EMAIL_TO_CONSOLE"] = "false",
        ["EMAIL_HOST"] = "smtp.ratemymodule.org",
        ["EMAIL_PORT"] = "587",
        ["EMAIL_HOST_USER"] = "noreply@ratemymodule.org",
        ["EMAIL_PASSWORD"] = EmailPassword,
        ["EMAIL_USE_SSL"] = "True",
        ["ADMIN_EMAIL"] = "admin@ratemymodule.org",
        ["ADMIN_PASSWORD"] = AdminPassword,
        ["ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS"] = "5",
    };

    [Fact]
    public void A_complete_production_environment_is_accepted_and_mapped()
    {
        var settings = Read(ValidProduction());

        settings.Production.ShouldBeTrue();
        settings.MinimumLogLevel.ShouldBe(LogLevel.Warning);
        settings.AllowedHosts.ShouldBe(["ratemymodule.org", "www.ratemymodule.org"]);
        settings.DataDirectory.ShouldBe(DataDir);
        settings.Google.IsConfigured.ShouldBeTrue();
        settings.Microsoft.IsConfigured.ShouldBeTrue();
        settings.Email.ToConsole.ShouldBeFalse();
        settings.Email.Port.ShouldBe(587);
        settings.Email.UseSsl.ShouldBeTrue();
        settings.Admin!.Email.ShouldBe("admin@ratemymodule.org");
        settings.EmailConfirmationExpireDays.ShouldBe(5);
    }

    [Fact]
    public void Outside_production_nothing_is_required()
    {
        var settings = Read([], "Development");

        settings.Production.ShouldBeFalse();
        settings.Email.ToConsole.ShouldBeTrue();
        settings.Google.IsConfigured.ShouldBeFalse();
        settings.MinimumLogLevel.ShouldBeNull();
    }

    [Theory]
    [InlineData("SECRET_KEY")]
    [InlineData("ALLOWED_HOSTS")]
    public void A_variable_production_needs_is_required(string name)
    {
        ProblemsWith(name, null).ShouldBe([$"{name} is required when PRODUCTION is true" + RequiredTail(name)]);
    }

    [Fact]
    public void Production_needs_a_public_url_that_is_a_site_address_on_an_allowed_host()
    {
        Read(ValidProduction()).PublicUrl.ShouldBe(new Uri("https://ratemymodule.org"));
        ProblemsWith("PUBLIC_URL", null).ShouldBe(["PUBLIC_URL is required when PRODUCTION is true (the site's address, e.g. https://ratemymodule.org)."]);
        ProblemsWith("PUBLIC_URL", "ratemymodule.org").ShouldHaveSingleItem().ShouldStartWith("PUBLIC_URL 'ratemymodule.org' is not a site address");
        ProblemsWith("PUBLIC_URL", "https://ratemymodule.org/?next=x").ShouldHaveSingleItem().ShouldStartWith("PUBLIC_URL 'https://ratemymodule.org/?next=x' is not a site address");
        ProblemsWith("PUBLIC_URL", "https://evil.example").ShouldBe(["PUBLIC_URL host 'evil.example' is not in ALLOWED_HOSTS."]);
    }

    [Fact]
    public void A_data_directory_that_cannot_hold_the_database_is_one_problem_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rmm-not-a-folder-{Guid.NewGuid():N}");
        File.WriteAllText(file, "");
        try
        {
            ProblemsWith("DATA_DIR", file).ShouldBe([$"DATA_DIR '{file}' cannot hold the database: it is a file, not a folder."]);
            ProblemsWith("DATA_DIR", Path.Combine(file, "below")).ShouldHaveSingleItem().ShouldStartWith($"DATA_DIR '{Path.Combine(file, "below")}' cannot hold the database: ");
            if (!OperatingSystem.IsWindows())
            {
                // /proc refuses new folders to everyone, root included.
                ProblemsWith("DATA_DIR", "/proc/rmm-data").ShouldHaveSingleItem().ShouldStartWith("DATA_DIR '/proc/rmm-data' cannot hold the database: ");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Production_needs_a_data_directory_or_connection_string()
    {
        ProblemsWith("DATA_DIR", null).ShouldHaveSingleItem().ShouldStartWith("DATA_DIR (or ConnectionStrings__Default) is required");

        var withConnectionString = ValidProduction();
        withConnectionString.Remove("DATA_DIR");
        withConnectionString["ConnectionStrings:Default"] = "Data Source=/data/ratemymodule.db";
        Read(withConnectionString).ConnectionString.ShouldBe("Data Source=/data/ratemymodule.db");
    }

    [Fact]
    public void Every_placeholder_in_the_env_example_is_refused()
    {
        var placeholders = EnvExample().Where(p => DeploymentSettingsReader.IsPlaceholder(p.Value)).ToList();
        placeholders.Select(p => p.Key).ShouldBe(
            ["SECRET_KEY", "OAUTH_GOOGLE_CLIENT_ID", "OAUTH_GOOGLE_SECRET", "OAUTH_MICROSOFT_CLIENT_ID", "OAUTH_MICROSOFT_SECRET",
             "EMAIL_HOST", "EMAIL_HOST_USER", "EMAIL_PASSWORD", "ADMIN_EMAIL", "ADMIN_PASSWORD"],
            ignoreOrder: true);

        foreach (var (name, value) in placeholders)
        {
            ProblemsWith(name, value).ShouldBe([$"{name} is still the .env.example placeholder; set a real value."]);
        }
    }

    [Fact]
    public void The_guides_redacted_stars_count_as_a_placeholder()
    {
        ProblemsWith("OAUTH_GOOGLE_SECRET", "*****").ShouldBe(["OAUTH_GOOGLE_SECRET is still the .env.example placeholder; set a real value."]);
    }

    [Fact]
    public void A_short_secret_key_is_refused()
    {
        ProblemsWith("SECRET_KEY", "too-short").ShouldBe(["SECRET_KEY must be at least 32 characters long."]);
    }

    [Fact]
    public void A_google_client_id_must_end_in_the_google_suffix()
    {
        ProblemsWith("OAUTH_GOOGLE_CLIENT_ID", "1234-abc.example.com")
            .ShouldBe(["OAUTH_GOOGLE_CLIENT_ID is malformed: it must end in '.apps.googleusercontent.com'."]);
    }

    [Fact]
    public void A_microsoft_client_id_must_be_a_guid()
    {
        ProblemsWith("OAUTH_MICROSOFT_CLIENT_ID", "not-a-guid")
            .ShouldBe(["OAUTH_MICROSOFT_CLIENT_ID is malformed: it must be a GUID (the Entra application id)."]);
    }

    [Theory]
    [InlineData("OAUTH_GOOGLE_SECRET", "OAUTH_GOOGLE_CLIENT_ID is set but OAUTH_GOOGLE_SECRET is missing; set both or neither.")]
    [InlineData("OAUTH_GOOGLE_CLIENT_ID", "OAUTH_GOOGLE_SECRET is set but OAUTH_GOOGLE_CLIENT_ID is missing; set both or neither.")]
    [InlineData("OAUTH_MICROSOFT_SECRET", "OAUTH_MICROSOFT_CLIENT_ID is set but OAUTH_MICROSOFT_SECRET is missing; set both or neither.")]
    [InlineData("OAUTH_MICROSOFT_CLIENT_ID", "OAUTH_MICROSOFT_SECRET is set but OAUTH_MICROSOFT_CLIENT_ID is missing; set both or neither.")]
    public void A_half_configured_provider_is_refused(string removed, string problem)
    {
        ProblemsWith(removed, null).ShouldBe([problem]);
    }

    [Fact]
    public void A_provider_may_be_left_out_entirely()
    {
        var settings = ValidProduction();
        settings.Remove("OAUTH_MICROSOFT_CLIENT_ID");
        settings.Remove("OAUTH_MICROSOFT_SECRET");

        Read(settings).Microsoft.IsConfigured.ShouldBeFalse();
    }

    [Theory]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("info", LogLevel.Information)]
    [InlineData("WARNING", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("CRITICAL", LogLevel.Critical)]
    public void Log_levels_map_to_dotnet_levels(string name, LogLevel level)
    {
        var settings = ValidProduction();
        settings["LOG_LEVEL"] = name;

        Read(settings).MinimumLogLevel.ShouldBe(level);
    }

    [Fact]
    public void An_unknown_log_level_is_refused()
    {
        ProblemsWith("LOG_LEVEL", "VERBOSE").ShouldBe(["LOG_LEVEL 'VERBOSE' is unknown; use one of DEBUG, INFO, WARNING, ERROR, CRITICAL."]);
    }

    [Theory]
    [InlineData("PRODUCTION")]
    [InlineData("EMAIL_TO_CONSOLE")]
    [InlineData("EMAIL_USE_SSL")]
    public void A_flag_must_be_true_or_false(string name)
    {
        ProblemsWith(name, "maybe").ShouldBe([$"{name} must be true or false, not 'maybe'."]);
    }

    [Theory]
    [InlineData("EMAIL_PORT", "smtp", "1 to 65535")]
    [InlineData("EMAIL_PORT", "70000", "1 to 65535")]
    [InlineData("ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS", "0", "1 to 365")]
    [InlineData("ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS", "-3", "1 to 365")]
    public void A_number_must_be_in_range(string name, string value, string range)
    {
        ProblemsWith(name, value).ShouldBe([$"{name} must be a whole number from {range}, not '{value}'."]);
    }

    [Fact]
    public void Debug_is_refused_in_production()
    {
        ProblemsWith("DEBUG", "true").ShouldBe(["DEBUG must not be true when PRODUCTION is true."]);
    }

    [Fact]
    public void Debug_lowers_the_default_log_level_outside_production()
    {
        Read(new() { ["DEBUG"] = "true" }, "Staging").MinimumLogLevel.ShouldBe(LogLevel.Debug);
    }

    [Fact]
    public void Production_refuses_a_development_host_environment()
    {
        Should.Throw<InvalidConfigurationException>(() => Read(ValidProduction(), "Development")).Problems.ShouldBe(
            ["PRODUCTION is true but the host environment is 'Development'; unset ASPNETCORE_ENVIRONMENT/DOTNET_ENVIRONMENT or set it to Production."]);
    }

    [Fact]
    public void An_allowed_host_with_a_scheme_is_refused()
    {
        ProblemsWith("ALLOWED_HOSTS", "https://ratemymodule.org")
            .ShouldBe(["ALLOWED_HOSTS entry 'https://ratemymodule.org' is not a host name; give names like example.org without scheme, port or path."]);
    }

    [Fact]
    public void Sending_mail_needs_a_host()
    {
        ProblemsWith("EMAIL_HOST", null).ShouldBe(["EMAIL_HOST is required unless EMAIL_TO_CONSOLE is true."]);
    }

    [Fact]
    public void A_mail_user_needs_a_password()
    {
        ProblemsWith("EMAIL_PASSWORD", null).ShouldBe(["EMAIL_HOST_USER and EMAIL_PASSWORD must be given together (one is missing)."]);
    }

    [Fact]
    public void The_admin_account_needs_both_email_and_password()
    {
        ProblemsWith("ADMIN_PASSWORD", null).ShouldBe(["ADMIN_EMAIL and ADMIN_PASSWORD must be given together (one is missing)."]);
    }

    [Theory]
    [InlineData("Short-1", "ADMIN_PASSWORD must be at least 12 characters long.")]
    [InlineData("password1234", "ADMIN_PASSWORD is one of the most commonly used passwords; choose another.")]
    [InlineData("my-admin-passphrase", "ADMIN_PASSWORD must not contain the local part of ADMIN_EMAIL.")]
    public void A_weak_admin_password_is_refused_before_anything_runs(string password, string problem)
        => ProblemsWith("ADMIN_PASSWORD", password).ShouldBe([problem]);

    [Fact]
    public void The_admin_email_must_be_an_address()
    {
        ProblemsWith("ADMIN_EMAIL", "admin-at-ratemymodule").ShouldBe(["ADMIN_EMAIL is not an e-mail address."]);
    }

    [Fact]
    public void Every_problem_is_listed_at_once_and_no_secret_value_is_shown()
    {
        var settings = ValidProduction();
        settings["LOG_LEVEL"] = "LOUD";
        settings["SECRET_KEY"] = "short-" + GoogleSecret[..6];
        settings["OAUTH_GOOGLE_CLIENT_ID"] = "wrong";
        settings.Remove("OAUTH_MICROSOFT_CLIENT_ID");
        settings.Remove("EMAIL_HOST_USER");
        settings.Remove("ADMIN_EMAIL");

        var exception = Should.Throw<InvalidConfigurationException>(() => Read(settings));
        var output = new StringWriter();
        ConfigurationProblemReporter.Report(exception, output).ShouldBe(1);

        exception.Problems.Count.ShouldBe(6);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(7);
        lines.Skip(1).ShouldAllBe(line => line.StartsWith("configuration error: "));
        foreach (var secret in new[] { settings["SECRET_KEY"]!, GoogleSecret, MicrosoftSecret, EmailPassword, AdminPassword })
        {
            exception.Message.ShouldNotContain(secret);
            output.ToString().ShouldNotContain(secret);
        }
    }

    private static string RequiredTail(string name) =>
        name == "ALLOWED_HOSTS" ? " (the site's host names, comma separated)." : ".";

    private static IReadOnlyList<string> ProblemsWith(string name, string? value)
    {
        var settings = ValidProduction();
        settings[name] = value;
        return Should.Throw<InvalidConfigurationException>(() => Read(settings)).Problems;
    }

    private static DeploymentSettings Read(Dictionary<string, string?> values, string environment = "Production")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return DeploymentSettingsReader.Read(configuration, new FixedEnvironment(environment));
    }

    private static IEnumerable<KeyValuePair<string, string>> EnvExample()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RateMyModule.sln")))
        {
            directory = directory.Parent;
        }

        directory.ShouldNotBeNull("the tests run inside the repository");
        foreach (var line in File.ReadLines(Path.Combine(directory.FullName, "etc", "docker", ".env.example")))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            yield return new(trimmed[..equals], trimmed[(equals + 1)..]);
        }
    }

    private sealed class FixedEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "RateMyModule.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
