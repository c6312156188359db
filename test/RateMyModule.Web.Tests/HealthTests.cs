using System.Net;
using RateMyModule.Framework;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

public sealed class HealthTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Live_answers_200()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_answers_200_on_a_migrated_database()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }
}

/// <summary>
/// The app starts on a migrated database, then the database falls behind the code (as when a new version's
/// replica starts before its DbMigrator ran): the Framework's migration history is emptied.
/// </summary>
public sealed class PendingMigrationsTests : IClassFixture<WebAppFactory>
{
    private readonly WebAppFactory _factory;

    public PendingMigrationsTests(WebAppFactory factory)
    {
        _factory = factory;
        _factory.StartServer();
        using var connection = DatabaseEngines.For(factory.Database.Provider).CreateConnection(factory.Database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM \"{ModuleDbContextRegistration.HistoryTable(FrameworkDbContext.Name)}\"";
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Ready_answers_503_while_migrations_are_pending()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task Live_still_answers_200_while_migrations_are_pending()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
