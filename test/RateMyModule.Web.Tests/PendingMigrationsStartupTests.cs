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

    private sealed class UnmigratedWebAppFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:AutoMigrate"] = "false" };
    }
}
