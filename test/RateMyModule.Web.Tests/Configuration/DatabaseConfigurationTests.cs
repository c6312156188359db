using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;
using RateMyModule.Web.Configuration;

namespace RateMyModule.Web.Tests.Configuration;

/// <summary><c>DATABASE_PROVIDER</c>, <c>DATABASE_URL</c> and the start-up check of the server.</summary>
public sealed class DatabaseConfigurationTests
{
    private const string Password = "p@ss:w/rd secret";

    private static (DatabaseOptions Options, List<string> Problems) Read(Dictionary<string, string?> values)
    {
        var problems = new List<string>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return (DatabaseConfiguration.Read(configuration, "/srv/app", problems), problems);
    }

    [Fact]
    public void Without_settings_it_is_a_SQLite_file_in_App_Data()
    {
        var (options, problems) = Read([]);

        problems.ShouldBeEmpty();
        options.Provider.ShouldBe(DatabaseProviderKind.Sqlite);
        options.ConnectionString.ShouldContain(Path.Combine("/srv/app", "App_Data", "ratemymodule.db"));
    }

    [Fact]
    public void A_postgres_url_becomes_a_connection_string_with_its_parts_percent_decoded()
    {
        var (options, problems) = Read(new()
        {
            ["DATABASE_PROVIDER"] = "postgres",
            ["DATABASE_URL"] = "postgres://rate%40my:" + Uri.EscapeDataString(Password) + "@db.internal:6543/rate%20my?sslmode=require",
        });

        problems.ShouldBeEmpty();
        options.Provider.ShouldBe(DatabaseProviderKind.Postgres);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        builder.Host.ShouldBe("db.internal");
        builder.Port.ShouldBe(6543);
        builder.Username.ShouldBe("rate@my");
        builder.Password.ShouldBe(Password);
        builder.Database.ShouldBe("rate my");
        builder.SslMode.ShouldBe(SslMode.Require);
    }

    [Fact]
    public void The_port_defaults_to_5432_and_the_connection_string_is_accepted_instead_of_a_url()
    {
        new NpgsqlConnectionStringBuilder(DatabaseConfiguration.ParseUrl("postgresql://u:p@db/rmm")).Port.ShouldBe(5432);

        var (options, problems) = Read(new()
        {
            ["DATABASE_PROVIDER"] = "postgres",
            ["ConnectionStrings:Default"] = "Host=db;Database=rmm;Username=u;Password=p",
        });
        problems.ShouldBeEmpty();
        new NpgsqlConnectionStringBuilder(options.ConnectionString).Database.ShouldBe("rmm");
    }

    [Theory]
    [InlineData("mysql://u:" + Password + "@db/rmm", "DATABASE_URL is malformed: it must look like postgres://user:password@host:port/database.")]
    [InlineData("postgres://u:" + "pw@db:5432", "DATABASE_URL is malformed: it must name one database after the host")]
    [InlineData("postgres://u:pw@db:5432/rmm?timeout=3", "DATABASE_URL is malformed: its parameter 'timeout' is not supported (only sslmode is).")]
    [InlineData("not a url " + Password, "DATABASE_URL is malformed: it must look like postgres://user:password@host:port/database.")]
    public void A_malformed_url_is_one_problem_that_never_repeats_the_password(string url, string expected)
    {
        var (_, problems) = Read(new() { ["DATABASE_PROVIDER"] = "postgres", ["DATABASE_URL"] = url });

        problems.ShouldHaveSingleItem().ShouldStartWith(expected);
        problems[0].ShouldNotContain("pw");
        problems[0].ShouldNotContain(Password);
    }

    [Fact]
    public void An_unknown_provider_a_missing_url_and_a_url_without_postgres_are_problems()
    {
        Read(new() { ["DATABASE_PROVIDER"] = "oracle" }).Problems.ShouldBe(["DATABASE_PROVIDER 'oracle' is unknown; use sqlite or postgres."]);
        Read(new() { ["DATABASE_PROVIDER"] = "postgres" }).Problems
            .ShouldBe(["DATABASE_URL (or ConnectionStrings__Default) is required when DATABASE_PROVIDER is postgres."]);
        Read(new() { ["DATABASE_URL"] = "postgres://u:pw@db/rmm" }).Problems.ShouldHaveSingleItem()
            .ShouldStartWith("DATABASE_URL is set but DATABASE_PROVIDER is not postgres");
    }

    [Fact]
    public async Task An_unreachable_server_is_named_by_host_and_port_without_the_password()
    {
        var port = FreePort();
        var options = new DatabaseOptions
        {
            Provider = DatabaseProviderKind.Postgres,
            ConnectionString = DatabaseConfiguration.ParseUrl($"postgres://rmm:{Uri.EscapeDataString(Password)}@127.0.0.1:{port}/rmm"),
        };

        var watch = Stopwatch.StartNew();
        var problem = await DatabaseConfiguration.CheckReachableAsync(options, TimeSpan.FromSeconds(3));

        problem.ShouldNotBeNull().ShouldStartWith($"cannot reach the PostgreSQL server at 127.0.0.1:{port}: ");
        problem.ShouldNotContain(Password);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void The_host_reports_database_problems_with_the_other_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_PROVIDER"] = "postgres",
            ["DATABASE_URL"] = "postgres://u:" + Password + "@db",
        }).Build();

        var error = Should.Throw<InvalidConfigurationException>(() => DeploymentSettingsReader.Read(configuration, new TestEnvironment()));

        error.Problems.ShouldHaveSingleItem().ShouldStartWith("DATABASE_URL is malformed");
        var output = new StringWriter();
        ConfigurationProblemReporter.Report(error, output);
        output.ToString().ShouldContain("configuration error: DATABASE_URL is malformed");
        output.ToString().ShouldNotContain(Password);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class TestEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "RateMyModule.Web";

        public string ContentRootPath { get; set; } = "/srv/app";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
