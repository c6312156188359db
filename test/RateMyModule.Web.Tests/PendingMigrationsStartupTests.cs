using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

public sealed class PendingMigrationsStartupTests
{
    [Fact]
    public void Without_auto_migration_the_host_refuses_a_database_that_is_behind_and_says_to_run_the_DbMigrator()
    {
        using var factory = new UnmigratedWebAppFactory();

        var error = Should.Throw<RateMyModule.Web.Configuration.InvalidConfigurationException>(() => factory.CreateClient());

        error.Message.ShouldContain("pending migrations");
        error.Message.ShouldContain("Framework");
        error.Message.ShouldContain("Run the DbMigrator");
    }

    private sealed class UnmigratedWebAppFactory : WebAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:AutoMigrate"] = "false" };
    }
}
