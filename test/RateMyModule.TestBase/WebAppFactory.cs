using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.TestBase;

/// <summary>
/// The real web host over its own database (<see cref="TestDatabase"/>), migrated on start. One per test class fixture (xunit
/// <c>IClassFixture&lt;WebAppFactory&gt;</c>), so the app starts once per class, not once per test.
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = new();

    /// <summary>Extra configuration for a derived fixture (wins over the defaults below).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The modules' own scripts and styles (_content/…), which only Development serves unasked, as a published app has them.
        builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>(Database.Settings)
        {
            ["Database:AutoMigrate"] = "true",
            ["Database:SeedDemoData"] = "false",
            ["BackgroundJobs:IsEnabled"] = "false",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services => services.AddTestAuthentication());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
