using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// PBKDF2 rounds per password hash. The product's 100,000 cost ~60 ms of CPU a hash here, and the suites hash on
    /// every account they make and every sign-in, so the tests use far fewer; a fixture that times the hash work
    /// (the sign-in timing test) returns null to keep the product's own count.
    /// </summary>
    protected virtual int? PasswordHashIterations => 1_000;

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
        builder.ConfigureTestServices(services =>
        {
            services.AddTestAuthentication();
            if (PasswordHashIterations is { } iterations)
            {
                services.Configure<PasswordHasherOptions>(options => options.IterationCount = iterations);
            }
        });
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
