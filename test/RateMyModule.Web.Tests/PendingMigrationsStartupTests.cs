using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

public sealed class PendingMigrationsStartupTests
{
    [Fact]
    public void Without_auto_migration_the_host_refuses_a_database_that_is_behind_and_says_to_run_the_DbMigrator()
    {
        using var factory = new UnmigratedWebAppFactory();

        // The entry point reports it as one "configuration error:" line (exit 1), so the test host never starts.
        var output = new StringWriter();
        var original = Console.Error;
        Console.SetError(output);
        try
        {
            Should.Throw<InvalidOperationException>(() => factory.CreateClient());
        }
        finally
        {
            Console.SetError(original);
        }

        var line = output.ToString().Split('\n').Single(l => l.Contains("pending migrations", StringComparison.Ordinal));
        line.ShouldStartWith("configuration error: ");
        line.ShouldContain("Framework");
        line.ShouldContain("Run the DbMigrator");
    }

    [Fact]
    public void An_unusable_data_directory_is_one_configuration_error_line_not_a_stack_trace()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rmm-data-dir-is-a-file-{Guid.NewGuid():N}");
        File.WriteAllText(file, "");
        try
        {
            using var factory = new DataDirectoryWebAppFactory(file);
            var output = new StringWriter();
            var original = Console.Error;
            Console.SetError(output);
            try
            {
                Should.Throw<InvalidOperationException>(() => factory.CreateClient());
            }
            finally
            {
                Console.SetError(original);
            }

            output.ToString().ShouldContain($"configuration error: DATA_DIR '{file}' cannot hold the database: it is a file, not a folder.");
            output.ToString().ShouldNotContain("   at ");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class DataDirectoryWebAppFactory(string dataDirectory) : WebAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DATA_DIR", dataDirectory);
        }
    }

    private sealed class UnmigratedWebAppFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:AutoMigrate"] = "false" };
    }
}
