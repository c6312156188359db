using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RateMyModule.Web.Configuration;
using RateMyModule.Web.DataProtection;

namespace RateMyModule.Web.Tests.Configuration;

public sealed class DeploymentServiceCollectionExtensionsTests
{
    [Fact]
    public void Log_level_is_the_default_and_the_floor_of_every_category()
    {
        var logging = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LogLevel:Default"] = "Information",
            ["LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["LogLevel:RateMyModule"] = "Debug",
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.AddConfiguration(logging));

        services.AddDeploymentSettings(Settings(s => s.MinimumLogLevel = LogLevel.Warning));

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<LoggerFilterOptions>>().Value;
        options.MinLevel.ShouldBe(LogLevel.Warning);
        options.Rules.Single(r => r.CategoryName is null).LogLevel.ShouldBe(LogLevel.Warning);
        options.Rules.Single(r => r.CategoryName == "RateMyModule").LogLevel.ShouldBe(LogLevel.Warning);
        options.Rules.Single(r => r.CategoryName == "Microsoft.AspNetCore").LogLevel.ShouldBe(LogLevel.Warning);
    }

    [Fact]
    public void Debug_log_level_keeps_noisy_categories_where_appsettings_put_them()
    {
        var logging = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LogLevel:Default"] = "Information",
            ["LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.AddConfiguration(logging));

        services.AddDeploymentSettings(Settings(s => s.MinimumLogLevel = LogLevel.Debug));

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<LoggerFilterOptions>>().Value;
        options.Rules.Single(r => r.CategoryName is null).LogLevel.ShouldBe(LogLevel.Debug);
        options.Rules.Single(r => r.CategoryName == "Microsoft.EntityFrameworkCore").LogLevel.ShouldBe(LogLevel.Warning);
    }

    [Fact]
    public void Allowed_hosts_become_the_host_filter()
    {
        var services = new ServiceCollection();

        services.AddDeploymentSettings(Settings(s => s.AllowedHosts = ["ratemymodule.org", "www.ratemymodule.org"]));

        services.BuildServiceProvider().GetRequiredService<IOptions<HostFilteringOptions>>().Value.AllowedHosts
            .ShouldBe(["ratemymodule.org", "www.ratemymodule.org"]);
    }

    [Fact]
    public void A_secret_key_encrypts_the_key_ring_and_data_protection_reads_it_back()
    {
        var services = new ServiceCollection();
        var keys = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "rmm-keys", Guid.NewGuid().ToString("N")));
        services.AddDataProtection().SetApplicationName("RateMyModule").PersistKeysToFileSystem(keys);

        services.AddDeploymentSettings(Settings(s => s.SecretKey = "the-right-secret-key-0123456789abcdef"));

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor.ShouldBeOfType<SecretKeyXmlEncryptor>();
        var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var payload = protector.Protect("hello");
        var stored = string.Concat(keys.GetFiles("*.xml").Select(f => File.ReadAllText(f.FullName)));
        stored.ShouldContain("secretKeyEncryptedKey");
        stored.ShouldNotContain("<masterKey");

        // A fresh provider over the same stored keys must decrypt them to read the payload.
        var again = new ServiceCollection();
        again.AddDataProtection().SetApplicationName("RateMyModule").PersistKeysToFileSystem(keys);
        again.AddDeploymentSettings(Settings(s => s.SecretKey = "the-right-secret-key-0123456789abcdef"));
        using var restarted = again.BuildServiceProvider();
        restarted.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload).ShouldBe("hello");
        keys.Delete(recursive: true);
    }

    [Fact]
    public void Without_a_secret_key_no_encryptor_is_registered()
    {
        var services = new ServiceCollection();
        services.AddDataProtection();

        services.AddDeploymentSettings(Settings(_ => { }));

        using var provider = services.BuildServiceProvider();
        provider.GetService<KeyRingSecret>().ShouldBeNull();
        provider.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor.ShouldBeNull();
    }

    private static DeploymentSettings Settings(Action<SettingsBuilder> configure)
    {
        var builder = new SettingsBuilder();
        configure(builder);
        return new DeploymentSettings
        {
            MinimumLogLevel = builder.MinimumLogLevel,
            AllowedHosts = builder.AllowedHosts,
            SecretKey = builder.SecretKey,
            Email = new EmailSettings(),
            Google = new OAuthProviderSettings(),
            Microsoft = new OAuthProviderSettings(),
        };
    }

    private sealed class SettingsBuilder
    {
        public LogLevel? MinimumLogLevel { get; set; }

        public IReadOnlyList<string> AllowedHosts { get; set; } = [];

        public string? SecretKey { get; set; }
    }
}
